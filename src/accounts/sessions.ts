import type { Clock } from '../time/clock.js';
import type { SessionStore, UserStore } from './ports.js';
import { hashSecret, newSecret } from './secret-token.js';
import type { User } from './user.js';

/** Last use is written at most this often, so that a page's requests do not each write to the store. */
const TOUCH_AFTER_MS = 60_000;

export interface ActiveSession {
  user: User;
  expiresAt: string;
}

export class Sessions {
  constructor(
    private readonly stores: { users: UserStore; sessions: SessionStore },
    private readonly clock: Clock,
    private readonly lifetimes: { idleMs: number; maxMs: number },
  ) {}

  /** The cookie's value; the store keeps only its hash. */
  async start(userId: number): Promise<string> {
    const secret = newSecret();
    const now = this.clock.now();
    await this.stores.sessions.add({ tokenHash: secret.hash, userId, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + this.lifetimes.maxMs).toISOString() });
    return secret.token;
  }

  /** The session's user, or null when the token is unknown or the session is over (it is then removed). */
  async resolve(token: string): Promise<ActiveSession | null> {
    const tokenHash = hashSecret(token);
    const session = await this.stores.sessions.get(tokenHash);
    if (!session) return null;
    const now = this.clock.now().getTime();
    const idleFor = now - Date.parse(session.lastSeenAt);
    if (now >= Date.parse(session.expiresAt) || idleFor >= this.lifetimes.idleMs) {
      await this.stores.sessions.remove(tokenHash);
      return null;
    }
    const user = await this.stores.users.byId(session.userId);
    if (!user) return null;
    if (idleFor >= TOUCH_AFTER_MS) await this.stores.sessions.touch(tokenHash, new Date(now).toISOString());
    return { user, expiresAt: session.expiresAt };
  }

  async end(token: string): Promise<void> {
    await this.stores.sessions.remove(hashSecret(token));
  }
}
