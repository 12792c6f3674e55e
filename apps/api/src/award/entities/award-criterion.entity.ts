import type { AutomatedMetric, CriterionKind, PartialLocalizedText } from '@marsad/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../../database/localized-text';
import { AwardEdition } from './award-edition.entity';

/** A criterion of an edition: automated (a metric of Marsad's data) or scored by the jury; weights sum to 100. */
@Entity({ name: 'award_criteria' })
@Index(['editionId'])
@Check(`"kind" IN ('automated', 'jury')`)
@Check(`("kind" = 'automated') = ("metric" IS NOT NULL)`)
@Check(`"weight" > 0 AND "weight" <= 100`)
export class AwardCriterion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => AwardEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: AwardEdition;

  @Column({ type: 'varchar', length: 10 })
  kind!: CriterionKind;

  @Column({ type: 'varchar', length: 32, nullable: true })
  metric!: AutomatedMetric | null;

  @Column({ type: 'jsonb' })
  title!: PartialLocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  description!: PartialLocalizedText;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer })
  weight!: number;

  @Column({ type: 'int' })
  position!: number;
}
