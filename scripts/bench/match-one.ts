/**
 * One engine on one catalog size, in its own process so that its memory is its own:
 * `tsx scripts/bench/match-one.ts <size> <engine> <queries>`; prints one JSON line. With
 * BENCH_SNAPSHOT_DIR, Offerflow's index is then saved there as a catalog snapshot, with the
 * queries beside it, for cold-start.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import FlexSearch from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { snapshotFile } from '../../src/app/catalog-snapshots.js';
import type { Product } from '../../src/domain/product.js';
import { CatalogIndex } from '../../src/matching/catalog-index.js';
import { catalogSnapshotFile } from '../../src/store/catalog-snapshot-file.js';
import { BENCH_SOURCE, benchQueries, generateCatalog } from './catalog.js';
import { offerflowSearch } from './offerflow-search.js';
import { runQueries } from './run-queries.js';
import { systemClock } from '../../src/time/clock.js';

type Search = (text: string) => Promise<string[]>;

type Doc = {
  id: number;
  name: string;
  codes: string;
};

const docsOf = (catalog: Product[]): Doc[] =>
  catalog.map((p, id) => ({ id, name: p.name, codes: [p.sku, p.ean ?? '', ...p.supplierCodes].join(' ') }));

let built: CatalogIndex | null = null;

async function offerflow(catalog: Product[]): Promise<Search> {
  async function* all() {
    yield* catalog;
  }
  built = await CatalogIndex.build(all());
  return offerflowSearch(built);
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

const WARM_UP = 200;
const WARM_UP_SEED = 3;

const [sizeArg, engine = 'offerflow', queriesArg = '700'] = process.argv.slice(2);
const size = Number(sizeArg);
const catalog = generateCatalog(size);
const queries = benchQueries(catalog, Number(queriesArg));
const started = performance.now();
const search = await ENGINES[engine]!(catalog);
const buildSeconds = (performance.now() - started) / 1000;
globalThis.gc?.();
const { rss, heapUsed } = process.memoryUsage();
// Every engine first answers other queries of the same kinds, timed apart: a service answers
// thousands a day, so its steady state is what a customer meets; the first ones (the JIT still
// compiling) are reported as the warm-up's p99, and a fresh start's as the COLD line.
const warmUp = await runQueries(benchQueries(catalog, Math.min(WARM_UP, queries.length), WARM_UP_SEED), search);
const figures = await runQueries(queries, search);
const memory = { rss_mb: rss / 2 ** 20, heap_mb: heapUsed / 2 ** 20 };
console.log(JSON.stringify({ engine, size, queries: queries.length, build_s: buildSeconds, ...memory, warmup_p99_ms: warmUp.p99_ms, ...figures }));

const snapshotDir = process.env.BENCH_SNAPSHOT_DIR;
if (snapshotDir && built) {
  await snapshotFile(catalogSnapshotFile(snapshotDir), BENCH_SOURCE, systemClock).save(built, { asOf: Date.now(), builtAt: Date.now() });
  writeFileSync(join(snapshotDir, 'queries.json'), JSON.stringify(queries));
}
