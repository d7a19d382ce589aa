import { Kysely, PostgresDialect, type Migration } from 'kysely';
import pg from 'pg';
import { migrate } from './migrate.js';

/** Connects to PostgreSQL and brings the schema to the latest migration (Kysely locks, so many workers may start at once). */
export async function openPostgres<Schema>(url: string, migrations: Record<string, Migration>): Promise<Kysely<Schema>> {
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) }) });
  await migrate(db, migrations, redact(url));
  return db;
}

/** A database URL as it may be shown: without its password. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the database URL';
  }
}
