import type { AppointmentStatus, OfficerRole } from '@marsad/contracts';
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

/**
 * A person appointed ROD or GdD of an administration. Never deleted: ending an
 * appointment keeps it in the history. One active ROD per administration (an
 * interim may stand in beside it), enforced by a partial unique index.
 */
@Entity({ name: 'officer_appointments' })
@Index('UQ_one_active_rod_per_institution', ['institutionId'], {
  unique: true,
  where: `"role" = 'ROD' AND "status" = 'active'`,
})
@Index(['institutionId', 'status'])
@Index(['email'])
@Check(`"role" IN ('ROD', 'GDD')`)
@Check(`"status" IN ('active', 'interim', 'ended')`)
@Check(`("status" = 'ended') = ("ended_on" IS NOT NULL)`)
@Check(`"ended_on" IS NULL OR "ended_on" >= "appointed_on"`)
export class OfficerAppointment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution;

  @Column({ type: 'varchar', length: 4 })
  role!: OfficerRole;

  @Column({ type: 'varchar', length: 8, default: 'active' })
  status!: AppointmentStatus;

  /** The person's name in Arabic and French script. */
  @Column({ name: 'full_name', type: 'jsonb' })
  fullName!: { ar?: string; fr?: string };

  /** Personal data: lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  position!: string | null;

  /** The person agreed to have their name shown publicly (law 09-08). */
  @Column({ name: 'public_consent', type: 'boolean', default: false })
  publicConsent!: boolean;

  @Column({ name: 'appointed_on', type: 'date' })
  appointedOn!: string;

  @Column({ name: 'act_reference', type: 'varchar', length: 120, nullable: true })
  actReference!: string | null;

  @Column({ name: 'act_date', type: 'date', nullable: true })
  actDate!: string | null;

  @Column({ name: 'act_storage_key', type: 'varchar', length: 200, nullable: true })
  actStorageKey!: string | null;

  @Column({ name: 'act_content_type', type: 'varchar', length: 60, nullable: true })
  actContentType!: string | null;

  @Column({ name: 'act_size_bytes', type: 'int', nullable: true })
  actSizeBytes!: number | null;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 300, nullable: true })
  endReason!: string | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
