import type { InstitutionType, PartialLocalizedText } from '@marsad/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** An edition of the Imtiaz award's open-data category (measure 10): its timeline and who may apply. */
@Entity({ name: 'award_editions' })
@Unique(['year'])
@Check(`"applications_close_at" >= "call_opens_on"`)
@Check(`"scoring_opens_on" <= "scoring_closes_at"`)
@Check(`"scoring_closes_at" >= "applications_close_at"`)
export class AwardEdition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'jsonb' })
  title!: PartialLocalizedText;

  @Column({ name: 'call_opens_on', type: 'date' })
  callOpensOn!: string;

  /** The deadline: applications lock and the automated criteria's values freeze. */
  @Column({ name: 'applications_close_at', type: 'timestamptz' })
  applicationsCloseAt!: Date;

  @Column({ name: 'scoring_opens_on', type: 'date' })
  scoringOpensOn!: string;

  @Column({ name: 'scoring_closes_at', type: 'timestamptz' })
  scoringClosesAt!: Date;

  @Column({ name: 'results_on', type: 'date' })
  resultsOn!: string;

  @Column({ name: 'eligible_types', type: 'text', array: true, default: () => "'{}'" })
  eligibleTypes!: InstitutionType[];

  /** When the automated values were frozen (at or just after the deadline). */
  @Column({ name: 'frozen_at', type: 'timestamptz', nullable: true })
  frozenAt!: Date | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
