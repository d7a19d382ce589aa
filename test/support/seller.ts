import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Customer } from '../../src/domain/customer.js';
import type { Person } from '../../src/domain/person.js';
import type { PriceRule } from '../../src/domain/price-rule.js';
import type { Product } from '../../src/domain/product.js';
import { openLocalErp, type LocalErp } from '../../src/erp/local/adapter.js';
import { systemClock } from '../../src/time/clock.js';

/** A tiny wholesaler in a fresh data directory: enough to drive every workflow step for real. */

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'offerflow-test-'));
}

function product(sku: string, name: string, unit: string, listPrice: string, group: string, extra: Partial<Product> = {}): Product {
  return { sku, name, extraName: null, ean: null, supplierCodes: [], units: [], unit, listPrice, vatRate: '25.5', group, ...extra };
}

export const PRODUCTS: Product[] = [
  product('1000015', 'Kupariputki 15x1,0 kova', 'm', '8.00', 'CU', { ean: '6401234567897', supplierCodes: ['CU1510K'] }),
  product('1000022', 'Kupariputki 22x1,0 kova', 'm', '10.00', 'CU'),
  product('2000020', 'Palloventtiili DN20 3/4" sk/sk', 'kpl', '15.00', 'VALVES'),
  product('3000325', 'MMJ 3x2,5S', 'm', '1.00', 'CABLE', { vatRate: '14', units: [{ unit: 'rll', quantity: '100', of: 'm' }] }),
  product('4000048', 'Nippuside 4,8x200 musta', 'pkt', '5.00', 'CABLE', { units: [{ unit: 'pkt', quantity: '100', of: 'kpl' }] }),
];

export const PERSONS: Person[] = [
  { number: '101', name: 'Mikko Myyjä', email: 'mikko@seller.fi', phone: null, role: 'sales', language: null },
  { number: '102', name: 'Sanna Sähkö', email: 'sanna@seller.fi', phone: null, role: 'sales', language: 'en' },
];

const address = { street: null, postalCode: null, city: null, country: 'FI' };

export const CUSTOMERS: Customer[] = [
  { number: '20001', name: 'Putki Oy', businessId: '1572860-0', vat: 'FI15728600', email: 'tilaukset@putki.fi', domains: ['putki.fi'], sellerNumber: '102', pricelist: 'P1', address },
  { number: '20002', name: 'Jaettu Alpha Oy', businessId: '2345678-0', vat: null, email: null, domains: ['shared.fi'], sellerNumber: null, pricelist: null, address },
  { number: '20003', name: 'Jaettu Beta Oy', businessId: null, vat: null, email: null, domains: ['shared.fi'], sellerNumber: null, pricelist: null, address },
];

export const PRICE_RULES: PriceRule[] = [
  { pricelist: 'P1', target: { kind: 'group', group: 'CU' }, adjustment: { kind: 'discount', percent: '10' }, minQty: '1', validFrom: null, validTo: null },
];

export async function seededErp(dataDir = tempDataDir()): Promise<LocalErp> {
  const erp = await openLocalErp({ dataDir, clock: systemClock });
  await erp.masterData.inTransaction((writer) =>
    writer.write({ products: PRODUCTS, persons: PERSONS, customers: CUSTOMERS, priceRules: PRICE_RULES }),
  );
  return erp;
}
