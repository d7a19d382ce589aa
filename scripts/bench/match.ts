/**
 * `npm run bench:match`: Offerflow's catalog matching against MiniSearch, FlexSearch and
 * Fuse.js used plainly, on generated catalogs of 10k, 100k and 1M products (BENCH_SIZES to
 * change), each engine in its own process so that its memory is its own. The slow engines get
 * the first part of the same query list on large catalogs; their accuracy is compared with
 * ours on that same part.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

interface Figures {
  engine: string;
  size: number;
  queries: number;
  build_s: number;
  rss_mb: number;
  heap_mb: number;
  p50_ms: number;
  p99_ms: number;
  top1: number;
  top5: number;
  /** Per query, in order: was the first result right. The queries are the same for every engine. */
  hits: boolean[];
}

const ENGINES = ['offerflow', 'minisearch', 'flexsearch', 'fuse'];
const QUERIES = 700;
const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);

/** What each engine can answer in a few minutes: Fuse.js scans every product, MiniSearch's fuzzy search nearly so. */
const BUDGET: Record<string, number> = { fuse: 5e5, minisearch: 5e7 };

function queriesFor(engine: string, size: number): number {
  const budget = BUDGET[engine];
  return budget ? Math.max(20, Math.min(QUERIES, Math.round(budget / size))) : QUERIES;
}

/** Our first-result accuracy on the first `n` queries, to set beside an engine that ran only those. */
function oursOn(ours: Figures, n: number): number {
  return ours.hits.slice(0, n).filter(Boolean).length / n;
}

function run(engine: string, size: number): Figures | null {
  const script = join(import.meta.dirname, 'match-one.ts');
  try {
    const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=12288', '--import', 'tsx', script, String(size), engine, String(queriesFor(engine, size))], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(out.trim().split('\n').pop()!) as Figures;
  } catch (error) {
    console.log(`${engine} at ${size}: failed (${(error as Error).message.split('\n')[0]})`);
    return null;
  }
}

const f = (n: number, digits = 2) => n.toFixed(digits);

for (const size of sizes) {
  const results = ENGINES.map((engine) => run(engine, size)).filter((r): r is Figures => r !== null);
  const ours = results.find((r) => r.engine === 'offerflow');
  console.log(`\ncatalog ${size.toLocaleString('en')} products`);
  console.log('engine      queries  build_s   rss_mb  p50_ms  p99_ms  top1   top5   p50 vs ours  top1 vs ours');
  for (const r of results) {
    const speed = ours ? f(r.p50_ms / ours.p50_ms) : '-';
    const accuracy = ours ? f(r.top1 / oursOn(ours, r.queries)) : '-';
    console.log(
      `${r.engine.padEnd(10)} ${String(r.queries).padStart(8)} ${f(r.build_s).padStart(8)} ${f(r.rss_mb, 0).padStart(8)} ${f(r.p50_ms).padStart(7)} ${f(r.p99_ms).padStart(7)}  ${f(r.top1, 3)}  ${f(r.top5, 3)}  ${speed.padStart(11)}  ${accuracy.padStart(12)}`,
    );
  }
  if (ours) {
    const libs = results.filter((r) => r !== ours);
    const bestLib = Math.max(0, ...libs.map((r) => r.top1));
    for (const lib of libs.filter((r) => r.queries < ours.queries)) {
      console.log(`  ${lib.engine} ran the first ${lib.queries} queries: top1 ${f(lib.top1, 3)}, offerflow on the same ${f(oursOn(ours, lib.queries), 3)}`);
    }
    console.log(
      `MATCH size=${size} build_s=${f(ours.build_s)} rss_mb=${f(ours.rss_mb, 0)} p50_ms=${f(ours.p50_ms, 3)} p99_ms=${f(ours.p99_ms, 3)} top1=${f(ours.top1, 3)} best_lib_top1=${f(bestLib, 3)}`,
    );
  }
}
