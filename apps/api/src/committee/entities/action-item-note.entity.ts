import type { ActionItemStatus } from '@marsad/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Institution } from '../../institutions/entities/institution.entity';
import { ActionItem } from './action-item.entity';

/** A progress note on an action item, by its owner's officers or ADD. Notes are never edited. */
@Entity({ name: 'committee_action_item_notes' })
@Index(['actionItemId', 'createdAt'])
export class ActionItemNote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'action_item_id', type: 'uuid' })
  actionItemId!: string;

  @ManyToOne(() => ActionItem, (item) => item.notes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_item_id' })
  actionItem?: ActionItem;

  @Column({ type: 'varchar', length: 2000 })
  body!: string;

  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId!: string | null;

  @Column({ name: 'author_name', type: 'varchar', length: 200 })
  authorName!: string;

  @Column({ name: 'author_institution_id', type: 'uuid', nullable: true })
  authorInstitutionId!: string | null;

  @ManyToOne(() => Institution, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_institution_id' })
  authorInstitution?: Institution | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  status!: ActionItemStatus | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
