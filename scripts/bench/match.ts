/**
 * `npm run bench:match`: Offerflow's catalog matching against MiniSearch, FlexSearch and
 * Fuse.js used plainly, on generated catalogs of 10k, 100k and 1M products (BENCH_SIZES to
 * change; BENCH_ENGINES=offerflow,flexsearch to run only some), each engine in its own process
 * so that its memory is its own. The slow engines get the first part of the same query list on
 * large catalogs; their accuracy is compared with ours on that same part. Offerflow's index is
 * then saved as a catalog snapshot, and a fresh process starting from it is measured too
 * ("offerflow/snap": build_s is from the start of loading to the first match). Each engine
 * answers 200 other queries first: p50 and p99 are the steady state, the warm-up's own p99 is
 * printed beside them, and the snapshot's first queries after a start are the COLD line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  /** The p99 of the warm-up queries each engine answers first, untimed in p50/p99. */
  warmup_p99_ms: number;
  top1: number;
  top5: number;
  /** Per query, in order: was the first result right. The queries are the same for every engine. */
  hits: boolean[];
}

interface ColdStart {
  load_s: number;
  start_s: number;
  rss_mb: number;
  file_mb: number;
  p50_ms: number;
  p99_ms: number;
  top1: number;
  top5: number;
}

const ALL_ENGINES = ['offerflow', 'minisearch', 'flexsearch', 'fuse'];
const ENGINES = (process.env.BENCH_ENGINES ?? ALL_ENGINES.join(',')).split(',');
const unknown = ENGINES.filter((e) => !ALL_ENGINES.includes(e));
if (unknown.length > 0) throw new Error(`BENCH_ENGINES: unknown ${unknown.join(', ')}; known: ${ALL_ENGINES.join(', ')}`);
const QUERIES = 700;
const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const NODE_FLAGS = ['--expose-gc', '--max-old-space-size=12288', '--import', 'tsx'];

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

/** The JSON line a bench script ends with, or null (said why) when it failed. */
function lastLineOf<T>(what: string, script: string, args: string[], env: Record<string, string> = {}): T | null {
  try {
    const out = execFileSync(process.execPath, [...NODE_FLAGS, join(import.meta.dirname, script), ...args], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, ...env },
    });
    return JSON.parse(out.trim().split('\n').pop()!) as T;
  } catch (error) {
    console.log(`${what}: failed (${(error as Error).message.split('\n')[0]})`);
    return null;
  }
}

function run(engine: string, size: number, snapshotDir: string): Figures | null {
  const env: Record<string, string> = engine === 'offerflow' ? { BENCH_SNAPSHOT_DIR: snapshotDir } : {};
  return lastLineOf(`${engine} at ${size}`, 'match-one.ts', [String(size), engine, String(queriesFor(engine, size))], env);
}

const f = (n: number, digits = 2) => n.toFixed(digits);

for (const size of sizes) {
  const snapshotDir = mkdtempSync(join(tmpdir(), 'offerflow-bench-'));
  const results = ENGINES.map((engine) => run(engine, size, snapshotDir)).filter((r): r is Figures => r !== null);
  const ours = results.find((r) => r.engine === 'offerflow');
  const cold = ours ? lastLineOf<ColdStart>(`cold start at ${size}`, 'cold-start.ts', [snapshotDir]) : null;
  rmSync(snapshotDir, { recursive: true, force: true });
  console.log(`\ncatalog ${size.toLocaleString('en')} products`);
  console.log('engine          queries  build_s   rss_mb  p50_ms  p99_ms  top1   top5   p50 vs ours  top1 vs ours');
  const rows = cold && ours ? [...results, { ...ours, ...cold, engine: 'offerflow/snap', build_s: cold.load_s }] : results;
  for (const r of rows) {
    const speed = ours ? f(r.p50_ms / ours.p50_ms) : '-';
    const accuracy = ours ? f(r.top1 / oursOn(ours, r.queries)) : '-';
    console.log(
      `${r.engine.padEnd(14)} ${String(r.queries).padStart(8)} ${f(r.build_s).padStart(8)} ${f(r.rss_mb, 0).padStart(8)} ${f(r.p50_ms).padStart(7)} ${f(r.p99_ms).padStart(7)}  ${f(r.top1, 3)}  ${f(r.top5, 3)}  ${speed.padStart(11)}  ${accuracy.padStart(12)}`,
    );
  }
  if (ours) {
    const libs = results.filter((r) => r !== ours);
    const bestLib = Math.max(0, ...libs.map((r) => r.top1));
    for (const lib of libs.filter((r) => r.queries < ours.queries)) {
      console.log(`  ${lib.engine} ran the first ${lib.queries} queries: top1 ${f(lib.top1, 3)}, offerflow on the same ${f(oursOn(ours, lib.queries), 3)}`);
    }
    console.log(
      `MATCH size=${size} build_s=${f(ours.build_s)} rss_mb=${f(ours.rss_mb, 0)} p50_ms=${f(ours.p50_ms, 3)} p99_ms=${f(ours.p99_ms, 3)} warmup_p99_ms=${f(ours.warmup_p99_ms, 3)} top1=${f(ours.top1, 3)} best_lib_top1=${f(bestLib, 3)}`,
    );
  }
  if (cold) {
    console.log(
      `COLD size=${size} load_s=${f(cold.load_s, 3)} start_s=${f(cold.start_s, 3)} rss_mb=${f(cold.rss_mb, 0)} file_mb=${f(cold.file_mb, 0)} p50_ms=${f(cold.p50_ms, 3)} p99_ms=${f(cold.p99_ms, 3)} top1=${f(cold.top1, 3)}`,
    );
  }
}
