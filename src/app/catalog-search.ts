import type { CatalogIndex } from '../matching/catalog-index.js';
import { CatalogTypeahead } from '../matching/catalog-typeahead.js';
import type { CatalogResults } from '../web/run/catalog-hit.js';
import type { CatalogLoader } from './catalog-loader.js';

/** Search-as-you-type over the whole catalog, for the workspace. */
export interface CatalogSearch {
  /** Best first; 'not_ready' until the catalog has loaded and its typeahead is made. */
  search(query: string, limit: number): CatalogResults;
  /** Loads the catalog if need be and makes its typeahead, so that the first keystroke does not wait; rejects when the catalog cannot be loaded. */
  warm(): Promise<void>;
}

/** Requests are answered between the batches of products a typeahead decodes as it is made. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The typeahead of the loader's current index. A new index (the daily rebuild) gets its own,
 * made in the background once a search notices it, while the old one answers; refreshes add to
 * the index itself, which the typeahead reads as it is.
 */
export function catalogSearch(loader: Pick<CatalogLoader, 'index' | 'current' | 'warm'>): CatalogSearch {
  let made: { index: CatalogIndex; typeahead: CatalogTypeahead } | null = null;
  let making: Promise<void> | null = null;
  const make = (index: CatalogIndex) =>
    (making ??= CatalogTypeahead.make(index.terms(), nextTurn)
      .then((typeahead) => void (made = { index, typeahead }))
      .finally(() => (making = null)));
  return {
    search(query, limit) {
      const index = loader.current();
      if (!index) loader.warm();
      else if (made?.index !== index) void make(index);
      return made ? made.typeahead.search(query, limit).map(({ product }) => ({ sku: product.sku, name: product.name })) : 'not_ready';
    },
    async warm() {
      const index = await loader.index();
      // A typeahead being made for an index before this one is waited out first.
      while (made?.index !== index) await make(index);
    },
  };
}
