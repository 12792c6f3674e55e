import type { EvidenceKind } from '@marsad/contracts';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProgressUpdate } from './progress-update.entity';

/** A link or an uploaded file backing a progress update. */
@Entity({ name: 'evidence' })
@Check(`("kind" = 'link' AND "url" IS NOT NULL) OR ("kind" = 'file' AND "storage_key" IS NOT NULL)`)
export class Evidence {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'progress_update_id', type: 'uuid' })
  progressUpdateId!: string;

  @ManyToOne(() => ProgressUpdate, (update) => update.evidence, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'progress_update_id' })
  progressUpdate?: ProgressUpdate;

  @Column({ type: 'varchar', length: 8 })
  kind!: EvidenceKind;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  url!: string | null;

  /** Key in the storage service (files only). */
  @Column({ name: 'storage_key', type: 'varchar', length: 200, nullable: true })
  storageKey!: string | null;

  @Column({ name: 'content_type', type: 'varchar', length: 120, nullable: true })
  contentType!: string | null;

  @Column({ name: 'size_bytes', type: 'int', nullable: true })
  sizeBytes!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
