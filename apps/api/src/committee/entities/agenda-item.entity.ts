import type { PartialLocalizedText } from '@marsad/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ActionItem } from './action-item.entity';
import { CommitteeMeeting } from './committee-meeting.entity';

/** One item of a meeting's agenda, in order; it may follow up an action item. */
@Entity({ name: 'committee_agenda_items' })
@Index(['meetingId', 'position'], { unique: true })
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => CommitteeMeeting, (meeting) => meeting.agenda, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: CommitteeMeeting;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  title!: PartialLocalizedText;

  @Column({ name: 'measure_numbers', type: 'int', array: true, default: () => `'{}'` })
  measureNumbers!: number[];

  @Column({ name: 'activity_codes', type: 'varchar', length: 32, array: true, default: () => `'{}'` })
  activityCodes!: string[];

  @Column({ name: 'action_item_id', type: 'uuid', nullable: true })
  actionItemId!: string | null;

  @ManyToOne(() => ActionItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'action_item_id' })
  actionItem?: ActionItem | null;
}
