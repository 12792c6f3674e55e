import type {
  Classification,
  DataTheme,
  Frequency,
  InventoryPriority,
  InventoryStatus,
  MatchState,
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

/**
 * An item of an administration's data inventory (measure 6): data it holds,
 * how it may be opened, when, and the portal dataset it became.
 */
@Entity({ name: 'inventory_items' })
@Index('UQ_inventory_reference_per_institution', ['institutionId', 'reference'], { unique: true })
@Index(['matchCkanId'])
@Check(`"classification" IN ('open', 'restricted', 'not_disclosable')`)
@Check(`"status" IN ('identified', 'in_preparation', 'published', 'withheld')`)
@Check(`"match_state" IN ('none', 'suggested', 'confirmed')`)
@Check(`"classification" = 'open' OR "legal_basis" IS NOT NULL`)
@Check(`"classification" = 'open' OR NOT "public"`)
export class InventoryItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution;

  /** The administration's own reference: the natural key of imports. */
  @Column({ type: 'varchar', length: 64 })
  reference!: string;

  @Column({ type: 'jsonb' })
  title!: { ar: string; fr: string };

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  theme!: DataTheme | null;

  @Column({ name: 'owning_unit', type: 'varchar', length: 200, nullable: true })
  owningUnit!: string | null;

  @Column({ type: 'varchar', length: 16 })
  classification!: Classification;

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'medium' })
  priority!: InventoryPriority;

  @Column({ name: 'planned_date', type: 'date', nullable: true })
  plannedDate!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  frequency!: Frequency | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  formats!: string[];

  @Column({ type: 'varchar', length: 16, default: 'identified' })
  status!: InventoryStatus;

  @Column({ type: 'boolean', default: false })
  public!: boolean;

  @Column({ name: 'match_state', type: 'varchar', length: 12, default: 'none' })
  matchState!: MatchState;

  /** The portal dataset (CKAN id) suggested or confirmed. */
  @Column({ name: 'match_ckan_id', type: 'varchar', length: 100, nullable: true })
  matchCkanId!: string | null;

  @Column({ name: 'match_basis', type: 'varchar', length: 12, nullable: true })
  matchBasis!: 'identifier' | 'url' | 'title' | 'manual' | null;

  /** Normalised French and Arabic titles, for search and matching. */
  @Column({ name: 'search_text', type: 'text', default: '' })
  searchText!: string;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
