/**
 * `npm run bench:service`: 2,000 mails through IMAP (a real Dovecot) → queue → workers → the
 * embedded ERP, with the run store and queue on PostgreSQL, once with one worker process and
 * once with two. Prints mails per second and the time from a mail's arrival to its finished
 * run, then one line per worker count: `SERVICE workers=<n> mails_per_s=<x> p50_ms=<x> p99_ms=<x>`.
 * BENCH_MAILS changes the number of mails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { importInto } from '../../src/cli/commands/import.js';
import { MASTER_DATA_FILES } from '../../src/import/read-master-data.js';
import { IMAP_PASSWORD, startDovecot } from '../../test/support/dovecot.js';
import { freshPostgres } from '../../test/support/postgres.js';
import { tempDataDir } from '../../test/support/seller.js';
import { systemClock } from '../../src/time/clock.js';
import { percentile } from './percentile.js';

const MAILS = Number(process.env.BENCH_MAILS ?? 2000);
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

const samples = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.eml'))
  .sort()
  .map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));

function serve(dataDir: string, databaseUrl: string, withMailboxes: boolean): ChildProcess {
  const flags = withMailboxes ? [] : ['--no-mailboxes'];
  return spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir, ...flags], {
    env: { ...process.env, OFFERFLOW_DATABASE_URL: databaseUrl, BENCH_IMAP_PASSWORD: IMAP_PASSWORD },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function runOnce(workers: number, imapPort: number): Promise<string> {
  const dataDir = tempDataDir();
  for (const kind of MASTER_DATA_FILES) await importInto(dataDir, kind, join(ROOT, 'demo', 'data', `${kind}.csv`), systemClock);
  const user = `bench${workers}@teknotukku.fi`;
  writeFileSync(
    join(dataDir, 'offerflow.json'),
    JSON.stringify({
      mailboxes: [{ type: 'imap', name: user, mode: 'auto', host: '127.0.0.1', port: imapPort, secure: false, user, passwordEnv: 'BENCH_IMAP_PASSWORD' }],
      service: { workers: 1, pollSeconds: 0.5 },
    }),
  );
  const database = await freshPostgres();
  const children = Array.from({ length: workers }, (_, i) => serve(dataDir, database.url, i === 0));
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  // The services create the tables as they start; mail arrives once they can take it.
  for (;;) {
    const ready = await db.query("select count(*)::int as n from information_schema.tables where table_name = 'jobs' and table_schema = current_schema()");
    if ((ready.rows[0] as { n: number }).n > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { ImapFlow } = await import('imapflow');
  const imap = new ImapFlow({ host: '127.0.0.1', port: imapPort, secure: false, auth: { user, pass: IMAP_PASSWORD }, logger: false });
  await imap.connect();
  const arrived = new Map<string, number>();
  const started = Date.now();
  for (let i = 0; i < MAILS; i += 1) {
    const messageId = `<bench-${workers}-${i}@teknotukku.fi>`;
    const raw = samples[i % samples.length]!.replace(/^Message-ID: .*$/im, `Message-ID: ${messageId}`);
    await imap.append('INBOX', raw);
    arrived.set(messageId, Date.now());
  }
  await imap.logout();
  // Done when every mail has a run and no job is waiting or being worked on (a failed run is retried).
  let finished: { message_id: string; status: string; updated_at: string; context: string }[] = [];
  for (;;) {
    const open = await db.query<{ n: number }>("select count(*)::int as n from jobs where status in ('queued', 'active')");
    const rows = await db.query<{ message_id: string; status: string; updated_at: string; context: string }>('select message_id, status, updated_at, context from runs');
    finished = rows.rows;
    process.stderr.write(`\rworkers=${workers}: ${finished.length}/${MAILS} taken in, ${open.rows[0]!.n} jobs open after ${((Date.now() - started) / 1000).toFixed(0)} s   `);
    if (finished.length >= MAILS && open.rows[0]!.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  process.stderr.write('\n');
  for (const failed of finished.filter((r) => r.status === 'failed')) console.log(`  failed ${failed.message_id}: ${(JSON.parse(failed.context) as { errors: string[] }).errors.join('; ')}`);
  await db.end();
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
  await database.drop();
  const latencies = finished.map((r) => Date.parse(r.updated_at) - arrived.get(r.message_id)!).sort((a, b) => a - b);
  const last = Math.max(...finished.map((r) => Date.parse(r.updated_at)));
  const seconds = (last - started) / 1000;
  const statuses = [...new Set(finished.map((r) => r.status))].map((s) => `${s} ${finished.filter((r) => r.status === s).length}`);
  console.log(`workers ${workers}: ${MAILS} mails in ${seconds.toFixed(1)} s (${statuses.join(', ')})`);
  return `SERVICE workers=${workers} mails_per_s=${(MAILS / seconds).toFixed(1)} p50_ms=${percentile(latencies, 50).toFixed(0)} p99_ms=${percentile(latencies, 99).toFixed(0)}`;
}

const dovecot = await startDovecot();
const lines: string[] = [];
try {
  for (const workers of [1, 2]) lines.push(await runOnce(workers, dovecot.port));
} finally {
  await dovecot.stop();
}
for (const line of lines) console.log(line);
