import type {
  PartialLocalizedText,
  RoundAdministrationRow,
  RoundFrozenFigures,
  RoundGroupRow,
  RoundTally,
} from '@marsad/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { Activity } from '../../plan/entities/activity.entity';
import { Plan } from '../../plan/entities/plan.entity';

/** What a closed round keeps: its standing and the plan's validated figures at closing. */
export interface FrozenRound {
  tally: RoundTally;
  activityCount: number;
  administrationCount: number;
  byType: RoundGroupRow[];
  byRegion: RoundGroupRow[];
  administrations: RoundAdministrationRow[];
  figures: RoundFrozenFigures;
}

/**
 * A reporting round of a plan (e.g. a quarter). Rounds of a plan never overlap, so a report
 * handed in belongs to at most one round. Closing freezes the round's figures (`frozen`).
 */
@Entity({ name: 'reporting_rounds' })
@Index(['planId', 'opensOn'])
@Check('"closes_on" >= "opens_on"')
export class ReportingRound {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  @Column({ type: 'jsonb' })
  name!: PartialLocalizedText;

  @Column({ name: 'opens_on', type: 'date' })
  opensOn!: string;

  @Column({ name: 'closes_on', type: 'date' })
  closesOn!: string;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by_name', type: 'varchar', length: 200, nullable: true })
  closedByName!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  frozen!: FrozenRound | null;

  @ManyToMany(() => Activity)
  @JoinTable({
    name: 'reporting_round_activities',
    joinColumn: { name: 'round_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'activity_id', referencedColumnName: 'id' },
  })
  activities?: Activity[];

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: User | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
