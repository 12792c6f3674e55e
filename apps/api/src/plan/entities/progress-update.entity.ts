import type { ActivityStatus, PartialLocalizedText } from '@marsad/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Activity } from './activity.entity';
import { Evidence } from './evidence.entity';

/** A dated report on an activity. Append-only: it records what someone said at the time. */
@Entity({ name: 'progress_updates' })
@Index(['activityId', 'reportedOn'])
@Check('"progress" BETWEEN 0 AND 100')
@Check(`"status" IN ('not_started', 'in_progress', 'completed', 'delayed', 'cancelled')`)
export class ProgressUpdate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId!: string;

  @ManyToOne(() => Activity, (activity) => activity.updates, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Activity;

  @Column({ name: 'reported_on', type: 'date' })
  reportedOn!: string;

  @Column({ name: 'author_name', type: 'varchar', length: 200 })
  authorName!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ActivityStatus;

  @Column({ type: 'int' })
  progress!: number;

  @Column({ type: 'jsonb' })
  narrative!: PartialLocalizedText;

  @OneToMany(() => Evidence, (evidence) => evidence.progressUpdate)
  evidence?: Evidence[];

  /** Part of the demo data set, shown as such in the UI. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
