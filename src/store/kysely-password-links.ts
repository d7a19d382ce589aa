import type { Kysely } from 'kysely';
import type { PasswordLinkStore } from '../accounts/ports.js';
import type { StoreSchema } from './schema.js';

export class KyselyPasswordLinkStore implements PasswordLinkStore {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async add(link: { tokenHash: string; userId: number; createdAt: string; expiresAt: string }): Promise<void> {
    await this.db.insertInto('password_links').values({ token_hash: link.tokenHash, user_id: link.userId, created_at: link.createdAt, expires_at: link.expiresAt, used_at: null }).execute();
  }

  async userOf(tokenHash: string, at: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('password_links')
      .select('user_id')
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return row?.user_id ?? null;
  }

  /** One conditional update: of two requests with the same link, only one finds it unused. */
  async use(tokenHash: string, at: string): Promise<number | null> {
    const row = await this.db
      .updateTable('password_links')
      .set({ used_at: at })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returning('user_id')
      .executeTakeFirst();
    return row?.user_id ?? null;
  }
}
