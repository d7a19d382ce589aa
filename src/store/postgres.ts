import { Kysely, PostgresDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import { redactSecrets } from '../domain/redact.js';
import { migrate } from './migrate.js';

const CONNECT_TIMEOUT_MS = 10_000;
/** Far beyond any query of Offerflow's own, which all touch a few rows. */
const QUERY_TIMEOUT_MS = 60_000;

/** Any fixed number: the advisory lock every Offerflow process takes to migrate. */
export const MIGRATION_LOCK = 720_301;

/**
 * Connects to PostgreSQL and brings the schema (the first of the connection's search_path) to
 * the latest migration. Processes starting together on an empty database would race to
 * create Kysely's own lock table, so they take turns under an advisory lock first.
 */
export async function openPostgres<Schema>(url: string, migrations: Record<string, Migration>): Promise<Kysely<Schema>> {
  // A failover that drops packets instead of connections would otherwise hang every query,
  // and with it the worker that waits on one: connections are kept alive and queries bounded.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true, query_timeout: QUERY_TIMEOUT_MS });
  // A connection dropped by a database restart or failover is reported as an 'error' event,
  // by the pool for an idle connection and by the client itself for one in use; unheard,
  // either ends the process. The query in flight fails on its own (the run is retried), and
  // the pool opens a new connection for the next one.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const lock = new pg.Client({ connectionString: url });
  lock.on('error', () => undefined);
  try {
    await lock.connect().catch((error: Error) => {
      throw new Error(`Cannot reach PostgreSQL at ${redactSecrets(url)}: ${error.message}`);
    });
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    await migrate(db, migrations, redactSecrets(url), { schema: rows[0]!.schema });
  } catch (error) {
    await db.destroy();
    throw error;
  } finally {
    await lock.end().catch(() => undefined);
  }
  return db;
}
