import type { Clock } from '../time/clock.js';
import type { LoginAttemptStore } from './ports.js';

/**
 * Attempts are counted before the password is checked, not failures after: a burst of guesses
 * sent at once is counted one by one and cut off at the limit, where counting failures would
 * let them all through before the first was counted.
 *
 * Counted in the store, not in memory, because several `serve` processes may share one
 * PostgreSQL store and a restart would otherwise hand out a fresh allowance.
 *
 * An address gets many more attempts than an account: a whole office may sign in from one.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 50,
} as const;

export type Throttled = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (address: string) => `address:${address}`;

export class LoginThrottle {
  constructor(
    private readonly store: LoginAttemptStore,
    private readonly clock: Clock,
  ) {}

  /** Counts the attempt for the account and for the address; refused while either is over its limit. */
  async attempt(email: string, address: string): Promise<Throttled> {
    const now = this.clock.now();
    const windowStartedBefore = new Date(now.getTime() - LOGIN_LIMITS.windowMs).toISOString();
    const counts = [
      { ...(await this.store.count(accountKey(email), now.toISOString(), windowStartedBefore)), limit: LOGIN_LIMITS.perAccount },
      { ...(await this.store.count(addressKey(address), now.toISOString(), windowStartedBefore)), limit: LOGIN_LIMITS.perAddress },
    ];
    const over = counts.filter((c) => c.attempts > c.limit);
    if (over.length === 0) return { allowed: true };
    const until = Math.max(...over.map((c) => Date.parse(c.windowStartedAt) + LOGIN_LIMITS.windowMs));
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }

  /** A right password clears the account's count, and takes this attempt back from the address's. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.store.clear(accountKey(email));
    await this.store.uncount(addressKey(address));
  }
}
