import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_MIGRATION_TABLE, Kysely, SqliteDialect, type Migration } from 'kysely';
import { migrate } from './migrate.js';

/** How long a write waits for another process's write lock before it fails as busy. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Whether the file has exactly the migrations given, read without taking its write lock: a
 * process opening a file that another process is busy writing to need not wait for it.
 */
function upToDate(database: Database.Database, migrations: Record<string, Migration>): boolean {
  const table = database.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(DEFAULT_MIGRATION_TABLE);
  if (!table) return false;
  const applied = new Set(database.prepare(`select name from ${DEFAULT_MIGRATION_TABLE}`).pluck().all());
  const known = Object.keys(migrations);
  return applied.size === known.length && known.every((name) => applied.has(name));
}

/**
 * Kysely's migration lock does nothing on SQLite, so two processes opening a new file at once
 * would both create its tables. One IMMEDIATE transaction around the whole migration takes the
 * file's write lock: the second process waits, then finds nothing left to do.
 */
async function migrateLocked<Schema>(database: Database.Database, db: Kysely<Schema>, migrations: Record<string, Migration>, file: string): Promise<void> {
  database.exec('BEGIN IMMEDIATE');
  try {
    await migrate(db, migrations, file, { inCallersTransaction: true });
    database.exec('COMMIT');
  } catch (error) {
    if (database.inTransaction) database.exec('ROLLBACK');
    throw error;
  }
}

function named(file: string, error: unknown): Error {
  if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
    return new Error(`${file}: another process kept it locked for writing for over ${SQLITE_BUSY_TIMEOUT_MS / 1000} s; try again`, { cause: error });
  }
  return error as Error;
}

/** Opens (creating if needed) a SQLite file and brings its schema to the latest migration. */
export async function openSqlite<Schema>(file: string, migrations: Record<string, Migration>): Promise<Kysely<Schema>> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    if (!upToDate(database, migrations)) await migrateLocked(database, db, migrations, file);
  } catch (error) {
    await db.destroy();
    throw named(file, error);
  }
  return db;
}
