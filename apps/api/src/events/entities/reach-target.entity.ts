import type { EventType } from '@marsad/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A year's targets for one type of event, set by coordinators; null: no target. */
@Entity({ name: 'reach_targets' })
export class ReachTarget {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  type!: EventType;

  @Column({ type: 'int', nullable: true })
  events!: number | null;

  @Column({ type: 'int', nullable: true })
  participants!: number | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
