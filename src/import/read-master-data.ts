import { join } from 'node:path';
import type { MasterData } from '../domain/master-data.js';
import { importFile } from './import-file.js';

/** Persons before customers (their seller), products before price lists, as a real ERP load goes. */
export const MASTER_DATA_FILES = ['persons', 'products', 'customers', 'pricelists'] as const;

/**
 * Reads the master data files of a folder (`persons.csv`, `products.csv`, …) through the same
 * checks as `offerflow import`, into memory, for loading an ERP other than the embedded one.
 */
export async function readMasterData(dir: string): Promise<MasterData> {
  const data: MasterData = { customers: [], persons: [], products: [], priceRules: [] };
  const collector = {
    inTransaction: <T>(work: (writer: { write(batch: Partial<MasterData>): Promise<void> }) => Promise<T>) =>
      work({
        write: async (batch) => {
          data.customers.push(...(batch.customers ?? []));
          data.persons.push(...(batch.persons ?? []));
          data.products.push(...(batch.products ?? []));
          data.priceRules.push(...(batch.priceRules ?? []));
        },
      }),
  };
  for (const kind of MASTER_DATA_FILES) await importFile(collector, kind, join(dir, `${kind}.csv`));
  return data;
}
