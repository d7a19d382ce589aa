import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { fixturePath } from '../support/fixtures.js';
import { ownPostgres, type OwnPostgres } from '../support/own-postgres.js';
import { freePort } from '../support/dovecot.js';
import { simOffers, simSettings, startSim } from '../support/lemonsoft-sim.js';
import { alive, getJson, serve, stopServed, writeServiceConfig, type Served } from '../support/serve.js';
import { tempDataDir } from '../support/seller.js';
import { until } from '../support/until.js';

let server: OwnPostgres | null = null;

afterEach(async () => {
  await stopServed();
  server?.stop();
  server = null;
});

async function seededDataDir(): Promise<{ dataDir: string; inbox: string }> {
  const dataDir = tempDataDir();
  const inbox = join(dataDir, 'inbox');
  mkdirSync(inbox);
  for (const kind of ['persons', 'products', 'customers', 'pricelists']) {
    await promisify(execFile)(process.execPath, [CLI, 'import', kind, fixturePath(`cli/${kind}.csv`), '--data-dir', dataDir]);
  }
  return { dataDir, inbox };
}

const REQUEST = () => readFileSync(fixturePath('workflow/rfq-known-customer.eml'), 'utf8');

function dropMails(inbox: string, prefix: string, count: number): void {
  for (let i = 0; i < count; i += 1) {
    writeFileSync(join(inbox, `${prefix}-${String(i).padStart(2, '0')}.eml`), REQUEST().replace(/^Message-ID: .*$/im, `Message-ID: <${prefix}-${i}@putki.fi>`));
  }
}

function jobStatus(dataDir: string, runId: unknown): string | undefined {
  const store = new Database(join(dataDir, 'offerflow.sqlite'), { readonly: true });
  const row = store.prepare('select status from jobs where run_id = ?').get(runId) as { status: string } | undefined;
  store.close();
  return row?.status;
}

const doneCount = (inbox: string) => (existsSync(join(inbox, 'done')) ? readdirSync(join(inbox, 'done')).length : 0);

/** The embedded ERP's offers per run reference: more than one for a reference would be a second offer for one email. */
function offersByReference(dataDir: string): Map<string, number> {
  const erp = new Database(join(dataDir, 'erp-local.sqlite'), { readonly: true });
  const rows = erp.prepare('select reference, count(*) as n from offers group by reference').all() as { reference: string; n: number }[];
  erp.close();
  return new Map(rows.map((r) => [r.reference, r.n]));
}

