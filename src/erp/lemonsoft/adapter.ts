import type { Clock } from '../../time/clock.js';
import type { ErpAdapter } from '../ports.js';
import { LemonsoftClient } from './client.js';
import { LemonsoftCustomerRepository } from './customer-repository.js';
import type { OfferCreationJournal } from './offer-creation-journal.js';
import { LemonsoftOfferRepository } from './offer-repository.js';
import { LemonsoftPersonRepository } from './person-repository.js';
import { LemonsoftPricingService } from './pricing-service.js';
import { LemonsoftProductRepository } from './product-repository.js';
import { parseLemonsoftSettings, type LemonsoftSettings } from './settings.js';

export const LEMONSOFT_ERP_TYPE = 'lemonsoft';

function lemonsoftClient(settings: LemonsoftSettings, clock: Clock): LemonsoftClient {
  return new LemonsoftClient({
    baseUrl: settings.baseUrl,
    credentials: { username: settings.username, password: settings.password, database: settings.database, apiKey: settings.apiKey },
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    retryBaseMs: settings.retryBaseMs,
    concurrency: settings.concurrency,
    maxCallsPerSecond: settings.maxCallsPerSecond,
    renewAfterMs: settings.renewAfterMinutes * 60_000,
    pageSize: settings.pageSize,
    clock,
  });
}

export interface LemonsoftOpenContext {
  /** The config's `erp.settings`, parsed here. */
  settings: Record<string, unknown>;
  journal: OfferCreationJournal;
  clock: Clock;
}

export async function openLemonsoftErp(context: LemonsoftOpenContext): Promise<ErpAdapter> {
  const settings = parseLemonsoftSettings(context.settings);
  const client = lemonsoftClient(settings, context.clock);
  const customers = new LemonsoftCustomerRepository(client);
  const products = new LemonsoftProductRepository(client, settings.taxRates);
  return {
    type: LEMONSOFT_ERP_TYPE,
    customers,
    persons: new LemonsoftPersonRepository(client),
    products,
    pricing: new LemonsoftPricingService(client, products, { pricelistId: settings.pricelistId, source: settings.priceSource }),
    offers: new LemonsoftOfferRepository(client, customers, { offerType: settings.offerType, lookup: settings.offerLookup }, context.journal, context.clock),
    // LemonRest documents no print of an offer: Offerflow makes the PDF.
    documents: null,
    // The schema does not say how Lemonsoft totals a row; it keeps the prices and discounts sent, and its printouts round once.
    lineRounding: 'discounted',
    // The fence is passed before every try of a write, and a try gives up after its timeout.
    maxWriteMs: settings.timeoutMs,
    check: () => client.check(),
    close: async () => undefined,
  };
}
