import type { ProductRepository } from '../erp/ports.js';
import { CatalogIndex } from '../matching/catalog-index.js';

/** How stale the index may get before the next request brings in the products changed since. */
const REFRESH_AFTER_MS = 60_000;

/**
 * Builds the catalog index on first use and shares it, so a batch of emails indexes once; a
 * long-running process then adds only the products changed since the last look. Products the
 * ERP stops selling stay findable until the process restarts.
 */
export function catalogLoader(products: ProductRepository, now: () => number = Date.now): () => Promise<CatalogIndex> {
  let index: Promise<CatalogIndex> | null = null;
  let lookedAt = 0;
  let refreshing: Promise<void> | null = null;
  const refresh = async (built: CatalogIndex, since: number) => {
    for await (const product of products.iterate({ modifiedAfter: new Date(since).toISOString() })) built.replace(product);
  };
  return async () => {
    if (!index) {
      lookedAt = now();
      index = CatalogIndex.build(products.iterate());
      return index;
    }
    const built = await index;
    if (!refreshing && now() - lookedAt >= REFRESH_AFTER_MS) {
      const since = lookedAt;
      lookedAt = now();
      refreshing = refresh(built, since).finally(() => (refreshing = null));
    }
    if (refreshing) await refreshing;
    return built;
  };
}
