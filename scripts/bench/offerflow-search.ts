import type { CatalogIndex } from '../../src/matching/catalog-index.js';
import { matchLine } from '../../src/matching/match-line.js';

/** Offerflow's answer to a query: the whole line matcher, codes first, over the index alone. */
export function offerflowSearch(index: CatalogIndex): (text: string) => Promise<string[]> {
  // The index is the whole catalog here: nothing is newer than it for the ERP to add.
  const sources = { index, findByCode: async () => [], customerCode: async () => null, preferredBrands: () => [], learned: async () => null };
  return async (text) => {
    const match = await matchLine({ text, description: text, quantity: '1', unit: null, per: null, uncertain: null, code: text }, sources, 0);
    return [match.product?.sku, ...match.alternatives.map((a) => a.sku)].filter((s): s is string => !!s);
  };
}
