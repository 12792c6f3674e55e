import type { HarvestIssue, HarvestMode, HarvestStatus, HarvestTrigger } from '@marsad/contracts';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One harvest of the portal: when, how, what it saw, and how it ended. */
@Entity({ name: 'harvest_runs' })
@Index(['startedAt'])
@Index('UQ_one_running_harvest', ['status'], { unique: true, where: `"status" = 'running'` })
@Check(`"mode" IN ('full', 'incremental')`)
@Check(`"status" IN ('running', 'succeeded', 'failed')`)
export class HarvestRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  mode!: HarvestMode;

  @Column({ type: 'varchar', length: 12 })
  trigger!: HarvestTrigger;

  @Column({ name: 'triggered_by', type: 'uuid', nullable: true })
  triggeredBy!: string | null;

  @Column({ type: 'varchar', length: 12, default: 'running' })
  status!: HarvestStatus;

  @Column({ name: 'portal_url', type: 'text' })
  portalUrl!: string;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  /** Refreshed after every page: a running run whose heartbeat is old was abandoned (its process died). */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', default: () => 'now()' })
  heartbeatAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  since!: Date | null;

  @Column({ type: 'integer', default: 0 })
  requests!: number;

  @Column({ type: 'integer', default: 0 })
  pages!: number;

  @Column({ type: 'integer', default: 0 })
  organizations!: number;

  @Column({ type: 'integer', default: 0 })
  seen!: number;

  @Column({ type: 'integer', default: 0 })
  created!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  deleted!: number;

  @Column({ type: 'integer', default: 0 })
  skipped!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  issues!: HarvestIssue[];

  @Column({ name: 'issue_count', type: 'integer', default: 0 })
  issueCount!: number;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;
}
