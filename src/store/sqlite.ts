import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Migration } from 'kysely';
import { migrate } from './migrate.js';

/** How long a write waits for another process's write lock before it fails as busy. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Opens (creating if needed) a SQLite file and brings its schema to the latest migration. */
export async function openSqlite<Schema>(file: string, migrations: Record<string, Migration>): Promise<Kysely<Schema>> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  // Kysely's migration lock does nothing on SQLite, so two processes opening a new file at
  // once would both create its tables. One IMMEDIATE transaction around the whole migration
  // takes the file's write lock: the second process waits, then finds nothing left to do.
  database.exec('BEGIN IMMEDIATE');
  try {
    await migrate(db, migrations, file, { inCallersTransaction: true });
    database.exec('COMMIT');
  } catch (error) {
    if (database.inTransaction) database.exec('ROLLBACK');
    await db.destroy();
    throw error;
  }
  return db;
}
