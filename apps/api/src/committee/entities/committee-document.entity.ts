import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CommitteeMeeting } from './committee-meeting.entity';

/** A meeting's document: a link or a stored file; `minutes_signed` is the approved, signed minutes. */
@Entity({ name: 'committee_documents' })
@Check(`("kind" = 'link' AND "url" IS NOT NULL) OR ("kind" = 'file' AND "storage_key" IS NOT NULL)`)
@Check(`"role" IN ('document', 'minutes_signed')`)
export class CommitteeDocument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => CommitteeMeeting, (meeting) => meeting.documents, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: CommitteeMeeting;

  @Column({ type: 'varchar', length: 8 })
  kind!: 'link' | 'file';

  @Column({ type: 'varchar', length: 16, default: 'document' })
  role!: 'document' | 'minutes_signed';

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  url!: string | null;

  @Column({ name: 'storage_key', type: 'varchar', length: 200, nullable: true })
  storageKey!: string | null;

  @Column({ name: 'content_type', type: 'varchar', length: 120, nullable: true })
  contentType!: string | null;

  @Column({ name: 'size_bytes', type: 'int', nullable: true })
  sizeBytes!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
