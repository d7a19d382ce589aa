import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeMigrations } from '../../src/store/migrations.js';
import { openPostgres } from '../../src/store/postgres.js';
import type { StoreSchema } from '../../src/store/schema.js';
import { ownPostgres, type OwnPostgres } from '../support/own-postgres.js';

describe('the PostgreSQL store when the server restarts', () => {
  let server: OwnPostgres;
  let db: Kysely<StoreSchema>;

  beforeAll(async () => {
    server = await ownPostgres();
    db = await openPostgres<StoreSchema>(server.url, storeMigrations('postgres'));
  }, 60_000);

  afterAll(async () => {
    await db.destroy();
    server.stop();
  });

  it('fails the queries in flight and serves the next ones, without ending the process', async () => {
    // Connections in use when the server goes away report it as an error event of their own.
    const inFlight = Promise.allSettled([1, 2, 3].map(() => sql`select pg_sleep(5)`.execute(db)));
    await new Promise((resolve) => setTimeout(resolve, 300));

    server.restart();

    expect((await inFlight).map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
  }, 60_000);
});
