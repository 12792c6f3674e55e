import type { PlanCommentStatus } from '@marsad/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Institution } from '../../institutions/entities/institution.entity';
import { Activity } from '../../plan/entities/activity.entity';
import { Measure } from '../../plan/entities/measure.entity';

/**
 * A comment or question left by anyone on a measure or an activity of the plan (e-participation).
 * Nothing identifies its author (law 09-08): no e-mail, no IP address, only the name they chose to give.
 */
@Entity({ name: 'plan_comments' })
@Check(`"status" IN ('pending', 'published', 'rejected')`)
@Check(`("activity_id" IS NULL) <> ("measure_id" IS NULL)`)
@Check(`"status" <> 'published' OR "published_at" IS NOT NULL`)
@Check(`"status" <> 'rejected' OR "reject_reason" IS NOT NULL`)
@Check(`("answer_body" IS NULL) = ("answered_at" IS NULL)`)
@Index(['activityId', 'status', 'publishedAt'])
@Index(['measureId', 'status', 'publishedAt'])
@Index(['status', 'createdAt'])
export class PlanComment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The activity commented on, or null for a comment on a measure. */
  @Column({ name: 'activity_id', type: 'uuid', nullable: true })
  activityId!: string | null;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Activity | null;

  /** The measure commented on, or null for a comment on an activity. */
  @Column({ name: 'measure_id', type: 'uuid', nullable: true })
  measureId!: string | null;

  @ManyToOne(() => Measure, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure?: Measure | null;

  @Column({ type: 'varchar', length: 2000 })
  body!: string;

  /** As the author wrote it; null: anonymous. */
  @Column({ name: 'author_name', type: 'varchar', length: 80, nullable: true })
  authorName!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: PlanCommentStatus;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** The official answer. */
  @Column({ name: 'answer_body', type: 'varchar', length: 2000, nullable: true })
  answerBody!: string | null;

  /** The administration the answer speaks for (the lead, or ADD when a coordinator answered). */
  @Column({ name: 'answer_institution_id', type: 'uuid', nullable: true })
  answerInstitutionId!: string | null;

  @ManyToOne(() => Institution, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'answer_institution_id' })
  answerInstitution?: Institution | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
