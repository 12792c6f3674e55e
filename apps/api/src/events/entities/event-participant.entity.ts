import type { OfficerRole } from '@marsad/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Institution } from '../../institutions/entities/institution.entity';
import { OfficerAppointment } from '../../officers/entities/officer-appointment.entity';
import { PlanEvent } from './plan-event.entity';

/**
 * An officer or data manager of the register who took part in an event: linked to their
 * appointment, so it shows on their record and their administration's.
 */
@Entity({ name: 'event_participants' })
@Unique(['eventId', 'appointmentId'])
@Index(['appointmentId'])
@Index(['institutionId'])
export class EventParticipant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => PlanEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: PlanEvent;

  @Column({ name: 'appointment_id', type: 'uuid' })
  appointmentId!: string;

  @ManyToOne(() => OfficerAppointment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'appointment_id' })
  appointment?: OfficerAppointment;

  /** The appointment's administration and role, kept for the reach figures. */
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution;

  @Column({ type: 'varchar', length: 4 })
  role!: OfficerRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
