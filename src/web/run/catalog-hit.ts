/** A product found by a search on the run page, or a candidate of a line (which has a confidence). */
export interface CatalogHit {
  sku: string;
  name: string;
  confidence?: number;
}

/** What a catalog search answers: nothing can be searched before the catalog has loaded. */
export type CatalogResults = CatalogHit[] | 'not_ready';
