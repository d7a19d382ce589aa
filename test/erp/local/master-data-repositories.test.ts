import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalErp } from '../../../src/erp/local/adapter.js';
import type { Product } from '../../../src/domain/product.js';
import { PRODUCTS, seededErp } from '../../support/seller.js';

describe('local ERP master data', () => {
  let erp: LocalErp;
  beforeAll(async () => {
    erp = await seededErp();
  });
  afterAll(async () => {
    await erp.close();
  });

  it.each([
    ['1572860-0', '20001'],
    ['FI15728600', '20001'],
    ['2345678-0', '20002'],
  ])('finds a customer by business id %s', async (id, number) => {
    expect((await erp.customers.findByBusinessId(id))?.number).toBe(number);
  });

  it('finds no customer for a business id with a wrong check digit', async () => {
    expect(await erp.customers.findByBusinessId('1572860-1')).toBeNull();
  });

  it('finds customers by email, by email domain and by extra domain, ignoring case', async () => {
    expect((await erp.customers.findByEmail('Tilaukset@Putki.fi')).map((c) => c.number)).toEqual(['20001']);
    expect((await erp.customers.findByDomain('PUTKI.FI')).map((c) => c.number)).toEqual(['20001']);
    expect((await erp.customers.findByDomain('shared.fi')).map((c) => c.number).sort()).toEqual(['20002', '20003']);
  });

  it('finds a customer by part of its name', async () => {
    expect((await erp.customers.searchByName('Putki')).map((c) => c.name)).toEqual(['Putki Oy']);
  });

  it.each([['1000015'], ['6401234567897'], ['cu-1510-k'], ['CU1510K']])('finds a product by code %s', async (code) => {
    expect((await erp.products.findByCode(code)).map((p) => p.sku)).toEqual(['1000015']);
  });

  it('iterates every product for the catalog index', async () => {
    const skus: string[] = [];
    for await (const product of erp.products.iterate() as AsyncIterable<Product>) skus.push(product.sku);
    expect(skus.sort()).toEqual(['1000015', '1000022', '2000020', '3000325', '4000048']);
  });

  it('finds salespeople by email and number', async () => {
    expect((await erp.persons.findByEmail('MIKKO@seller.fi'))?.number).toBe('101');
    expect((await erp.persons.getByNumber('102'))?.name).toBe('Sanna Sähkö');
    expect(await erp.persons.findByEmail('nobody@seller.fi')).toBeNull();
  });
});

describe('local ERP master data read whole again from a source', () => {
  it('replaces what a kind held, leaving the other kinds, and leaves it as it was when the load fails', async () => {
    const erp = await seededErp();
    const [first] = PRODUCTS;

    await erp.masterData.replacing('products', (writer) => writer.write({ products: [first!] }));
    expect((await erp.products.findByCode('CU1510K')).map((p) => p.sku)).toEqual([first!.sku]);
    await expect(erp.masterData.replacing('products', async () => Promise.reject(new Error('bad row')))).rejects.toThrow('bad row');

    const skus: string[] = [];
    for await (const product of erp.products.iterate()) skus.push(product.sku);
    expect(skus).toEqual([first!.sku]);
    expect(await erp.customers.getByNumber('20001')).not.toBeNull();
    await erp.close();
  });
});
