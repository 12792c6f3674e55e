import type { OtherAudienceCategory } from '@marsad/contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PlanEvent } from './plan-event.entity';

/**
 * A participant from a sign-in sheet who is not in the register: counted in their category.
 * Only a keyed hash of the email is kept (law 09-08), so that importing the sheet again does
 * not count them twice.
 */
@Entity({ name: 'event_guests' })
export class EventGuest {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => PlanEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: PlanEvent;

  /** HMAC-SHA-256 of the lower-cased email, hex. */
  @PrimaryColumn({ name: 'email_key', type: 'varchar', length: 64 })
  emailKey!: string;

  @Column({ type: 'varchar', length: 24 })
  category!: OtherAudienceCategory;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
