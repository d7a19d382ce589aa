import { describe, expect, it } from 'vitest';
import { catalogSearch } from '../../src/app/catalog-search.js';
import { CatalogIndex } from '../../src/matching/catalog-index.js';
import { product, streamOf } from '../matching/catalog.js';
import { until } from '../support/until.js';

/** A loader whose index is set by the test, as loading and the daily rebuild would. */
function loaderOf(first: CatalogIndex) {
  const loader = { built: null as CatalogIndex | null, warmed: 0 };
  return {
    loader,
    port: {
      current: () => loader.built,
      index: async () => (loader.built ??= first),
      warm: () => void (loader.warmed += 1),
    },
  };
}

const indexOf = (name: string) => CatalogIndex.build(streamOf([product('1', name)]));

describe('catalogSearch', () => {
  it('is not ready before the catalog has loaded, and asks for the load', async () => {
    const { loader, port } = loaderOf(await indexOf('Kupariputki 15x1,0 kova'));
    const search = catalogSearch(port);
    expect(search.search('kupari', 10)).toBe('not_ready');
    expect(loader.warmed).toBe(1);
    await search.warm();
    expect(search.search('kupari', 10)).toEqual([{ sku: '1', name: 'Kupariputki 15x1,0 kova' }]);
  });

  it('answers from the old index until the typeahead of a new one is made', async () => {
    const { loader, port } = loaderOf(await indexOf('Kupariputki 15x1,0 kova'));
    const search = catalogSearch(port);
    await search.warm();
    loader.built = await indexOf('Palloventtiili DN20');
    expect(search.search('pallov', 10)).toEqual([]);
    await until('the new typeahead', async () => (search.search('pallov', 10) as unknown[]).length === 1);
    expect(search.search('kupari', 10)).toEqual([]);
  });
});
