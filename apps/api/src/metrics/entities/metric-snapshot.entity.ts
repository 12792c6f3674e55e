import type { PublicationFigures } from '@marsad/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The publication figures of one administration (or of the whole portal when
 * `institution_id` is null) on one day. Recomputing the same day replaces it,
 * so the history keeps one point a day.
 */
@Entity({ name: 'metric_snapshots' })
@Index('UQ_metric_snapshot_day_institution', ['day', 'institutionId'], {
  unique: true,
  where: `"institution_id" IS NOT NULL`,
})
@Index('UQ_metric_snapshot_day_national', ['day'], { unique: true, where: `"institution_id" IS NULL` })
@Index(['institutionId', 'day'])
// Ranks are counted among one day's scores.
@Index(['day', 'score'])
export class MetricSnapshot {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'date' })
  day!: string;

  @Column({ name: 'institution_id', type: 'uuid', nullable: true })
  institutionId!: string | null;

  @Column({ type: 'integer' })
  datasets!: number;

  @Column({
    type: 'numeric',
    precision: 4,
    scale: 1,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  score!: number | null;

  @Column({ type: 'jsonb' })
  figures!: PublicationFigures;

  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;

  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId!: string | null;
}
