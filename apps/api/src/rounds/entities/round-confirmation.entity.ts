import type { ConfirmationKind } from '@marsad/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { Institution } from '../../institutions/entities/institution.entity';
import { ReportingRound } from './reporting-round.entity';

/** An administration's statement, in a round, that its officers (or its inventory) are current. */
@Entity({ name: 'reporting_round_confirmations' })
@Unique(['roundId', 'institutionId', 'kind'])
@Check(`"kind" IN ('officers', 'inventory')`)
export class RoundConfirmation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => ReportingRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: ReportingRound;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => Institution, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution;

  @Column({ type: 'varchar', length: 16 })
  kind!: ConfirmationKind;

  @Column({ name: 'confirmed_by_user_id', type: 'uuid', nullable: true })
  confirmedByUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'confirmed_by_user_id' })
  confirmedBy?: User | null;

  @Column({ name: 'confirmed_by_name', type: 'varchar', length: 200 })
  confirmedByName!: string;

  @CreateDateColumn({ name: 'confirmed_at', type: 'timestamptz' })
  confirmedAt!: Date;
}
