import type { AwardLink, PartialLocalizedText } from '@marsad/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Institution } from '../../institutions/entities/institution.entity';
import { AwardEdition } from './award-edition.entity';

/** An administration's application to an edition: written by its ROD, locked at the deadline. */
@Entity({ name: 'award_applications' })
@Unique(['editionId', 'institutionId'])
export class AwardApplication {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => AwardEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: AwardEdition;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  narrative!: PartialLocalizedText;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  links!: AwardLink[];

  @Column({ name: 'claimed_reuse_ids', type: 'uuid', array: true, default: () => "'{}'" })
  claimedReuseIds!: string[];

  /** Sent as complete: the tie-break's second rule. */
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
