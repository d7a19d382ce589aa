import { join } from 'node:path';
import { storeMigrations } from './migrations.js';
import type { StoreSchema } from './schema.js';
import { SqlitePhraseMemory } from './sqlite-phrase-memory.js';
import { SqliteRunStore } from './sqlite-run-store.js';
import { openSqlite } from './sqlite.js';

/** Offerflow's own data (runs, learned matches), apart from any ERP's. */
export interface Store {
  runs: SqliteRunStore;
  memory: SqlitePhraseMemory;
  close(): Promise<void>;
}

export function storeFile(dataDir: string): string {
  return join(dataDir, 'offerflow.sqlite');
}

export async function openStore(dataDir: string): Promise<Store> {
  const db = await openSqlite<StoreSchema>(storeFile(dataDir), storeMigrations);
  return { runs: new SqliteRunStore(db), memory: new SqlitePhraseMemory(db), close: () => db.destroy() };
}
