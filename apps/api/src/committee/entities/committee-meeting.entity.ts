import type { InvitedExpert, MeetingStatus, MinutesState, PartialLocalizedText } from '@marsad/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { AgendaItem } from './agenda-item.entity';
import { CommitteeAttendance } from './committee-attendance.entity';
import { CommitteeDecision } from './committee-decision.entity';
import { CommitteeDocument } from './committee-document.entity';

/** A meeting of the steering committee, numbered in order. */
@Entity({ name: 'committee_meetings' })
@Check(`"status" IN ('planned', 'held', 'cancelled')`)
@Check(`"minutes_state" IN ('draft', 'approved')`)
export class CommitteeMeeting {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int', unique: true })
  number!: number;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  place!: string | null;

  @Column({ name: 'online_url', type: 'varchar', length: 2048, nullable: true })
  onlineUrl!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'planned' })
  status!: MeetingStatus;

  /** Invited experts (names are personal data: shown only to the committee and coordinators). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  experts!: InvitedExpert[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  minutes!: PartialLocalizedText;

  @Column({ name: 'minutes_state', type: 'varchar', length: 16, default: 'draft' })
  minutesState!: MinutesState;

  @Column({ name: 'minutes_approved_at', type: 'timestamptz', nullable: true })
  minutesApprovedAt!: Date | null;

  @Column({ name: 'minutes_approved_by', type: 'varchar', length: 200, nullable: true })
  minutesApprovedBy!: string | null;

  @OneToMany(() => AgendaItem, (item) => item.meeting)
  agenda?: AgendaItem[];

  @OneToMany(() => CommitteeAttendance, (row) => row.meeting)
  attendance?: CommitteeAttendance[];

  @OneToMany(() => CommitteeDecision, (decision) => decision.meeting)
  decisions?: CommitteeDecision[];

  @OneToMany(() => CommitteeDocument, (document) => document.meeting)
  documents?: CommitteeDocument[];

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
