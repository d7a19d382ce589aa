/**
 * Offerflow's cold start from a catalog snapshot, as a new process meets it:
 * `tsx scripts/bench/cold-start.ts <dir>` with the snapshot and queries.json that match-one.ts
 * left in <dir>. Times the loader from its start to the first match, and the process from its
 * start (Node and tsx included); then the memory, and the queries on the loaded index. Prints
 * one JSON line.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { catalogLoader } from '../../src/app/catalog-loader.js';
import { snapshotFile } from '../../src/app/catalog-snapshots.js';
import type { Product } from '../../src/domain/product.js';
import { catalogSnapshotFile } from '../../src/store/catalog-snapshot-file.js';
import { BENCH_SOURCE, type BenchQuery } from './catalog.js';
import { offerflowSearch } from './offerflow-search.js';
import { runQueries } from './run-queries.js';
import { systemClock } from '../../src/time/clock.js';

const dir = process.argv[2]!;
const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as BenchQuery[];
const file = catalogSnapshotFile(dir);
const started = performance.now();
// Nothing changed since the snapshot: the catch-up finds no products.
const nothingChanged = { getBySku: async () => null, findByCode: async () => [], iterate: async function* (): AsyncIterable<Product> {} };
const loader = catalogLoader(nothingChanged, {
  clock: systemClock,
  snapshots: snapshotFile(file, BENCH_SOURCE, systemClock),
  onSnapshot: (event) => {
    if (event.event !== 'loaded') throw new Error(`snapshot not used: ${JSON.stringify(event)}`);
  },
});
const search = offerflowSearch(await loader.index());
await search(queries[0]!.text);
const firstMatch = performance.now();
const { rss } = process.memoryUsage();
const figures = await runQueries(queries, search);
await loader.close();
console.log(
  JSON.stringify({
    load_s: (firstMatch - started) / 1000,
    start_s: firstMatch / 1000,
    rss_mb: rss / 2 ** 20,
    file_mb: statSync(file).size / 2 ** 20,
    ...figures,
  }),
);
