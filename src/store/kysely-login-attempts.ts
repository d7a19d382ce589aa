import type { Kysely } from 'kysely';
import type { LoginAttemptStore } from '../accounts/ports.js';
import type { StoreSchema } from './schema.js';

export class KyselyLoginAttemptStore implements LoginAttemptStore {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async count(key: string, at: string, windowStartedBefore: string): Promise<{ attempts: number; windowStartedAt: string }> {
    const row = await this.db
      .insertInto('login_attempts')
      .values({ key, attempts: 1, window_started_at: at })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => {
          const over = eb('login_attempts.window_started_at', '<=', windowStartedBefore);
          return {
            attempts: eb.case().when(over).then(1).else(eb('login_attempts.attempts', '+', 1)).end(),
            window_started_at: eb.case().when(over).then(eb.ref('excluded.window_started_at')).else(eb.ref('login_attempts.window_started_at')).end(),
          };
        }),
      )
      .returning(['attempts', 'window_started_at'])
      .executeTakeFirstOrThrow();
    return { attempts: Number(row.attempts), windowStartedAt: row.window_started_at };
  }

  async uncount(key: string): Promise<void> {
    await this.db.updateTable('login_attempts').set((eb) => ({ attempts: eb('attempts', '-', 1) })).where('key', '=', key).where('attempts', '>', 0).execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('key', '=', key).execute();
  }
}
