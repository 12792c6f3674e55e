import type {
  AudienceCategory,
  EventFormat,
  EventMaterial,
  EventStatus,
  EventType,
  PartialLocalizedText,
} from '@marsad/contracts';
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

/** A workshop, training, promotion action or hackathon of the plan (measures 4, 8, 9, 12). */
@Entity({ name: 'plan_events' })
@Check(`"type" IN ('workshop', 'training', 'promotion', 'hackathon', 'other')`)
@Check(`"format" IN ('in_person', 'online', 'hybrid')`)
@Check(`"status" IN ('planned', 'held', 'cancelled')`)
@Check(`"ends_on" >= "starts_on"`)
@Index(['startsOn'])
export class PlanEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: EventType;

  @Column({ type: 'jsonb' })
  title!: PartialLocalizedText;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ type: 'varchar', length: 12 })
  format!: EventFormat;

  /** A region, province or commune of the registry. */
  @Column({ name: 'place_id', type: 'uuid', nullable: true })
  placeId!: string | null;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'place_id' })
  place?: Institution | null;

  @Column({ name: 'online_url', type: 'varchar', length: 2000, nullable: true })
  onlineUrl!: string | null;

  @Column({ name: 'organiser_id', type: 'uuid', nullable: true })
  organiserId!: string | null;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organiser_id' })
  organiser?: Institution | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  partners!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  audiences!: AudienceCategory[];

  @Column({ type: 'int', nullable: true })
  capacity!: number | null;

  @Column({ type: 'varchar', length: 12, default: 'planned' })
  status!: EventStatus;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  materials!: EventMaterial[];

  @Column({ name: 'activity_codes', type: 'text', array: true, default: () => "'{}'" })
  activityCodes!: string[];

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
