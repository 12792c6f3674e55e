import type { ActivityStatus, Blocker, PartialLocalizedText, ProgressUpdateState } from '@marsad/contracts';
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
  VersionColumn,
} from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { Institution } from '../../institutions/entities/institution.entity';
import { Activity } from './activity.entity';
import { Evidence } from './evidence.entity';

/**
 * A dated report on an activity. An administration's report waits for a coordinator's decision
 * (submitted → validated | returned); only validated reports set the activity's figures. A
 * validated report is never changed again: it records what was said and accepted at the time.
 */
@Entity({ name: 'progress_updates' })
@Index(['activityId', 'reportedOn'])
@Index(['state', 'submittedAt'])
@Check(`"state" IN ('draft', 'submitted', 'validated', 'returned')`)
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

  /** The author's display name when the report was made. */
  @Column({ name: 'author_name', type: 'varchar', length: 200 })
  authorName!: string;

  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_user_id' })
  authorUser?: User | null;

  /** The administration the author reported for (their institution then). */
  @Index()
  @Column({ name: 'author_institution_id', type: 'uuid', nullable: true })
  authorInstitutionId!: string | null;

  @ManyToOne(() => Institution, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_institution_id' })
  authorInstitution?: Institution | null;

  @Column({ type: 'varchar', length: 12, default: 'validated' })
  state!: ProgressUpdateState;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** When it was first handed in; a correction after a return keeps it (punctuality in a round). */
  @Column({ name: 'first_submitted_at', type: 'timestamptz', nullable: true })
  firstSubmittedAt!: Date | null;

  /** The reporting round open when it was first handed in, if its activity was in scope. */
  @Index()
  @Column({ name: 'round_id', type: 'uuid', nullable: true })
  roundId!: string | null;

  /** When a coordinator validated or returned it. */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_user_id' })
  decidedByUser?: User | null;

  @Column({ name: 'decided_by_name', type: 'varchar', length: 200, nullable: true })
  decidedByName!: string | null;

  @Column({ name: 'return_comment', type: 'text', nullable: true })
  returnComment!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  blockers!: Blocker[];

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

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
