import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { PlanEvent } from './plan-event.entity';

/**
 * One answer to an event's feedback form, anonymous. The link's nonce is kept so that a link
 * is used once: a participant's personal link carries their participation's id, an anonymous
 * link a random nonce.
 */
@Entity({ name: 'event_feedback' })
@Unique(['eventId', 'nonce'])
@Check(`"overall" BETWEEN 1 AND 5`)
@Check(`"content" IS NULL OR "content" BETWEEN 1 AND 5`)
@Check(`"organisation" IS NULL OR "organisation" BETWEEN 1 AND 5`)
export class EventFeedback {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => PlanEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: PlanEvent;

  @Column({ type: 'varchar', length: 64 })
  nonce!: string;

  /** Given through a registered participant's personal link. */
  @Column({ type: 'boolean', default: false })
  personal!: boolean;

  @Column({ type: 'smallint' })
  overall!: number;

  @Column({ type: 'smallint', nullable: true })
  content!: number | null;

  @Column({ type: 'smallint', nullable: true })
  organisation!: number | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
