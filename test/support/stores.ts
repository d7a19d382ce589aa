import { openStore, type Store } from '../../src/store/open-store.js';
import { freshPostgres } from './postgres.js';
import { tempDataDir } from './seller.js';

export interface StoreBackend {
  name: string;
  open(): Promise<Store>;
}

/** The run store on both databases it runs on, for tests that must hold for each. */
export const STORE_BACKENDS: StoreBackend[] = [
  { name: 'sqlite', open: () => openStore(tempDataDir()) },
  {
    name: 'postgres',
    async open() {
      const database = await freshPostgres();
      const store = await openStore(tempDataDir(), database.url);
      return {
        ...store,
        close: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];
