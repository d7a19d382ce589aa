import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session cookies, set-password links and API tokens are 256 random bits: guessing one is
 * hopeless, so a plain SHA-256 is enough to keep them out of the store (a slow hash guards
 * low-entropy secrets such as passwords; these are not).
 */
export interface Secret {
  /** Given to its holder once, never stored. */
  token: string;
  /** What the store keeps, to find the token again. */
  hash: string;
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newSecret(prefix = ''): Secret {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSecret(token) };
}

/** Equal strings, compared in time that does not depend on where they first differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
