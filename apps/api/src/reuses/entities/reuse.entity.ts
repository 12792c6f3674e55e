import type { PartialLocalizedText, ReuseOrigin, ReuserType, ReuseStatus } from '@marsad/contracts';
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
import { PlanEvent } from '../../events/entities/plan-event.entity';

/** A reuse of the portal's data (measure 11): proposed by anyone, published by ADD's coordinators. */
@Entity({ name: 'reuses' })
@Check(`"reuser_type" IN ('startup', 'company', 'researcher', 'student', 'civil_society', 'media', 'administration')`)
@Check(`"origin" IN ('hackathon', 'spontaneous', 'partnership')`)
@Check(`"status" IN ('submitted', 'published', 'rejected')`)
@Check(`"status" <> 'published' OR "published_at" IS NOT NULL`)
@Index(['status', 'publishedAt'])
export class Reuse {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'jsonb' })
  title!: PartialLocalizedText;

  @Column({ type: 'jsonb' })
  description!: PartialLocalizedText;

  @Column({ name: 'reuser_type', type: 'varchar', length: 16 })
  reuserType!: ReuserType;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'varchar', length: 12, default: 'spontaneous' })
  origin!: ReuseOrigin;

  @Column({ type: 'varchar', length: 10, default: 'submitted' })
  status!: ReuseStatus;

  /** Portal (CKAN) ids of the harvested datasets it uses. */
  @Column({ name: 'dataset_ids', type: 'text', array: true, default: () => "'{}'" })
  datasetIds!: string[];

  /** Left by the proposer for the coordinators' questions; never shown to others (law 09-08). */
  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason!: string | null;

  @Column({ name: 'hackathon_event_id', type: 'uuid', nullable: true })
  hackathonEventId!: string | null;

  @ManyToOne(() => PlanEvent, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'hackathon_event_id' })
  hackathonEvent?: PlanEvent | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
