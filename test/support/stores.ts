import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { systemClock, type Clock } from '../../src/time/clock.js';
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
  open(clock?: Clock): Promise<OpenedStore>;
}

/** A fresh store from this backend for each test of the calling describe block. */
export function storePerTest(backend: StoreBackend, clock: Clock = systemClock): () => OpenedStore {
  let opened: OpenedStore;
  beforeEach(async () => {
    opened = await backend.open(clock);
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
    async open(clock = systemClock) {
      const dataDir = tempDataDir();
      const store = await openStore(dataDir, null, clock);
      return { store, another: () => openStore(dataDir, null, clock), close: () => store.close() };
    },
  },
  {
    name: 'postgres',
    async open(clock = systemClock) {
      const database = await freshPostgres();
      const dataDir = tempDataDir();
      const store = await openStore(dataDir, database.url, clock);
      return {
        store,
        another: () => openStore(dataDir, database.url, clock),
        close: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];
