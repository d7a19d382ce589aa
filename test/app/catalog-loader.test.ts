import { describe, expect, it } from 'vitest';
import { catalogLoader } from '../../src/app/catalog-loader.js';
import { PRODUCTS, seededErp } from '../support/seller.js';

describe('catalogLoader', () => {
  it('builds once, then brings in changed products after a minute, replacing their old versions', async () => {
    const erp = await seededErp();
    let clock = Date.now();
    const load = catalogLoader(erp.products, () => clock);
    const first = await load();
    const renamed = { ...PRODUCTS[0]!, name: 'Kupariputki 15x1,0 kova tanko' };
    await erp.masterData.inTransaction((writer) => writer.write({ products: [renamed] }));

    const soon = await load();
    expect(soon.search('kupariputki 15x1,0 kova tanko', 1)[0]?.product.name).toBe('Kupariputki 15x1,0 kova');

    clock += 61_000;
    const later = await load();
    await erp.close();

    expect(later).toBe(first);
    expect(later.size).toBe(PRODUCTS.length);
    const names = later.search('kupariputki 15x1,0 kova', 5).map((s) => s.product.name);
    expect(names[0]).toBe('Kupariputki 15x1,0 kova tanko');
    expect(names).not.toContain('Kupariputki 15x1,0 kova');
  });
});
