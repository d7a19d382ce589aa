import type { Clock } from '../../time/clock.js';
import type { ErpAdapter } from '../ports.js';
import { BcClient } from './client.js';
import { BcCustomerRepository } from './customer-repository.js';
import { BcItemPricing } from './item-pricing.js';
import { BcOfferRepository } from './offer-repository.js';
import { BcPersonRepository } from './person-repository.js';
import { BcPricingService } from './pricing-service.js';
import { BcProductRepository } from './product-repository.js';
import { BcQuoteDocuments } from './quote-documents.js';
import { parseBcSettings } from './settings.js';
import { TokenSource } from './token.js';

export const BC_ERP_TYPE = 'bc';

export interface BcOpenContext {
  /** The config's `erp.settings`, parsed here. */
  settings: Record<string, unknown>;
  clock: Clock;
}

export async function openBcErp(context: BcOpenContext): Promise<ErpAdapter> {
  const settings = parseBcSettings(context.settings);
  const retries = { timeoutMs: settings.timeoutMs, maxRetries: settings.maxRetries, retryBaseMs: settings.retryBaseMs, clock: context.clock };
  const tokens = new TokenSource({ tokenUrl: settings.tokenUrl, clientId: settings.clientId, clientSecret: settings.clientSecret, ...retries });
  const client = new BcClient({
    apiUrl: settings.apiUrl,
    company: settings.company,
    tokens,
    concurrency: settings.concurrency,
    maxCallsPerSecond: settings.maxCallsPerSecond,
    pageSize: settings.pageSize,
    ...retries,
  });
  const products = new BcProductRepository(client, settings.vatRate);
  const itemPricing = new BcItemPricing(products);
  return {
    type: BC_ERP_TYPE,
    customers: new BcCustomerRepository(client, settings.prospectCustomer),
    persons: new BcPersonRepository(client),
    products,
    pricing: settings.pricing === 'bc' ? new BcPricingService({ client, prospect: settings.prospectCustomer, itemPricing, vatRate: settings.vatRate, clock: context.clock }) : itemPricing,
    offers: new BcOfferRepository(client, settings.prospectCustomer),
    documents: settings.printedBy === 'bc' ? new BcQuoteDocuments(client) : null,
    // BC's sales line rounds the gross and the line discount amount each (SalesLine.Table.al, UpdateAmounts).
    lineRounding: 'grossLessDiscount',
    // The fence is passed before every try of a write, and a try gives up after its timeout.
    maxWriteMs: settings.timeoutMs,
    check: () => client.check(),
    close: async () => undefined,
  };
}
