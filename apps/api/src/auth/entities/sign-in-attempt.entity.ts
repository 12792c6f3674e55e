import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Failed sign-ins per account name, known or not, so that a locked answer says
 * nothing about whether the email exists.
 */
@Entity({ name: 'sign_in_attempts' })
export class SignInAttempt {
  /** SHA-256 of the lower-cased email. */
  @PrimaryColumn({ name: 'email_key', type: 'varchar', length: 64 })
  emailKey!: string;

  @Column({ type: 'int', default: 0 })
  failures!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
