import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { freshPostgres } from './postgres.js';
import { tempDataDir } from './seller.js';

export interface OpenedStore {
  store: Store;
  /** Another connection to the same database, as a second process would have. */
  another(): Promise<Store>;
  close(): Promise<void>;
}

export interface StoreBackend {
  name: string;
  open(): Promise<OpenedStore>;
}

/** A fresh store from this backend for each test of the calling describe block. */
export function storePerTest(backend: StoreBackend): () => OpenedStore {
  let opened: OpenedStore;
  beforeEach(async () => {
    opened = await backend.open();
  });
  afterEach(async () => {
    await opened.close();
  });
  return () => opened;
}

/** The run store on both databases it runs on, for tests that must hold for each. */
export const STORE_BACKENDS: StoreBackend[] = [
  {
    name: 'sqlite',
    async open() {
      const dataDir = tempDataDir();
      const store = await openStore(dataDir);
      return { store, another: () => openStore(dataDir), close: () => store.close() };
    },
  },
  {
    name: 'postgres',
    async open() {
      const database = await freshPostgres();
      const dataDir = tempDataDir();
      const store = await openStore(dataDir, database.url);
      return {
        store,
        another: () => openStore(dataDir, database.url),
        close: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];
