import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Migration } from 'kysely';
import { migrate } from './migrate.js';

/** Opens (creating if needed) a SQLite file and brings its schema to the latest migration. */
export async function openSqlite<Schema>(file: string, migrations: Record<string, Migration>): Promise<Kysely<Schema>> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  try {
    await migrate(db, migrations, file);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
