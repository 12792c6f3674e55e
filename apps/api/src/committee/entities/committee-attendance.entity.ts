import type { AttendanceStatus } from '@marsad/contracts';
import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { CommitteeMeeting } from './committee-meeting.entity';
import { CommitteeRepresentative } from './committee-representative.entity';

/** Whether a representative attended a meeting, as recorded by ADD or confirmed by the person. */
@Entity({ name: 'committee_attendance' })
@Unique(['meetingId', 'representativeId'])
@Check(`"status" IN ('present', 'excused', 'absent')`)
export class CommitteeAttendance {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => CommitteeMeeting, (meeting) => meeting.attendance, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: CommitteeMeeting;

  @Column({ name: 'representative_id', type: 'uuid' })
  representativeId!: string;

  @ManyToOne(() => CommitteeRepresentative, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'representative_id' })
  representative?: CommitteeRepresentative;

  @Column({ type: 'varchar', length: 16 })
  status!: AttendanceStatus;

  @Column({ name: 'confirmed_by_self_at', type: 'timestamptz', nullable: true })
  confirmedBySelfAt!: Date | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 200, nullable: true })
  recordedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
