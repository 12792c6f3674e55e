import { PASSWORD_MIN_LENGTH } from '@marsad/contracts';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import type { RuleViolation } from '../common/errors/app-exception';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

// Verifying against this when the account does not exist keeps both answers equally slow.
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

/** Length (12+, at most 256) and not the email: NIST 800-63B, no composition rules. */
export function passwordViolations(password: string, email: string, field = 'newPassword'): RuleViolation[] {
  if (password.length < PASSWORD_MIN_LENGTH) return [{ field, rule: 'minLength', args: [PASSWORD_MIN_LENGTH] }];
  if (password.length > 256) return [{ field, rule: 'maxLength', args: [256] }];
  if (password.trim().toLowerCase() === email.toLowerCase()) return [{ field, rule: 'notEmail' }];
  return [];
}

export const newToken = () => randomBytes(32).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
