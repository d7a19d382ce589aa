import type { Clock } from '../time/clock.js';
import type { ApiTokenRecord, ApiTokenStore } from './ports.js';
import { hashSecret, newSecret } from './secret-token.js';

/** A prefix that says what the secret is, so one pasted into the wrong place is recognised (and found by secret scanners). */
const API_TOKEN_PREFIX = 'oft_';

/** Bearer tokens for integrations, named for what uses them. */
export class ApiTokens {
  constructor(
    private readonly store: ApiTokenStore,
    private readonly clock: Clock,
  ) {}

  /** The token, shown once; null when the name is taken. */
  async create(name: string): Promise<string | null> {
    const secret = newSecret(API_TOKEN_PREFIX);
    return (await this.store.add({ name, tokenHash: secret.hash, createdAt: this.clock.now().toISOString() })) ? secret.token : null;
  }

  /** The token's name, or null for an unknown token. */
  async resolve(token: string): Promise<string | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const tokenHash = hashSecret(token);
    const record = await this.store.byHash(tokenHash);
    if (!record) return null;
    await this.store.used(tokenHash, this.clock.now().toISOString());
    return record.name;
  }

  list(): Promise<ApiTokenRecord[]> {
    return this.store.list();
  }
}
