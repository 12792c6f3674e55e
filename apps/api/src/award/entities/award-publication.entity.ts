import type { AwardResultRow } from '@marsad/contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AwardEdition } from './award-edition.entity';

/**
 * A publication of an edition's results: immutable (a trigger refuses UPDATE and DELETE), with the
 * SHA-256 of its rows. A correction is a new publication with a reason; the newest is current.
 */
@Entity({ name: 'award_publications' })
@Unique(['editionId', 'number'])
export class AwardPublication {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => AwardEdition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id' })
  edition?: AwardEdition;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'jsonb' })
  rows!: AwardResultRow[];

  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
