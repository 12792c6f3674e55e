import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../../database/localized-text';
import { AwardApplication } from './award-application.entity';
import { AwardCriterion } from './award-criterion.entity';

/** An automated criterion's value for an application, frozen at the deadline: later harvests do not move it. */
@Entity({ name: 'award_automated_values' })
export class AwardAutomatedValue {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => AwardApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: AwardApplication;

  @PrimaryColumn({ name: 'criterion_id', type: 'uuid' })
  criterionId!: string;

  @ManyToOne(() => AwardCriterion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'criterion_id' })
  criterion?: AwardCriterion;

  /** The metric as measured (a share, a score, a count); null when there was nothing to measure. */
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numericTransformer })
  raw!: number | null;

  /** On the jury's scale, 0–10. */
  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer })
  value!: number;

  @Column({ name: 'frozen_at', type: 'timestamptz' })
  frozenAt!: Date;
}
