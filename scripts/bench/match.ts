/**
 * `npm run bench:match`: Offerflow's catalog matching against MiniSearch, FlexSearch and
 * Fuse.js used plainly, on generated catalogs of 10k, 100k and 1M products (BENCH_SIZES to
 * change), each engine in its own process so that its memory is its own. Fuse.js scans every
 * product per query, so it gets fewer queries on the large catalogs.
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
}

const ENGINES = ['offerflow', 'minisearch', 'flexsearch', 'fuse'];
const QUERIES = 700;
const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);

function queriesFor(engine: string, size: number): number {
  return engine === 'fuse' ? Math.max(20, Math.min(QUERIES, Math.round(7e6 / size))) : QUERIES;
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
    const accuracy = ours ? f(r.top1 / ours.top1) : '-';
    console.log(
      `${r.engine.padEnd(10)} ${String(r.queries).padStart(8)} ${f(r.build_s).padStart(8)} ${f(r.rss_mb, 0).padStart(8)} ${f(r.p50_ms).padStart(7)} ${f(r.p99_ms).padStart(7)}  ${f(r.top1, 3)}  ${f(r.top5, 3)}  ${speed.padStart(11)}  ${accuracy.padStart(12)}`,
    );
  }
  if (ours) {
    const bestLib = Math.max(0, ...results.filter((r) => r !== ours).map((r) => r.top1));
    console.log(
      `MATCH size=${size} build_s=${f(ours.build_s)} rss_mb=${f(ours.rss_mb, 0)} p50_ms=${f(ours.p50_ms, 3)} p99_ms=${f(ours.p99_ms, 3)} top1=${f(ours.top1, 3)} best_lib_top1=${f(bestLib, 3)}`,
    );
  }
}
