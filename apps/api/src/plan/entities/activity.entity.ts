import type { ActivityStatus, LocalizedText } from '@marsad/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { numericTransformer } from '../../database/localized-text';
import { Institution } from '../../institutions/entities/institution.entity';
import { Measure } from './measure.entity';
import { Milestone } from './milestone.entity';
import { ProgressUpdate } from './progress-update.entity';

@Entity({ name: 'activities' })
@Index(['measureId', 'code'], { unique: true })
@Check('"progress" BETWEEN 0 AND 100')
@Check('"weight" >= 0')
@Check(`"status" IN ('not_started', 'in_progress', 'completed', 'delayed', 'cancelled')`)
@Check(`"figures_source" IN ('reference', 'validated', 'demo')`)
@Check('"start_date" IS NULL OR "due_date" IS NULL OR "start_date" <= "due_date"')
export class Activity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'measure_id', type: 'uuid' })
  measureId!: string;

  @ManyToOne(() => Measure, (measure) => measure.activities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure?: Measure;

  /** "<measure>.<position>", e.g. "6.2": stable key for seeds and people. */
  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ name: 'lead_institution_id', type: 'uuid', nullable: true })
  leadInstitutionId!: string | null;

  @ManyToOne(() => Institution, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'lead_institution_id' })
  leadInstitution?: Institution | null;

  @ManyToMany(() => Institution)
  @JoinTable({
    name: 'activity_contributors',
    joinColumn: { name: 'activity_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'institution_id', referencedColumnName: 'id' },
  })
  contributors?: Institution[];

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 3, default: 1, transformer: numericTransformer })
  weight!: number;

  @Column({ type: 'varchar', length: 16, default: 'not_started' })
  status!: ActivityStatus;

  @Column({ type: 'int', default: 0 })
  progress!: number;

  /** Where status and progress come from (see Provenance): the plan as loaded, a validated report, or demo data. */
  @Column({ name: 'figures_source', type: 'varchar', length: 16, default: 'reference' })
  figuresSource!: 'reference' | 'validated' | 'demo';

  /** When the report that set them was validated (or the demo report was made). */
  @Column({ name: 'figures_as_of', type: 'timestamptz', nullable: true })
  figuresAsOf!: Date | null;

  /** Who validated that report (display name at the time). */
  @Column({ name: 'figures_by', type: 'varchar', length: 200, nullable: true })
  figuresBy!: string | null;

  @OneToMany(() => ProgressUpdate, (update) => update.activity)
  updates?: ProgressUpdate[];

  @OneToMany(() => Milestone, (milestone) => milestone.activity)
  milestones?: Milestone[];

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
