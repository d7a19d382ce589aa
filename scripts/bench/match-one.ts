/**
 * One engine on one catalog size, in its own process so that its memory is its own:
 * `tsx scripts/bench/match-one.ts <size> <engine> <queries>`; prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import FlexSearch from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Product } from '../../src/domain/product.js';
import { CatalogIndex } from '../../src/matching/catalog-index.js';
import { matchLine } from '../../src/matching/match-line.js';
import { benchQueries, generateCatalog } from './catalog.js';

type Search = (text: string) => Promise<string[]>;

type Doc = {
  id: number;
  name: string;
  codes: string;
};

const docsOf = (catalog: Product[]): Doc[] =>
  catalog.map((p, id) => ({ id, name: p.name, codes: [p.sku, p.ean ?? '', ...p.supplierCodes].join(' ') }));

async function offerflow(catalog: Product[]): Promise<Search> {
  async function* all() {
    yield* catalog;
  }
  const index = await CatalogIndex.build(all());
  // The index is the whole catalog here: nothing is newer than it for the ERP to add.
  const sources = { index, findByCode: async () => [], learned: async () => null };
  return async (text) => {
    const match = await matchLine({ text, description: text, quantity: '1', unit: null, code: text }, sources, 0);
    return [match.product?.sku, ...match.alternatives.map((a) => a.sku)].filter((s): s is string => !!s);
  };
}

async function minisearch(catalog: Product[]): Promise<Search> {
  const index = new MiniSearch<Doc>({ fields: ['name', 'codes'], searchOptions: { fuzzy: 0.2, prefix: true } });
  index.addAll(docsOf(catalog));
  return async (text) => index.search(text).slice(0, 5).map((r) => catalog[r.id as number]!.sku);
}

async function flexsearch(catalog: Product[]): Promise<Search> {
  const index = new FlexSearch.Document<Doc>({ document: { id: 'id', index: ['name', 'codes'] }, tokenize: 'forward' });
  for (const doc of docsOf(catalog)) index.add(doc);
  return async (text) => {
    const ids = index.search(text, { limit: 5, merge: true }).map((r) => r.id as number);
    return ids.slice(0, 5).map((id) => catalog[id]!.sku);
  };
}

async function fuse(catalog: Product[]): Promise<Search> {
  const index = new Fuse(docsOf(catalog), { keys: ['name', 'codes'] });
  return async (text) => index.search(text, { limit: 5 }).map((r) => catalog[r.item.id]!.sku);
}

const ENGINES: Record<string, (catalog: Product[]) => Promise<Search>> = { offerflow, minisearch, flexsearch, fuse };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const [sizeArg, engine = 'offerflow', queriesArg = '700'] = process.argv.slice(2);
const size = Number(sizeArg);
const catalog = generateCatalog(size);
const queries = benchQueries(catalog, Number(queriesArg));
const started = performance.now();
const search = await ENGINES[engine]!(catalog);
const buildSeconds = (performance.now() - started) / 1000;
globalThis.gc?.();
const { rss, heapUsed } = process.memoryUsage();
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
const top1 = hits.filter(Boolean).length;
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    engine,
    size,
    queries: queries.length,
    build_s: buildSeconds,
    rss_mb: rss / 2 ** 20,
    heap_mb: heapUsed / 2 ** 20,
    p50_ms: percentile(times, 50),
    p99_ms: percentile(times, 99),
    top1: top1 / queries.length,
    top5: top5 / queries.length,
    hits,
  }),
);
