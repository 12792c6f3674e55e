import type {
  DigestKind,
  EmailState,
  NotificationCategory,
  NotificationKind,
  NotificationParams,
} from '@marsad/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../auth/entities/user.entity';

/**
 * One message to one person: a line in their inbox and, unless they turned it off, an e-mail.
 * Written in the same transaction as the event that causes it (the outbox); the delivery worker
 * sends the e-mail afterwards. `dedupKey` makes every event produce it at most once.
 */
@Entity({ name: 'notifications' })
@Check(`"email_state" IN ('pending', 'sending', 'sent', 'failed', 'digest', 'digested', 'off', 'none')`)
@Check(`"digest" IS NULL OR "digest" IN ('daily', 'weekly')`)
@Index('notifications_inbox', ['userId', 'createdAt'])
@Index('notifications_due', ['nextAttemptAt'], { where: `"email_state" IN ('pending', 'sending')` })
@Index('notifications_unread', ['userId'], { where: `"read_at" IS NULL AND "in_inbox"` })
@Index('notifications_waiting_digest', ['digest', 'userId'], { where: `"email_state" = 'digest'` })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 40 })
  kind!: NotificationKind | DigestKind;

  /** Null for a digest, which gathers several categories. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  category!: NotificationCategory | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params!: NotificationParams;

  /** The page concerned, without the language prefix. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link!: string | null;

  @Index({ unique: true })
  @Column({ name: 'dedup_key', type: 'varchar', length: 240 })
  dedupKey!: string;

  /** False for e-mail-only messages (digests, invitations). */
  @Column({ name: 'in_inbox', type: 'boolean', default: true })
  inInbox!: boolean;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'email_state', type: 'varchar', length: 12 })
  emailState!: EmailState;

  /** While `email_state` is `digest`: which digest will carry it. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  digest!: 'daily' | 'weekly' | null;

  @Column({ name: 'digest_id', type: 'uuid', nullable: true })
  digestId!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** While `sending`: after this instant another worker may take it over (the first one crashed). */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
