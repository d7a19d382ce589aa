import { performance } from 'node:perf_hooks';
import type { BenchQuery } from './catalog.js';
import { percentile } from './percentile.js';

interface QueryFigures {
  p50_ms: number;
  p99_ms: number;
  top1: number;
  top5: number;
  /** Per query, in order: was the first result right. The queries are the same for every engine. */
  hits: boolean[];
}

/** Each query timed on its own, and whether the product meant came first or among the first five. */
export async function runQueries(queries: Pick<BenchQuery, 'text' | 'sku'>[], search: (text: string) => Promise<string[]>): Promise<QueryFigures> {
  const times: number[] = [];
  const hits: boolean[] = [];
  let top5 = 0;
  for (const query of queries) {
    const t = performance.now();
    const skus = await search(query.text);
    times.push(performance.now() - t);
    hits.push(skus[0] === query.sku);
    if (skus.slice(0, 5).includes(query.sku)) top5 += 1;
  }
  times.sort((a, b) => a - b);
  return {
    p50_ms: percentile(times, 50),
    p99_ms: percentile(times, 99),
    top1: hits.filter(Boolean).length / queries.length,
    top5: top5 / queries.length,
    hits,
  };
}
