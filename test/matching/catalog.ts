import type { Product } from '../../src/domain/product.js';

export function product(sku: string, name: string, extra: Partial<Product> = {}): Product {
  return { sku, name, extraName: null, ean: null, supplierCodes: [], units: [], unit: 'kpl', listPrice: '10.00', vatRate: '25.5', group: null, ...extra };
}

/** A small wholesaler's catalog in size families, as the real one is built. */
export const CATALOG: Product[] = [
  product('1000015', 'Kupariputki 15x1,0 kova', { unit: 'm', group: 'LVI' }),
  product('1000022', 'Kupariputki 22x1,0 kova', { unit: 'm', group: 'LVI' }),
  product('1000028', 'Kupariputki 28x1,2 kova', { unit: 'm', group: 'LVI' }),
  product('1000122', 'Kupariputki 22x1,0 pehmeä', { extraName: 'kiepillä 25 m', unit: 'm', group: 'LVI' }),
  product('1100015', 'Palloventtiili DN15 1/2" sk/sk', { extraName: 'PN25 vipukahva', group: 'LVI' }),
  product('1100020', 'Palloventtiili DN20 3/4" sk/sk', { extraName: 'PN25 vipukahva', group: 'LVI' }),
  product('1100032', 'Palloventtiili DN32 1 1/4" sk/sk', { extraName: 'PN25 vipukahva', group: 'LVI' }),
  product('1200022', 'Putkieriste 22/20 mm', { extraName: 'solukumi', unit: 'm', group: 'LVI' }),
  product('2000315', 'MMJ 3x1,5S', { extraName: '300/500 V', unit: 'm', group: 'SÄHKÖ', supplierCodes: ['MMJ315S'] }),
  product('2000316', 'MMJ 3x1,5N', { extraName: '300/500 V', unit: 'm', group: 'SÄHKÖ', supplierCodes: ['MMJ315N'] }),
  product('2000325', 'MMJ 3x2,5S', { extraName: '300/500 V', unit: 'm', group: 'SÄHKÖ', supplierCodes: ['MMJ325S'] }),
  product('2100016', 'Johdonsuojakatkaisija C16 1-napainen', { group: 'SÄHKÖ', supplierCodes: ['MCB-C16-1P'], ean: '6417012345670' }),
  product('2100010', 'Johdonsuojakatkaisija B10 1-napainen', { group: 'SÄHKÖ', supplierCodes: ['MCB-B10-1P'] }),
  product('3000006', 'Kuusiomutteri M6 DIN 934 sinkitty', { group: 'KIINNITYS' }),
  product('3000008', 'Kuusiomutteri M8 DIN 934 sinkitty', { group: 'KIINNITYS' }),
  product('3000010', 'Kuusiomutteri M10 DIN 934 sinkitty', { group: 'KIINNITYS' }),
];

export async function* streamOf(products: Product[]): AsyncIterable<Product> {
  for (const p of products) yield p;
}
