import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { Institution } from '../../institutions/entities/institution.entity';
import { CommitteeRepresentative } from './committee-representative.entity';

/**
 * An institution's seat on the steering committee, from `joinedOn` (included) to `leftOn`
 * (excluded). A seat is never deleted: leaving is recorded, so past meetings keep their members.
 */
@Entity({ name: 'committee_members' })
@Index(['institutionId', 'joinedOn'], { unique: true })
@Check(`"left_on" IS NULL OR "left_on" > "joined_on"`)
export class CommitteeMember {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn!: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn!: string | null;

  @Column({ type: 'boolean', default: false })
  founding!: boolean;

  @OneToMany(() => CommitteeRepresentative, (representative) => representative.member)
  representatives?: CommitteeRepresentative[];

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @VersionColumn({ default: 1 })
  version!: number;
}
