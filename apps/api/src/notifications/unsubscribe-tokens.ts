import { Injectable } from '@nestjs/common';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '@marsad/contracts';
import { SigningKeys } from '../settings/signing-keys';

const KEY_SETTING = 'notification_signing_key';

/** Signed, sign-in-free unsubscribe links: `<user>.<category>.<HMAC-SHA256>`. */
@Injectable()
export class UnsubscribeTokens {
  constructor(private readonly keys: SigningKeys) {}

  async sign(userId: string, category: NotificationCategory): Promise<string> {
    const payload = `${userId}.${category}`;
    return `${payload}.${await this.keys.mac(KEY_SETTING, payload)}`;
  }

  /** The person and category a token stands for, or null when it is not one of ours. */
  async verify(token: string): Promise<{ userId: string; category: NotificationCategory } | null> {
    const match = /^([0-9a-f-]{36})\.([A-Za-z]{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return null;
    const [, userId, category, mac] = match;
    if (!(NOTIFICATION_CATEGORIES as readonly string[]).includes(category)) return null;
    if (!(await this.keys.verify(KEY_SETTING, `${userId}.${category}`, mac))) return null;
    return { userId, category: category as NotificationCategory };
  }
}
