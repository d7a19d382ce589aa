import type { Clock } from '../time/clock.js';
import { hashPassword } from './password-hash.js';
import type { PasswordLinkStore, SessionStore, UserStore } from './ports.js';
import { hashSecret, newSecret } from './secret-token.js';
import type { User } from './user.js';

/** One-time links that let a user choose a password: for a new account, or one that forgot it. */
export class PasswordLinks {
  constructor(
    private readonly stores: { users: UserStore; passwordLinks: PasswordLinkStore; sessions: SessionStore },
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
  ) {}

  /** The link's secret, to be put in the URL handed to the user; only its hash is kept. */
  async issue(userId: number): Promise<{ token: string; expiresAt: string }> {
    const secret = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.lifetimeMs).toISOString();
    await this.stores.passwordLinks.add({ tokenHash: secret.hash, userId, createdAt: now.toISOString(), expiresAt });
    return { token: secret.token, expiresAt };
  }

  /** The user the link is for, while it can still be used. */
  async userOf(token: string): Promise<User | null> {
    const userId = await this.stores.passwordLinks.userOf(hashSecret(token), this.clock.now().toISOString());
    return userId === null ? null : this.stores.users.byId(userId);
  }

  /**
   * Uses the link up, then sets the password; every session the user had is ended, since a
   * new password is often chosen because the old one got out.
   */
  async setPassword(token: string, password: string): Promise<User | null> {
    const hash = await hashPassword(password);
    const now = this.clock.now().toISOString();
    const userId = await this.stores.passwordLinks.use(hashSecret(token), now);
    if (userId === null) return null;
    await this.stores.users.setPasswordHash(userId, hash, now);
    await this.stores.sessions.removeAllOf(userId);
    return this.stores.users.byId(userId);
  }
}
