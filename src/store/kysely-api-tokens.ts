import type { Kysely } from 'kysely';
import type { ApiTokenRecord, ApiTokenStore } from '../accounts/ports.js';
import type { StoreSchema } from './schema.js';

export class KyselyApiTokenStore implements ApiTokenStore {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async add(token: { name: string; tokenHash: string; createdAt: string }): Promise<boolean> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({ token_hash: token.tokenHash, name: token.name, created_at: token.createdAt, last_used_at: null })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('name')
      .executeTakeFirst();
    return row !== undefined;
  }

  async byHash(tokenHash: string): Promise<ApiTokenRecord | null> {
    const row = await this.db.selectFrom('api_tokens').select(['name', 'created_at', 'last_used_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? { name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at } : null;
  }

  async used(tokenHash: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('token_hash', '=', tokenHash).execute();
  }

  async list(): Promise<ApiTokenRecord[]> {
    const rows = await this.db.selectFrom('api_tokens').select(['name', 'created_at', 'last_used_at']).orderBy('name').execute();
    return rows.map((row) => ({ name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at }));
  }
}
