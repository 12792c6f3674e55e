import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from '../../database/localized-text';
import { User } from '../../auth/entities/user.entity';
import { AwardApplication } from './award-application.entity';
import { AwardCriterion } from './award-criterion.entity';

/** A juror's score (0–10) of an application on a jury criterion, with a comment. */
@Entity({ name: 'award_scores' })
@Check(`"score" >= 0 AND "score" <= 10`)
export class AwardScore {
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

  @PrimaryColumn({ name: 'juror_id', type: 'uuid' })
  jurorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'juror_id' })
  juror?: User;

  @Column({ type: 'numeric', precision: 4, scale: 2, transformer: numericTransformer })
  score!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