describe('offerflow serve under faults', () => {
  it('lives through three PostgreSQL restarts during a burst into two processes, and makes every mail exactly one offer', async () => {
    server = await ownPostgres();
    const { dataDir, inbox } = await seededDataDir();
    writeServiceConfig(dataDir, inbox, { service: { workers: 2, leaseSeconds: 2, retryBaseSeconds: 0.1, retryMaxSeconds: 1, maxAttempts: 30 } });
    const env = { OFFERFLOW_DATABASE_URL: server.url };
    const processes: Served[] = [await serve(dataDir, env), await serve(dataDir, env)];
    const MAILS = 30;

    dropMails(inbox, 'burst', MAILS);
    for (let restart = 0; restart < 3; restart += 1) {
      await new Promise((resolve) => setTimeout(resolve, 600));
      server.restart();
    }
    await until('every mail to be done', () => doneCount(inbox) === MAILS, 120_000);

    for (const served of processes) expect(alive(served), served.stderr()).toBe(true);
    const offers = offersByReference(dataDir);
    expect(offers.size).toBe(MAILS);
    expect([...offers.values()].every((n) => n === 1)).toBe(true);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const jobs = await client.query<{ status: string }>('select status from jobs');
    await client.end();
    expect(jobs.rows.map((j) => j.status)).toEqual(Array(MAILS).fill('done'));
  }, 240_000);

  it('gives up a mail whose worker dies on it every time, after maxAttempts, and does the mails behind it', async () => {
    const { dataDir, inbox } = await seededDataDir();
    writeServiceConfig(dataDir, inbox, { service: { leaseSeconds: 1, retryBaseSeconds: 0.1, maxAttempts: 3 } });
    dropMails(inbox, '0-poison', 1);
    dropMails(inbox, '1-good', 3);
    let kills = 0;
    let served = await serve(dataDir);
    const poison = await until('the poison mail to be queued', () => served.log.find((l) => l.msg === 'mail queued' && l.mailId === '0-poison-00.eml')?.runId ?? false);

    // A supervisor that restarts the service, as systemd would; the service dies whenever it works on the poison mail.
    for (;;) {
      const next = await until('the poison mail to be taken, or given up and the good mails done', () => {
        const taken = served.log.some((l) => l.msg === 'working on run' && l.runId === poison);
        return taken ? 'kill' : doneCount(inbox) === 3 && jobStatus(dataDir, poison) === 'dead' ? 'done' : false;
      }, 60_000);
      if (next === 'done') break;
      served.child.kill('SIGKILL');
      await new Promise((resolve) => served.child.once('exit', resolve));
      kills += 1;
      served = await serve(dataDir);
    }

    expect(kills).toBe(3);
    const listed = await promisify(execFile)(process.execPath, [CLI, 'jobs', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(listed.stdout)).toMatchObject({ dead: 1, deadLetters: [{ attempts: 3, code: 'worker_stopped', error: 'worker stopped 3 times while working on it' }] });
    expect(readdirSync(inbox).filter((f) => f.endsWith('.eml'))).toEqual(['0-poison-00.eml']);
  }, 180_000);

  it('heals when the ERP is down as it starts: the mails queued meanwhile all become offers, and /readyz tells the truth throughout', async () => {
    const simDir = tempDataDir();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}/Lemonsoft30`;
    const dataDir = tempDataDir();
    const inbox = join(dataDir, 'inbox');
    mkdirSync(inbox);
    const settings = { ...simSettings(baseUrl), maxRetries: 0 };
    writeServiceConfig(dataDir, inbox, { erp: { type: 'lemonsoft', settings }, service: { retryBaseSeconds: 0.2, retryMaxSeconds: 1, maxAttempts: 100 } });
    const served = await serve(dataDir);
    const MAILS = 5;
    const request = readFileSync(join(import.meta.dirname, '..', '..', 'examples', '01-fi-putkityo-virtanen.eml'), 'utf8');
    for (let i = 0; i < MAILS; i += 1) writeFileSync(join(inbox, `${i}.eml`), request.replace(/^Message-ID: .*$/im, `Message-ID: <erp-down-${i}@putkityovirtanen.fi>`));

    const whileDown: { status: number; body: Record<string, unknown> }[] = [];
    await until('a few tries against the missing ERP', async () => {
      whileDown.push(await getJson(served, '/readyz'));
      return served.log.filter((l) => l.msg === 'run failed; will retry').length >= MAILS ? true : false;
    }, 30_000);
    const sim = await startSim(simDir, ['--port', String(port)]);
    try {
      await until('every mail to be done', () => doneCount(inbox) === MAILS, 90_000);
      const after = await until('readiness once the catalog is back', async () => {
        const ready = await getJson(served, '/readyz');
        return ready.status === 200 ? ready : false;
      }, 30_000);

      for (const answer of whileDown) {
        expect(answer.status).toBe(503);
        expect(answer.body.checks).toMatchObject({ erp: expect.stringContaining('ECONNREFUSED'), catalog: expect.not.stringMatching(/^ready/) });
      }
      expect(after.body.checks).toMatchObject({ erp: 'ok', catalog: expect.stringMatching(/^ready: \d+ products/) });
      expect(alive(served)).toBe(true);
      const offers = await simOffers(sim.url);
      expect(offers).toHaveLength(MAILS);
      expect(new Set(offers.map((o) => o.offer_our_reference)).size).toBe(MAILS);
      // Read once the ERP was back: the customer, and every row, as if it had never been away.
      expect(new Set(offers.map((o) => `${o.offer_customer_number} ${o.offer_rows?.length}`))).toEqual(new Set([`20001 ${offers[0]!.offer_rows!.length}`]));
      expect(offers[0]!.offer_rows!.length).toBeGreaterThan(2);
    } finally {
      await sim.stop();
    }
  }, 180_000);
});
