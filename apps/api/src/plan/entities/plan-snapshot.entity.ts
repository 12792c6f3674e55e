import type { Health, PlanSnapshotActivity, PlanHistoryPoint } from '@marsad/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Plan } from './plan.entity';

/** What a snapshot keeps beyond its columns: the day's point (roll-ups, counts) and every activity. */
export interface PlanSnapshotFigures {
  point: Omit<PlanHistoryPoint, 'day'>;
  activities: PlanSnapshotActivity[];
}

/**
 * The plan as it stood on one day (Morocco's calendar): validated status and progress of every
 * activity and the measure and plan roll-ups. Taking the same day again replaces it, so the
 * history keeps one row a day, like the publication snapshots.
 */
@Entity({ name: 'plan_snapshots' })
@Unique('UQ_plan_snapshot_plan_day', ['planId', 'day'])
export class PlanSnapshot {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  @Column({ type: 'date' })
  day!: string;

  @Column({
    type: 'numeric',
    precision: 4,
    scale: 1,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  progress!: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  health!: Health | null;

  @Column({ type: 'jsonb' })
  figures!: PlanSnapshotFigures;

  /** Backfilled by the demo data set (illustrative), not taken on the day. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;
}
