import { describe, expect, it } from 'vitest';
import { ProductRecords } from '../../src/matching/product-records.js';
import { product } from './catalog.js';

const PRODUCTS = [
  product('1000015', 'Kupariputki 15x1,0 kova', { ean: '6401234567897', supplierCodes: ['CU1510K', 'NIB 8520-15'], group: 'LVI' }),
  product('2000315', 'MMJ 3x1,5S "Ränni" ½\\ 😀', { extraName: 'Säilytä kuivassa\n2. rivi' }),
  product('3000006', '', { unit: '', listPrice: '0.00' }),
];

function concat(pieces: Uint8Array[]): Uint8Array {
  return Uint8Array.from(pieces.flatMap((p) => [...p]));
}

describe('ProductRecords', () => {
  it('gives every product back as it was added', () => {
    const records = new ProductRecords();
    for (const p of PRODUCTS) records.add(p);
    expect(records.count).toBe(3);
    expect(PRODUCTS.map((_, id) => records.get(id))).toEqual(PRODUCTS);
    expect(records.nameLength(1)).toBe(PRODUCTS[1]!.name.length);
  });

  it('keeps loaded records where they are and adds new ones after them', () => {
    const first = new ProductRecords();
    for (const p of PRODUCTS.slice(0, 2)) first.add(p);
    const { bytes, offsets, nameLengths } = first.parts();
    const loaded = new ProductRecords({ bytes: concat(bytes), offsets, nameLengths });
    loaded.add(PRODUCTS[2]!);
    expect([0, 1, 2].map((id) => loaded.get(id))).toEqual(PRODUCTS);
    const again = loaded.parts();
    expect(Array.from(again.offsets)).toEqual([...Array.from(offsets), again.offsets[3]]);
    expect(new ProductRecords({ ...again, bytes: concat(again.bytes) }).get(2)).toEqual(PRODUCTS[2]);
  });
});
