/**
 * `npm run bench:ui`: the workspace's two latencies. Search-as-you-type on the generated bench
 * catalog (1M products; BENCH_SIZE to change): the bench's own queries, and the skus of the
 * products they mean, typed one character at a time, each keystroke a typeahead search timed on
 * its own (p50, p99, max; target p99 < 50 ms), after a warm-up on other queries; what the
 * typeahead adds to memory; and the same keystrokes against MiniSearch with prefix search, as
 * one would set it up for a search box: every n-th of them, as many as it answers in a few
 * minutes (BENCH_LIBRARY_KEYSTROKES to set), with ours on the very same ones beside. Then
 * the run page's server time for a 60-line request (target p99 < 200 ms, `benchRunPage`).
 * Each figure ends in one line with `met=`.
 */
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { normalizeCode } from '../../src/domain/product-code.js';
import type { Product } from '../../src/domain/product.js';
import { CatalogIndex } from '../../src/matching/catalog-index.js';
import { CatalogTypeahead } from '../../src/matching/catalog-typeahead.js';
import { benchQueries, generateCatalog } from './catalog.js';
import { benchRunPage } from './run-page.js';
import { percentile } from './percentile.js';

const SIZE = Number(process.env.BENCH_SIZE ?? 1_000_000);
const TYPED_QUERIES = Number(process.env.BENCH_TYPED ?? 300);
/** MiniSearch's prefix search of a short start walks most of the catalog: about this many products' worth of keystrokes in all. */
const LIBRARY_BUDGET = 3e8;
const LIBRARY_KEYSTROKES = Number(process.env.BENCH_LIBRARY_KEYSTROKES ?? Math.max(200, Math.min(1_500, Math.round(LIBRARY_BUDGET / SIZE))));
const WARM_UP_QUERIES = 50;
const WARM_UP_SEED = 3;
const LIMIT = 10;
const TARGET_P99_MS = 50;
/** No second copy of the catalog: the typeahead may add at most this share of the index's own memory. */
const MEMORY_SHARE = 0.1;

interface Keystroke {
  text: string;
  sku: string;
  /** The query's last keystroke: its product should be among the results. */
  full: boolean;
}

/** Each query as it is typed, one character more per keystroke: "k", "ku", "kup", … */
function keystrokesOf(typed: { text: string; sku: string }[]): Keystroke[] {
  return typed.flatMap(({ text, sku }) =>
    Array.from({ length: text.length }, (_, i) => ({ text: text.slice(0, i + 1), sku, full: i === text.length - 1 })).filter((k) => k.text.trim() !== ''),
  );
}

/** The bench's queries (names written as customers write them, EANs, supplier codes), and every seventh one's sku. */
function typedQueries(catalog: Product[], count: number, seed?: number): { text: string; sku: string }[] {
  const queries = benchQueries(catalog, count, seed);
  return [...queries, ...queries.filter((_, i) => i % 7 === 0).map((q) => ({ text: q.sku, sku: q.sku }))];
}

interface Timing {
  p50: number;
  p99: number;
  max: number;
  /** Of the fully typed queries, the share whose product was among the results. */
  found: number;
}

function timed(keystrokes: Keystroke[], search: (text: string) => string[]): Timing {
  const times: number[] = [];
  let full = 0;
  let found = 0;
  for (const keystroke of keystrokes) {
    const started = performance.now();
    const skus = search(keystroke.text);
    times.push(performance.now() - started);
    if (!keystroke.full) continue;
    full += 1;
    if (skus.includes(keystroke.sku)) found += 1;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) ?? 0, found: full ? found / full : 0 };
}

/** Heap and array buffers after a full collection: the bench runs with --expose-gc. */
function memoryMb(): number {
  // Twice: the first collection's finalisers leave garbage of their own.
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 2 ** 20;
}

