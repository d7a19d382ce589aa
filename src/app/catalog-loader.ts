import type { ProductRepository } from '../erp/ports.js';
import { CatalogIndex } from '../matching/catalog-index.js';

/** Builds the catalog index on first use and shares it, so a batch of emails indexes once. */
export function catalogLoader(products: ProductRepository): () => Promise<CatalogIndex> {
  let index: Promise<CatalogIndex> | null = null;
  return () => (index ??= CatalogIndex.build(products.iterate()));
}
