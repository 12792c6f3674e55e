import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Secrets for signed links (unsubscribe, feedback) and keyed hashes: created once per installation
 * and kept in `app_settings`, so every API instance shares them.
 */
@Injectable()
export class SigningKeys {
  private readonly keys = new Map<string, Promise<Buffer>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** HMAC-SHA-256 of `payload` under the named key, base64url (43 characters). */
  async mac(name: string, payload: string): Promise<string> {
    return createHmac('sha256', await this.secret(name))
      .update(payload)
      .digest('base64url');
  }

  /** Whether `given` is the MAC of `payload` under the named key (constant time). */
  async verify(name: string, payload: string, given: string): Promise<boolean> {
    const expected = Buffer.from(await this.mac(name, payload));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  private secret(name: string): Promise<Buffer> {
    let key = this.keys.get(name);
    if (!key) {
      key = this.load(name);
      key.catch(() => this.keys.delete(name));
      this.keys.set(name, key);
    }
    return key;
  }

  private async load(name: string): Promise<Buffer> {
    await this.dataSource.query(
      `INSERT INTO app_settings (key, value, updated_at) VALUES ($1, $2::jsonb, now()) ON CONFLICT (key) DO NOTHING`,
      [name, JSON.stringify(randomBytes(32).toString('base64'))],
    );
    const [row] = await this.dataSource.query(`SELECT value FROM app_settings WHERE key = $1`, [name]);
    return Buffer.from(row.value as string, 'base64');
  }
}