function miniSearch(catalog: Product[]): (text: string) => string[] {
  const index = new MiniSearch<{ id: number; name: string; codes: string }>({ fields: ['name', 'codes'], searchOptions: { prefix: true, combineWith: 'AND' } });
  index.addAll(catalog.map((p, id) => ({ id, name: p.name, codes: [p.sku, p.ean ?? '', ...p.supplierCodes].flatMap((c) => [c, normalizeCode(c)]).join(' ') })));
  return (text) => index.search(text).slice(0, LIMIT).map((r) => catalog[r.id as number]!.sku);
}

const f = (n: number, digits = 2) => n.toFixed(digits);

const catalog = generateCatalog(SIZE);
const keystrokes = keystrokesOf(typedQueries(catalog, TYPED_QUERIES));
const warmUp = keystrokesOf(typedQueries(catalog, WARM_UP_QUERIES, WARM_UP_SEED));
console.log(`catalog ${SIZE.toLocaleString('en')} products, ${keystrokes.length} keystrokes of ${TYPED_QUERIES} queries and their skus`);

const beforeIndex = memoryMb();
const index = await CatalogIndex.build(
  (async function* () {
    yield* catalog;
  })(),
);
const indexMb = memoryMb() - beforeIndex;
const built = performance.now();
const typeahead = await CatalogTypeahead.make(index.terms());
const buildSeconds = (performance.now() - built) / 1000;
const addedMb = memoryMb() - beforeIndex - indexMb;
const ours = (text: string) => typeahead.search(text, LIMIT).map((hit) => hit.product.sku);
timed(warmUp, ours);
const timing = timed(keystrokes, ours);
console.log(
  `TYPEAHEAD size=${SIZE} keystrokes=${keystrokes.length} p50_ms=${f(timing.p50, 3)} p99_ms=${f(timing.p99, 3)} max_ms=${f(timing.max, 1)} found_when_typed=${f(timing.found, 3)} target_p99_ms=${TARGET_P99_MS} met=${timing.p99 < TARGET_P99_MS}`,
);
console.log(
  `TYPEAHEAD_MEMORY size=${SIZE} added_mb=${f(addedMb, 1)} held_mb=${f(typeahead.bytes / 2 ** 20, 1)} index_mb=${f(indexMb, 0)} build_s=${f(buildSeconds)} target_added_mb=${f(indexMb * MEMORY_SHARE, 0)} met=${addedMb < indexMb * MEMORY_SHARE}`,
);

const step = Math.max(1, Math.floor(keystrokes.length / LIBRARY_KEYSTROKES));
const library = keystrokes.filter((_, i) => i % step === 0).slice(0, LIBRARY_KEYSTROKES);
const beforeLibrary = memoryMb();
const libraryStarted = performance.now();
const theirs = miniSearch(catalog);
const libraryBuildSeconds = (performance.now() - libraryStarted) / 1000;
const libraryMb = memoryMb() - beforeLibrary;
timed(warmUp.filter((_, i) => i % step === 0).slice(0, 50), theirs);
const libraryTiming = timed(library, theirs);
const oursOnSame = timed(library, ours);
console.log(
  `LIBRARY engine=minisearch size=${SIZE} keystrokes=${library.length} build_s=${f(libraryBuildSeconds)} memory_mb=${f(libraryMb, 0)} p50_ms=${f(libraryTiming.p50, 3)} p99_ms=${f(libraryTiming.p99, 3)} max_ms=${f(libraryTiming.max, 1)} found_when_typed=${f(libraryTiming.found, 3)}` +
    ` ours_p50_ms=${f(oursOnSame.p50, 3)} ours_p99_ms=${f(oursOnSame.p99, 3)} ours_found_when_typed=${f(oursOnSame.found, 3)} p99_ratio=${f(libraryTiming.p99 / oursOnSame.p99, 1)} memory_ratio=${f(libraryMb / Math.max(addedMb, 0.1), 1)} target_p99_ms=${TARGET_P99_MS} met=${libraryTiming.p99 < TARGET_P99_MS}`,
);

await benchRunPage();
