import type { AudienceCategory } from '@marsad/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PlanEvent } from './plan-event.entity';

/** Other participants of an event, counted by category (no personal data). */
@Entity({ name: 'event_participant_counts' })
@Check(`"count" >= 0`)
export class EventParticipantCount {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => PlanEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: PlanEvent;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  category!: AudienceCategory;

  @Column({ type: 'int' })
  count!: number;
}
