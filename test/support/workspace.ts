import { Registry } from 'prom-client';
import { openAccounts, type Accounts } from '../../src/accounts/open-accounts.js';
import { catalogLoader } from '../../src/app/catalog-loader.js';
import { catalogSearch } from '../../src/app/catalog-search.js';
import type { LocalErp } from '../../src/erp/local/adapter.js';
import { CustomerReplies } from '../../src/answer/customer-replies.js';
import { ReviewService } from '../../src/review/review-service.js';
import { startHttp, type HttpEndpoints } from '../../src/server/http.js';
import { DEFAULT_MAIL_LIMITS } from '../../src/reading/mail-limits.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { registerWorkspace } from '../../src/web/workspace.js';
import type { WorkspaceDeps } from '../../src/web/workspace-deps.js';
import { clockAt, type TestClock } from './clock.js';
import { runnerFor } from './runner.js';
import type { WorkflowRunner } from '../../src/workflow/runner.js';
import { seededErp, tempDataDir } from './seller.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const SETTINGS = { sessionIdleMs: 2 * HOUR, sessionMaxMs: 12 * HOUR, passwordLinkMs: 72 * HOUR, defaultLanguage: 'fi' as const };

export interface Workspace {
  dataDir: string;
  store: Store;
  erp: LocalErp;
  accounts: Accounts;
  clock: TestClock;
  /** Runs the workflow on the same store and ERP, for tests that need runs to review. */
  runner: WorkflowRunner;
  http: HttpEndpoints;
  url(path: string): string;
  close(): Promise<void>;
}

/** The workspace on a real loopback server over a real SQLite store and the tiny seller's ERP, on a hand-moved clock. */
export async function startWorkspace(options: { trustProxy?: boolean } = {}): Promise<Workspace> {
  const dataDir = tempDataDir();
  const clock = clockAt('2026-03-02T08:00:00.000Z');
  const store = await openStore(dataDir, null, clock);
  const erp = await seededErp(dataDir);
  const accounts = openAccounts(store.accounts, erp.persons, clock, SETTINGS);
  const runner = runnerFor(erp, store.runs, undefined, store.memory, undefined, store.parties);
  const catalog = catalogSearch(catalogLoader(erp.products, { clock }));
  await catalog.warm();
  // No SMTP server here: no run's offer goes to a customer (test/web/reply-flow.browser.test.ts sends them).
  const replies = new CustomerReplies({ replies: store.replies, questions: store.questions, documents: null, letterhead: null, mailboxes: new Map() });
  const deps: WorkspaceDeps = {
    accounts,
    publicUrl: 'http://127.0.0.1:8080',
    defaultLanguage: 'fi',
    runs: store.runs,
    review: new ReviewService(runner, erp, store.memory, store.parties, clock, replies),
    replies,
    parties: { customers: erp.customers, persons: erp.persons },
    catalogSearch: (query, limit) => catalog.search(query, limit),
    timeZone: 'Europe/Helsinki',
    mailLimits: DEFAULT_MAIL_LIMITS,
    clock,
  };
  const http = await startHttp({
    port: 0,
    host: '127.0.0.1',
    checks: {},
    registry: new Registry(),
    trustProxy: options.trustProxy,
    extend: (app) => registerWorkspace(app, deps),
  });
  return {
    dataDir,
    store,
    erp,
    accounts,
    clock,
    runner,
    http,
    url: (path) => `http://127.0.0.1:${http.port}${path}`,
    close: async () => {
      await http.close();
      await Promise.all([store.close(), erp.close()]);
    },
  };
}

/** A fetch that never follows redirects, so a test sees each one. */
export function request(workspace: Workspace, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(workspace.url(path), { redirect: 'manual', ...init });
}

export const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

export const sessionCookieOf = (response: Response) => /offerflow_session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? null;

/** The CSRF token a page was rendered with. */
export const csrfOf = (page: string) => /name="csrf-token" content="([^"]+)"/.exec(page)?.[1] ?? null;

export const TEST_PASSWORD = 'kolme pientä porsasta';

/** A user added, given a password through their link and signed in, as a person would: their session cookie and the form token. */
export async function signedInAs(workspace: Workspace, email: string): Promise<{ cookie: string; csrf: string }> {
  const added = await workspace.accounts.users.add({ email, role: 'salesperson', name: null, language: null });
  if (!added.added) throw new Error(`${email} not added`);
  await request(workspace, '/set-password', form({ token: added.link.token, password: TEST_PASSWORD, confirm: TEST_PASSWORD }));
  const cookie = `offerflow_session=${sessionCookieOf(await request(workspace, '/login', form({ email, password: TEST_PASSWORD })))}`;
  const csrf = csrfOf(await (await request(workspace, '/', { headers: { cookie } })).text());
  if (!csrf) throw new Error(`${email} did not get signed in`);
  return { cookie, csrf };
}
