import type { PartialLocalizedText } from '@marsad/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { PlanEvent } from '../../events/entities/plan-event.entity';

/** A challenge of a hackathon, on datasets of the portal. */
@Entity({ name: 'hackathon_challenges' })
@Index(['eventId'])
export class HackathonChallenge {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => PlanEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: PlanEvent;

  @Column({ type: 'jsonb' })
  title!: PartialLocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  description!: PartialLocalizedText;

  @Column({ name: 'dataset_ids', type: 'text', array: true, default: () => "'{}'" })
  datasetIds!: string[];

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
