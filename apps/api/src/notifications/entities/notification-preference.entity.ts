import type { NotificationCategory, NotificationMode } from '@marsad/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../auth/entities/user.entity';

/** How a person wants one category by e-mail; no row means immediately. */
@Entity({ name: 'notification_preferences' })
@Check(`"mode" IN ('immediate', 'daily', 'weekly', 'off')`)
export class NotificationPreference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  category!: NotificationCategory;

  @Column({ type: 'varchar', length: 16 })
  mode!: NotificationMode;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
