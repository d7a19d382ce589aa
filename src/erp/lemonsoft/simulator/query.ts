/** A query string as LemonRest reads it. */
export type Query = Record<string, string | string[] | undefined>;

/** `filter.sku[0]`, `filter.sku[]` and `filter.sku` all name the array `filter.sku`. */
const INDEXED = /^(.+)\[(\d*)\]$/;

/**
 * An array is accepted both as a repeated name and in the indexed form generic HTTP client
 * libraries write (`a[0]=x&a[1]=y`); indexed items keep their indexes' order, the rest the
 * order they came in.
 */
export function parseQuery(text: string): Query {
  const items = new Map<string, { index: number; value: string }[]>();
  for (const [key, value] of new URLSearchParams(text)) {
    const indexed = INDEXED.exec(key);
    const name = indexed ? indexed[1]! : key;
    const index = indexed?.[2] ? Number(indexed[2]) : Number.MAX_SAFE_INTEGER;
    items.set(name, [...(items.get(name) ?? []), { index, value }]);
  }
  const query: Query = {};
  for (const [name, values] of items) {
    const sorted = values.map((item, at) => ({ ...item, at })).sort((a, b) => a.index - b.index || a.at - b.at).map((item) => item.value);
    query[name] = sorted.length === 1 ? sorted[0] : sorted;
  }
  return query;
}
