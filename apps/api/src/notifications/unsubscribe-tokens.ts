import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '@marsad/contracts';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';

const KEY_SETTING = 'notification_signing_key';

/**
 * Signed, sign-in-free unsubscribe links: `<user>.<category>.<HMAC-SHA256>`, keyed by a secret
 * created once per installation and kept in the database (so every API instance shares it).
 */
@Injectable()
export class UnsubscribeTokens {
  private key: Buffer | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sign(userId: string, category: NotificationCategory): Promise<string> {
    const payload = `${userId}.${category}`;
    return `${payload}.${this.mac(await this.secret(), payload)}`;
  }

  /** The person and category a token stands for, or null when it is not one of ours. */
  async verify(token: string): Promise<{ userId: string; category: NotificationCategory } | null> {
    const match = /^([0-9a-f-]{36})\.([A-Za-z]{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return null;
    const [, userId, category, mac] = match;
    if (!(NOTIFICATION_CATEGORIES as readonly string[]).includes(category)) return null;
    const expected = Buffer.from(this.mac(await this.secret(), `${userId}.${category}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId, category: category as NotificationCategory };
  }

  private mac(key: Buffer, payload: string): string {
    return createHmac('sha256', key).update(payload).digest('base64url');
  }

  private async secret(): Promise<Buffer> {
    if (this.key) return this.key;
    await this.dataSource.query(
      `INSERT INTO app_settings (key, value, updated_at) VALUES ($1, $2::jsonb, now()) ON CONFLICT (key) DO NOTHING`,
      [KEY_SETTING, JSON.stringify(randomBytes(32).toString('base64'))],
    );
    const [row] = await this.dataSource.query(`SELECT value FROM app_settings WHERE key = $1`, [KEY_SETTING]);
    this.key = Buffer.from(row.value as string, 'base64');
    return this.key;
  }
}
