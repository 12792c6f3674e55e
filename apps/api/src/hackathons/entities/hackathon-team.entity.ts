import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { PlanEvent } from '../../events/entities/plan-event.entity';
import { Reuse } from '../../reuses/entities/reuse.entity';
import { HackathonChallenge } from './hackathon-challenge.entity';

export interface TeamSubmission {
  title: string;
  url: string | null;
  description: string | null;
}

/** A team of a hackathon and its submission; members are counted, never named (law 09-08). */
@Entity({ name: 'hackathon_teams' })
@Unique(['eventId', 'name'])
@Check(`"members" BETWEEN 1 AND 50`)
@Check(`"score" IS NULL OR "score" BETWEEN 0 AND 100`)
@Check(`"rank" IS NULL OR "rank" >= 1`)
export class HackathonTeam {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => PlanEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: PlanEvent;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'int' })
  members!: number;

  @Column({ name: 'challenge_id', type: 'uuid', nullable: true })
  challengeId!: string | null;

  @ManyToOne(() => HackathonChallenge, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: HackathonChallenge | null;

  @Column({ type: 'jsonb', nullable: true })
  submission!: TeamSubmission | null;

  @Column({
    type: 'numeric',
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: {
      to: (v: number | null | undefined) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  score!: number | null;

  @Column({ type: 'int', nullable: true })
  rank!: number | null;

  @Column({ name: 'reuse_id', type: 'uuid', nullable: true })
  reuseId!: string | null;

  @ManyToOne(() => Reuse, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reuse_id' })
  reuse?: Reuse | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
