import type { CommitteePosition } from '@marsad/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { CommitteeMember } from './committee-member.entity';

/**
 * A person who sits for a member institution, from `fromOn` (included) to `toOn` (excluded).
 * Name and contacts are personal data (law 09-08): see committee-visibility.ts.
 */
@Entity({ name: 'committee_representatives' })
@Index(['memberId', 'fromOn'])
@Check(`"position" IN ('chair', 'secretary', 'member')`)
@Check(`"to_on" IS NULL OR "to_on" > "from_on"`)
export class CommitteeRepresentative {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @ManyToOne(() => CommitteeMember, (member) => member.representatives, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member?: CommitteeMember;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'varchar', length: 16 })
  position!: CommitteePosition;

  @Column({ type: 'boolean', default: false })
  alternate!: boolean;

  @Column({ name: 'from_on', type: 'date' })
  fromOn!: string;

  @Column({ name: 'to_on', type: 'date', nullable: true })
  toOn!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  /** The account the person signs in with, if any (to confirm their own attendance). */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @VersionColumn({ default: 1 })
  version!: number;
}
