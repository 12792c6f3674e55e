import type { LocalizedText } from '@marsad/contracts';
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
import { numericTransformer } from '../../database/localized-text';
import { Institution } from '../../institutions/entities/institution.entity';
import { Activity } from './activity.entity';
import { Plan } from './plan.entity';

@Entity({ name: 'measures' })
@Index(['planId', 'number'], { unique: true })
@Check('"number" BETWEEN 1 AND 99')
@Check('"weight" >= 0')
export class Measure {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, (plan) => plan.measures, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ name: 'lead_institution_id', type: 'uuid', nullable: true })
  leadInstitutionId!: string | null;

  @ManyToOne(() => Institution, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'lead_institution_id' })
  leadInstitution?: Institution | null;

  @Column({ type: 'numeric', precision: 8, scale: 3, default: 1, transformer: numericTransformer })
  weight!: number;

  @OneToMany(() => Activity, (activity) => activity.measure)
  activities?: Activity[];

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
