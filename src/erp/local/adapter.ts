import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openSqlite, SQLITE_BUSY_TIMEOUT_MS } from '../../store/sqlite.js';
import type { Clock } from '../../time/clock.js';
import type { ErpAdapter } from '../ports.js';
import { LocalCustomerRepository } from './customer-repository.js';
import { LocalMasterData } from './master-data.js';
import { localErpMigrations } from './migrations.js';
import { LocalOfferRepository } from './offer-repository.js';
import { LocalPersonRepository } from './person-repository.js';
import { LocalPricingService } from './pricing-service.js';
import { LocalProductRepository } from './product-repository.js';
import type { LocalErpSchema } from './schema.js';

export const LOCAL_ERP_TYPE = 'local';

export interface LocalErp extends ErpAdapter {
  readonly masterData: LocalMasterData;
}

export function localErpFile(dataDir: string): string {
  return join(dataDir, 'erp-local.sqlite');
}

function localErpFromDatabase(db: Kysely<LocalErpSchema>, clock: Clock): LocalErp {
  return {
    type: LOCAL_ERP_TYPE,
    customers: new LocalCustomerRepository(db),
    persons: new LocalPersonRepository(db),
    products: new LocalProductRepository(db),
    pricing: new LocalPricingService(db),
    offers: new LocalOfferRepository(db),
    // The embedded ERP prints nothing: Offerflow makes the PDF.
    documents: null,
    // Totals are ours, stored as sent: one rounding of the discounted amount, as Finnish invoicing does.
    lineRounding: 'discounted',
    // A write is one local transaction: at most the wait for the file's write lock.
    maxWriteMs: SQLITE_BUSY_TIMEOUT_MS,
    masterData: new LocalMasterData(db, clock),
    check: async () => {
      await db.selectFrom('counters').select('name').limit(1).execute();
    },
    close: () => db.destroy(),
  };
}

export async function openLocalErp(context: { dataDir: string; clock: Clock }): Promise<LocalErp> {
  const db = await openSqlite<LocalErpSchema>(localErpFile(context.dataDir), localErpMigrations);
  return localErpFromDatabase(db, context.clock);
}
