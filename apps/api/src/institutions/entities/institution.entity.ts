import type { InstitutionType, LocalizedText } from '@marsad/contracts';
import {
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

/**
 * An administration: a ministry, public institution or enterprise, authority,
 * region, province or prefecture, or commune. Territorial ones carry their
 * official HCP code as `code`.
 */
@Entity({ name: 'institutions' })
@Index(['type', 'code'])
export class Institution {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable code, e.g. ADD, HCP, or an HCP territorial code (04, 04.421, 04.421.01.0). */
  @Column({ type: 'varchar', length: 64, unique: true })
  code!: string;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ type: 'varchar', length: 32, nullable: true })
  acronym!: string | null;

  @Column({ type: 'varchar', length: 32 })
  type!: InstitutionType;

  /** Finer kind from the source, e.g. prefecture or rural commune. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  subtype!: string | null;

  /** The supervising ministry; for territories: region → province → commune. */
  @Index()
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Institution, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Institution | null;

  /** HCP code of the region it lies in (territorial and deconcentrated bodies). */
  @Index()
  @Column({ name: 'region_code', type: 'varchar', length: 8, nullable: true })
  regionCode!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website!: string | null;

  /** The organisation's name on the CKAN portal (data.gov.ma). */
  @Column({ name: 'portal_org_name', type: 'varchar', length: 100, nullable: true, unique: true })
  portalOrgName!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Names, acronym and code, normalised for accent- and hamza-insensitive search. */
  @Column({ name: 'search_text', type: 'text', default: '' })
  searchText!: string;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
