import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';
import { importInto } from '../../src/cli/commands/import.js';
import { DEMO_LEMONSOFT_CREDENTIALS, startDemoLemonsoft } from '../../src/cli/commands/sim.js';
import type { Offer } from '../../src/domain/offer.js';
import { openLemonsoftErp } from '../../src/erp/lemonsoft/adapter.js';
import type { RunningSimulator } from '../../src/erp/lemonsoft/simulator/server.js';
import { openLocalErp } from '../../src/erp/local/adapter.js';
import type { ErpAdapter } from '../../src/erp/ports.js';
import { MASTER_DATA_FILES } from '../../src/import/read-master-data.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { systemClock } from '../../src/time/clock.js';
import type { StoredRun } from '../../src/workflow/run-store.js';
import { closeBrowser } from './browser.js';
import { offerflow } from './cli.js';
import { freePort } from './dovecot.js';
import { serve, stopServed, type Served } from './serve.js';
import { tempDataDir } from './seller.js';
import { until } from './until.js';

export type DemoErp = 'local' | 'lemonsoft';

/** The real `offerflow serve` on the demo wholesaler, its workspace on loopback, and a directory mailbox to drop mail in. */
export interface ServedWorkspace {
  url: string;
  dataDir: string;
  served: Served;
  /** Puts a mail in the mailbox and waits until its run has finished. */
  deliver(emlPath: string, name: string): Promise<StoredRun>;
  run(id: number): Promise<StoredRun>;
  /** Every run so far, newest first. */
  runs(): Promise<StoredRun[]>;
  /** The offer as the ERP holds it, read through its own adapter. */
  offer(reference: string): Promise<Offer | null>;
  /** `offerflow users add`, as an admin runs it: the one-time link it prints. */
  addUser(email: string): Promise<string>;
  close(): Promise<void>;
}

/** Config sections a test adds, as the config file spells them. */
export interface ServedSettings {
  notifications?: Record<string, unknown>;
  letterhead?: Record<string, unknown>;
  replies?: Record<string, unknown>;
  /** In place of the directory mailbox: an IMAP one, say. */
  mailbox?: Record<string, unknown>;
}

const DEMO = join(import.meta.dirname, '..', '..', 'demo', 'data');
const FINISHED = new Set(['created', 'needs_review', 'failed', 'duplicate', 'not_an_rfq']);

async function demoErp(kind: DemoErp, dataDir: string): Promise<{ settings: Record<string, unknown>; sim: RunningSimulator | null }> {
  if (kind === 'local') {
    for (const file of MASTER_DATA_FILES) await importInto(dataDir, file, join(DEMO, `${file}.csv`), systemClock);
    return { settings: {}, sim: null };
  }
  const sim = await startDemoLemonsoft(join(dataDir, 'sim'));
  return { settings: { baseUrl: sim.url, ...DEMO_LEMONSOFT_CREDENTIALS, maxCallsPerSecond: 1000, retryBaseMs: 5 }, sim };
}

async function erpReader(kind: DemoErp, dataDir: string, settings: Record<string, unknown>, store: Store): Promise<ErpAdapter> {
  if (kind === 'local') return openLocalErp({ dataDir, clock: systemClock });
  return openLemonsoftErp({ settings, journal: store.offerJournal, clock: systemClock });
}

/** `settings` adds to the config (SMTP, letterhead, the mailbox's reply settings), for the tests that need them. */
export async function serveWorkspace(kind: DemoErp, settings: ServedSettings = {}): Promise<ServedWorkspace> {
  const dataDir = tempDataDir();
  const inbox = join(dataDir, 'inbox');
  mkdirSync(inbox);
  mkdirSync(join(dataDir, 'sim'));
  const erp = await demoErp(kind, dataDir);
  const { sim } = erp;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  writeFileSync(
    join(dataDir, 'offerflow.json'),
    JSON.stringify({
      erp: { type: kind, settings: erp.settings },
      mailboxes: [{ type: 'directory', name: 'myynti@teknotukku.fi', path: inbox, mode: 'auto', ...(settings.replies ? { replies: settings.replies } : {}), ...settings.mailbox }],
      ...(settings.notifications ? { notifications: settings.notifications } : {}),
      ...(settings.letterhead ? { letterhead: settings.letterhead } : {}),
      service: { workers: 1, pollSeconds: 0.1 },
      web: { publicUrl: url },
    }),
  );
  const served = await serve(dataDir, {}, ['--port', String(port)]);
  // The test reads what the service wrote through a store and an ERP adapter of its own.
  const store = await openStore(join(dataDir, 'reader'), null, systemClock);
  const reader = await erpReader(kind, dataDir, erp.settings, store);
  const runs = await openStore(dataDir, null, systemClock);
  const run = async (id: number) => (await runs.runs.get(id))!;
  return {
    url,
    dataDir,
    served,
    run,
    runs: () => runs.runs.list(1000),
    async deliver(emlPath, name) {
      const known = new Set((await runs.runs.list(1000)).map((r) => r.id));
      copyFileSync(emlPath, join(inbox, name));
      return until(`the run of ${name} to finish`, async () => (await runs.runs.list(1000)).find((r) => !known.has(r.id) && FINISHED.has(r.status)) ?? false);
    },
    offer: (reference) => reader.offers.findByReference(reference),
    async addUser(email) {
      const added = await offerflow(['users', 'add', email, '--role', 'salesperson', '--data-dir', dataDir]);
      const link = /https?:\/\/\S+/.exec(added.stdout)?.[0];
      if (added.code !== 0 || !link) throw new Error(`users add failed: ${added.stderr}`);
      return link;
    },
    async close() {
      served.child.kill('SIGTERM');
      await new Promise((resolve) => served.child.once('exit', resolve));
      await Promise.all([reader.close(), store.close(), runs.close()]);
      await sim?.close();
    },
  };
}

/**
 * For a browser test file: starts a served workspace for a test and closes it after that test
 * (whatever it left running too), and the browser after the file.
 */
export function servedWorkspacePerTest(): (kind: DemoErp, settings?: ServedSettings) => Promise<ServedWorkspace> {
  let current: ServedWorkspace | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
    await stopServed();
  });
  afterAll(closeBrowser);
  return async (kind, settings) => (current = await serveWorkspace(kind, settings));
}

/** Follows a set-password link, chooses the password, and signs in with it, as a new user does. */
export async function firstSignIn(page: Page, workspace: ServedWorkspace, email: string, password = 'kolme pientä porsasta'): Promise<void> {
  await page.goto(await workspace.addUser(email));
  await page.locator('#password').fill(password);
  await page.locator('#confirm').fill(password);
  await Promise.all([page.waitForURL(/\/login/), page.locator('form button[type=submit]').click()]);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await Promise.all([page.waitForURL(`${workspace.url}/`), page.locator('form.stacked-form button[type=submit]').click()]);
}
