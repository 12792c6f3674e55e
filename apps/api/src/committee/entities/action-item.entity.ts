import type { ActionItemStatus, PartialLocalizedText } from '@marsad/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Institution } from '../../institutions/entities/institution.entity';
import { ActionItemNote } from './action-item-note.entity';
import { CommitteeDecision } from './committee-decision.entity';

/** Something a decision asks an administration to do by a date. */
@Entity({ name: 'committee_action_items' })
@Index(['ownerInstitutionId', 'status'])
@Index(['status', 'dueOn'])
@Index(['decisionId', 'number'], { unique: true })
@Check(`"status" IN ('open', 'in_progress', 'done', 'dropped')`)
export class ActionItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId!: string;

  @ManyToOne(() => CommitteeDecision, (decision) => decision.actionItems, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'decision_id' })
  decision?: CommitteeDecision;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'jsonb' })
  text!: PartialLocalizedText;

  @Column({ name: 'owner_institution_id', type: 'uuid' })
  ownerInstitutionId!: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_institution_id' })
  owner?: Institution;

  @Column({ name: 'owner_person', type: 'varchar', length: 200, nullable: true })
  ownerPerson!: string | null;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: ActionItemStatus;

  @Column({ name: 'closing_evidence', type: 'varchar', length: 2000, nullable: true })
  closingEvidence!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @OneToMany(() => ActionItemNote, (note) => note.actionItem)
  notes?: ActionItemNote[];

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
