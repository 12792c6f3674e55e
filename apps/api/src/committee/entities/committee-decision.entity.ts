import type { PartialLocalizedText } from '@marsad/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ActionItem } from './action-item.entity';
import { CommitteeMeeting } from './committee-meeting.entity';

/** A decision taken at a meeting, numbered within it; it may create action items. */
@Entity({ name: 'committee_decisions' })
@Index(['meetingId', 'number'], { unique: true })
export class CommitteeDecision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => CommitteeMeeting, (meeting) => meeting.decisions, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: CommitteeMeeting;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'jsonb' })
  text!: PartialLocalizedText;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Column({ name: 'measure_numbers', type: 'int', array: true, default: () => `'{}'` })
  measureNumbers!: number[];

  @Column({ name: 'activity_codes', type: 'varchar', length: 32, array: true, default: () => `'{}'` })
  activityCodes!: string[];

  @OneToMany(() => ActionItem, (item) => item.decision)
  actionItems?: ActionItem[];

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
