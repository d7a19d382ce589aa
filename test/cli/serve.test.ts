import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../src/erp/lemonsoft/simulator/server.js';
import { lemonsoftReader, lemonsoftSettings, startSimulator } from '../erp/conformance/harnesses.js';
import pg from 'pg';
import { CLI } from '../support/cli.js';
import { serve, stopServed, writeServiceConfig } from '../support/serve.js';
import { freshPostgres } from '../support/postgres.js';
import { fixturePath } from '../support/fixtures.js';
import { tempDataDir } from '../support/seller.js';
import { until } from '../support/until.js';

afterEach(async () => {
  await stopServed();
  await sim?.close();
  sim = null;
});

let sim: RunningSimulator | null = null;

/** A data directory whose service watches an inbox folder and works against the simulator, its writes giving up after `timeoutMs`. */
async function lemonsoftService(timeoutMs: number) {
  const dataDir = tempDataDir();
  const inbox = join(dataDir, 'inbox');
  mkdirSync(inbox);
  sim = await startSimulator(dataDir);
  const settings = { ...lemonsoftSettings(sim), timeoutMs };
  writeServiceConfig(dataDir, inbox, { erp: { type: 'lemonsoft', settings }, service: { leaseSeconds: 1, retryBaseSeconds: 0.1 } });
  return { dataDir, inbox, settings };
}

describe('offerflow serve', () => {
  it('answers /healthz, /readyz and /metrics on the embedded default with no settings, and stops cleanly on SIGTERM', async () => {
    const served = await serve(tempDataDir());
    const get = (path: string) => fetch(`http://127.0.0.1:${served.port}${path}`);

    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    await until('the catalog to be loaded', async () => (await get('/readyz')).status === 200);
    expect(await (await get('/readyz')).json()).toEqual({ status: 'ready', checks: { store: 'ok', catalog: expect.stringMatching(/^ready: 0 products, \d+ s old$/), queue: 'ok', erp: 'ok' } });
    const metrics = await get('/metrics');
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toContain('offerflow_queue_jobs{state="dead"} 0');

    served.child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => served.child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(0);
    expect(served.log.at(-1)).toMatchObject({ msg: 'stopped' });
  });

  it('resumes a run whose worker was killed in the middle of creating the offer: exactly one offer', async () => {
    // The restarted process waits out a write the killed one may have had in flight: at most this.
    const { dataDir, inbox, settings } = await lemonsoftService(2_000);
    const first = await serve(dataDir);
    sim!.setFaults({ latencyMs: 150 });
    copyFileSync(fixturePath('workflow/rfq-known-customer.eml'), join(inbox, 'a.eml'));

    // Killed while Lemonsoft is still making the empty offer: the hardest moment, as nothing names it yet.
    await until('the offer to be in the making', () => sim!.calls.includes('POST /api/offers/:id'));
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    sim!.setFaults({ reset: true });

    const second = await serve(dataDir);
    await until('the mail to be done', () => existsSync(join(inbox, 'done', 'a.eml')));

    expect(second.log.find((l) => l.msg === 'run finished')).toMatchObject({ status: 'created', offerNumber: '10001' });
    const { erp, close } = await lemonsoftReader(settings);
    expect((await erp.offers.get('10001'))?.lines).toHaveLength(2);
    expect(await erp.offers.get('10002')).toBeNull();
    await close();
  });

  it('never makes a second offer when a worker stalls past its lease in the middle of creating one', async () => {
    // A write gives up after 3 s: a worker taking over waits that long past the stalled one's lease.
    const { dataDir, inbox, settings } = await lemonsoftService(3_000);
    const stalling = await serve(dataDir);
    // Lemonsoft sits on the row list for a while before it stores it.
    sim!.setFaults({ delay: [{ ms: 2_500, match: 'offerrowlist' }] });
    copyFileSync(fixturePath('workflow/rfq-known-customer.eml'), join(inbox, 'a.eml'));

    // The rows are on their way when the worker's process stops (a long GC pause, a frozen VM).
    await until('the rows to be sent', () => sim!.calls.some((c) => c.startsWith('POST /api/offers/:id/offerrowlist')));
    stalling.child.kill('SIGSTOP');
    const other = await serve(dataDir, {}, ['--no-mailboxes']);
    await until('the other process to finish the run', () => other.log.some((l) => l.msg === 'run finished'), 30_000);
    stalling.child.kill('SIGCONT');
    await until('the stalled worker to notice', () => stalling.log.some((l) => l.msg === 'lease lost while working: another worker has the run'), 30_000);
    await until('the mail to be done', () => existsSync(join(inbox, 'done', 'a.eml')));

    expect(other.log.find((l) => l.msg === 'run finished')).toMatchObject({ status: 'created', offerNumber: '10001' });
    const { erp, close } = await lemonsoftReader(settings);
    expect((await erp.offers.get('10001'))?.lines).toHaveLength(2);
    expect(await erp.offers.get('10002')).toBeNull();
    await close();
  }, 60_000);

  it('shares the work between two service processes on one PostgreSQL: every mail is run once', async () => {
    const dataDir = tempDataDir();
    const inbox = join(dataDir, 'inbox');
    mkdirSync(inbox);
    const database = await freshPostgres();
    for (const kind of ['persons', 'products', 'customers', 'pricelists']) {
      const child = spawn(process.execPath, [CLI, 'import', kind, fixturePath(`cli/${kind}.csv`), '--data-dir', dataDir]);
      await new Promise((resolve) => child.once('exit', resolve));
    }
    writeServiceConfig(dataDir, inbox, { service: { workers: 2 } });
    const env = { OFFERFLOW_DATABASE_URL: database.url };
    const first = await serve(dataDir, env);
    const second = await serve(dataDir, env);
    const original = readFileSync(fixturePath('workflow/rfq-known-customer.eml'), 'utf8');
    const MAILS = 24;
    for (let i = 0; i < MAILS; i += 1) writeFileSync(join(inbox, `${String(i).padStart(2, '0')}.eml`), original.replace(/^Message-ID: .*$/im, `Message-ID: <two-workers-${i}@putki.fi>`));

    await until('every mail to be done', () => existsSync(join(inbox, 'done')) && readdirSync(join(inbox, 'done')).length === MAILS, 60_000);

    const finished = [...first.log, ...second.log].filter((l) => l.msg === 'run finished');
    expect(finished).toHaveLength(MAILS);
    expect(new Set(finished.map((l) => l.runId)).size).toBe(MAILS);
    expect(new Set(finished.map((l) => l.offerNumber)).size).toBe(MAILS);
    expect(first.log.some((l) => l.msg === 'run finished') && second.log.some((l) => l.msg === 'run finished')).toBe(true);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const jobs = await client.query<{ attempts: number; status: string }>('select attempts, status from jobs');
    await client.end();
    expect(jobs.rows).toHaveLength(MAILS);
    expect(jobs.rows.every((j) => j.attempts === 1 && j.status === 'done')).toBe(true);
    for (const served of [first, second]) served.child.kill('SIGTERM');
    await Promise.all([first, second].map((s) => new Promise((resolve) => s.child.once('exit', resolve))));
    await database.drop();
  });
});
