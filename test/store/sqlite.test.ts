import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite, SQLITE_BUSY_TIMEOUT_MS } from '../../src/store/sqlite.js';
import { storeMigrations } from '../../src/store/migrations.js';

const migrations = storeMigrations('sqlite');
const newFile = () => join(mkdtempSync(join(tmpdir(), 'offerflow-sqlite-')), 'store.sqlite');

/** Another process in the middle of a write: it holds the file's write lock. */
function writing(file: string): Database.Database {
  const other = new Database(file);
  other.pragma('journal_mode = WAL');
  other.exec('BEGIN IMMEDIATE');
  return other;
}

const open: Database.Database[] = [];
afterEach(() => {
  for (const other of open.splice(0)) other.close();
});

describe('opening a SQLite file', () => {
  it('does not wait for a write under way when its schema is up to date', async () => {
    const file = newFile();
    await (await openSqlite(file, migrations)).destroy();
    open.push(writing(file));

    const started = Date.now();
    const db = await openSqlite(file, migrations);
    expect(Date.now() - started).toBeLessThan(SQLITE_BUSY_TIMEOUT_MS / 5);
    await db.destroy();
  });

  it('names the file when another process keeps it locked through a migration', async () => {
    const file = newFile();
    open.push(writing(file));

    const started = Date.now();
    await expect(openSqlite(file, migrations)).rejects.toThrow(`${file}: another process kept it locked for writing for over 5 s; try again`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SQLITE_BUSY_TIMEOUT_MS - 100);
  }, SQLITE_BUSY_TIMEOUT_MS * 3);
});
