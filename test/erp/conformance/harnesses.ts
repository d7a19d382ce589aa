import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Customer } from '../../../src/domain/customer.js';
import { openFilesErp } from '../../../src/erp/files/adapter.js';
import type { PriceRule } from '../../../src/domain/price-rule.js';
import { openBcErp } from '../../../src/erp/bc/adapter.js';
import type { BcFaultUpdate } from '../../../src/erp/bc/simulator/faults.js';
import type { BcVariantUpdate } from '../../../src/erp/bc/simulator/variants.js';
import { BC_SIM_COMPANY_NAME } from '../../../src/erp/bc/simulator/seed.js';
import { startBcSimulator, type RunningBcSimulator } from '../../../src/erp/bc/simulator/server.js';
import { openLemonsoftErp } from '../../../src/erp/lemonsoft/adapter.js';
import type { FaultUpdate } from '../../../src/erp/lemonsoft/simulator/faults.js';
import type { VariantUpdate } from '../../../src/erp/lemonsoft/simulator/variants.js';
import type { MasterData } from '../../../src/domain/master-data.js';
import { startLemonsoftSimulator, type RunningSimulator } from '../../../src/erp/lemonsoft/simulator/server.js';
import { localErpFile, openLocalErp } from '../../../src/erp/local/adapter.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { afterEach, beforeEach } from 'vitest';
import type { ErpAdapter } from '../../../src/erp/ports.js';
import { CUSTOMERS, PERSONS, PRICE_RULES, PRODUCTS, tempDataDir } from '../../support/seller.js';
import { systemClock } from '../../../src/time/clock.js';
import type { ErpFault, FaultKind } from './erp-fault.js';
import type { ErpGap } from './erp-gap.js';
import { SELLER, writeErpExport } from '../../support/erp-export.js';
import { SwitchableFileSystem } from '../../support/switchable-file-system.js';
import { expectValidOutbox } from '../../support/ubl.js';

const rule = (sku: string, price: string, minQty: string, validFrom: string | null, validTo: string | null): PriceRule => ({
  pricelist: 'P1',
  target: { kind: 'sku', sku },
  adjustment: { kind: 'net', price },
  minQty,
  validFrom,
  validTo,
});

/** The small seller, plus quantity breaks and an expired row, loaded the same way into every ERP. */
export const MASTER_DATA: MasterData = {
  products: PRODUCTS,
  customers: CUSTOMERS,
  persons: PERSONS,
  priceRules: [
    ...PRICE_RULES,
    rule('2000020', '12.00', '1', '2026-01-01', '2027-12-31'),
    rule('2000020', '11.00', '10', '2026-01-01', '2027-12-31'),
    rule('3000325', '0.50', '1', '2025-01-01', '2025-12-31'),
  ],
};

export interface ErpUnderTest {
  erp: ErpAdapter;
  /** Every offer number the ERP holds, read past the adapter. */
  offerNumbers(): Promise<string[]>;
  /** Makes a fault happen in this ERP; only the kinds its harness lists. */
  inject(fault: ErpFault): void;
  /** How many times Offerflow has logged in to the ERP. */
  logins(): number;
  /** Closes the adapter and opens a new one on the same data directory, as a restarted process would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface Harness<T = ErpUnderTest> {
  name: string;
  /** The faults `inject` can make happen in this ERP. */
  faults: ReadonlySet<FaultKind>;
  /** What this ERP's API cannot do; none when left out. */
  gaps?: ReadonlySet<ErpGap>;
  open(): Promise<T>;
}

/** Lemonsoft under test, with its simulator's own switches for the tests of its wire protocol. */
export interface LemonsoftErpUnderTest extends ErpUnderTest {
  /** Switches the simulator's faults. */
  faults(update: FaultUpdate): void;
  /** "METHOD /route" of every call the ERP has answered. */
  calls(): string[];
}

const local: Harness = {
  name: 'local',
  // One process's own SQLite file: nothing between Offerflow and it to fail.
  faults: new Set(),
  async open() {
    const dataDir = tempDataDir();
    const open = () => openLocalErp({ dataDir, clock: systemClock });
    const first = await open();
    await first.masterData.inTransaction((writer) => writer.write(MASTER_DATA));
    const under: ErpUnderTest = {
      erp: first,
      async offerNumbers() {
        const db = new Database(localErpFile(dataDir), { readonly: true });
        const rows = db.prepare('select number from offers order by number').all() as { number: number }[];
        db.close();
        return rows.map((r) => String(r.number));
      },
      inject: () => {
        throw new Error('the embedded ERP has no faults to inject');
      },
      logins: () => 0,
      async restart() {
        await under.erp.close();
        under.erp = await open();
      },
      close: () => under.erp.close(),
    };
    return under;
  },
};

/** Our offer number in each document the outbox holds, read from the files as the ERP's import would. */
function outboxOfferNumbers(outboxDir: string): string[] {
  const number = (name: string): string => {
    const text = readFileSync(join(outboxDir, name), 'utf8');
    if (name.endsWith('.xml')) return /<cbc:ID>(\d+)<\/cbc:ID>\s*<cbc:DocumentType>Offerflow offer</.exec(text)?.[1] ?? `unreadable ${name}`;
    const [header, first] = text.split('\r\n').map((line) => line.split(';'));
    return first?.[header!.indexOf('number')] ?? `unreadable ${name}`;
  };
  const documents = readdirSync(outboxDir).filter((name) => name.endsWith('.xml') || name.endsWith('.csv'));
  const ubl = documents.filter((name) => name.endsWith('.xml'));
  return (ubl.length ? ubl : documents).map(number).sort();
}

/** The share the ERP's folders are on, taken away and given back, as an unmounted share is. */
function shareSwitch(folders: string[]): { away(): void; back(): void } {
  return {
    away: () => folders.forEach((dir) => renameSync(dir, `${dir}.away`)),
    back: () => folders.filter((dir) => existsSync(`${dir}.away`)).forEach((dir) => renameSync(`${dir}.away`, dir)),
  };
}

/**
 * Master data from the ERP's export files (its own headers, Windows-1252, decimal commas), looked
 * at on every read; offers in the outbox as `format` says. Its faults are a share's: the folders
 * gone, and through the adapter's file operations, reads and writes that fail, writes done whose
 * answer is lost, and writes refused (as a read-only share would; tests run as root, so
 * permissions cannot do it). It has no login and no throttling.
 */
function filesUnder(name: string, format: 'both' | 'csv'): Harness {
  return {
    name,
    faults: new Set<FaultKind>(['unreachable', 'transient', 'answersLost', 'writesRefused', 'reset']),
    async open() {
      const dataDir = tempDataDir();
      const exportDir = join(dataDir, 'export');
      const outboxDir = join(dataDir, 'outbox');
      mkdirSync(outboxDir);
      const exports = writeErpExport(exportDir, MASTER_DATA);
      const switchable = new SwitchableFileSystem(exportDir);
      const share = shareSwitch([exportDir, outboxDir]);
      const settings = { exportDir, outboxDir, format, refreshSeconds: 0, retryBaseMs: 5, ...SELLER, exports };
      const open = () => openFilesErp({ dataDir, settings, clock: systemClock, fileSystem: switchable.fs });
      const inject = (fault: ErpFault): void => {
        if (fault.kind === 'unreachable') share.away();
        else if (fault.kind === 'transient' && fault.on === 'reads') switchable.failReads(fault.count);
        else if (fault.kind === 'transient') switchable.failWrites(fault.count);
        else if (fault.kind === 'writesRefused') switchable.refuseWrites();
        else if (fault.kind === 'answersLost') switchable.loseAnswers(fault.writes);
        else if (fault.kind === 'reset') {
          share.back();
          switchable.reset();
        } else throw new Error(`a file hand-off cannot have the fault ${fault.kind}`);
      };
      const under: ErpUnderTest = {
        erp: await open(),
        offerNumbers: async () => outboxOfferNumbers(outboxDir),
        inject,
        logins: () => 0,
        async restart() {
          await under.erp.close();
          under.erp = await open();
        },
        async close() {
          await under.erp.close();
          share.back();
          // Whatever a suite made the adapter write must be a document the ERP's import can take.
          if (readdirSync(outboxDir).some((file) => file.endsWith('.xml'))) expectValidOutbox(outboxDir);
        },
      };
      return under;
    },
  };
}

const files = filesUnder('files', 'both');
/** Read back from the CSV alone, in the layout of every field. */
const filesCsv = filesUnder('files, CSV only', 'csv');

export const CREDENTIALS = { username: 'offerflow', password: 's3cret-pw', database: 'TEST', apiKey: 'api-key-123' };

/** Reads the simulator's offers over HTTP as any Lemonsoft client would. */
async function listedOffers(sim: RunningSimulator): Promise<string[]> {
  const login = await fetch(`${sim.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ UserName: CREDENTIALS.username, Password: CREDENTIALS.password, Database: CREDENTIALS.database, ApiKey: CREDENTIALS.apiKey }),
  });
  const { session_id } = (await login.json()) as { session_id: string };
  const answer = await fetch(`${sim.url}/api/offers?filter.page_size=1000`, { headers: { 'Session-Id': session_id } });
  const { results } = (await answer.json()) as { results: { offer_number: number }[] };
  return results.map((o) => String(o.offer_number));
}

export async function startSimulator(dataDir = tempDataDir()): Promise<RunningSimulator> {
  return startLemonsoftSimulator({ file: join(dataDir, 'lemonsoft-sim.sqlite'), credentials: CREDENTIALS, seed: MASTER_DATA, clock: systemClock });
}

export interface LemonsoftUnderTest {
  sim: RunningSimulator;
  store: Store;
  erp: ErpAdapter;
}

/** A simulator, a store and a Lemonsoft adapter on them, fresh for every test of the file that calls this. */
export function lemonsoftPerTest(): () => LemonsoftUnderTest {
  let current: LemonsoftUnderTest | null = null;
  beforeEach(async () => {
    const dataDir = tempDataDir();
    const sim = await startSimulator(dataDir);
    const store = await openStore(dataDir, null, systemClock);
    current = { sim, store, erp: await openLemonsoftErp({ settings: lemonsoftSettings(sim), journal: store.offerJournal, clock: systemClock }) };
  });
  afterEach(async () => {
    await current?.erp.close();
    await current?.store.close();
    await current?.sim.close();
    current = null;
  });
  return () => current!;
}

/** A Lemonsoft adapter with a store of its own, for tests that only read what a service made. */
export async function lemonsoftReader(settings: Record<string, unknown>): Promise<{ erp: ErpAdapter; close(): Promise<void> }> {
  const dataDir = tempDataDir();
  const store = await openStore(dataDir, null, systemClock);
  const erp = await openLemonsoftErp({ settings, journal: store.offerJournal, clock: systemClock });
  return { erp, close: () => Promise.all([erp.close(), store.close()]).then(() => undefined) };
}

export const lemonsoftSettings = (sim: RunningSimulator) => ({ baseUrl: sim.url, ...CREDENTIALS, retryBaseMs: 5, pageSize: 2, maxCallsPerSecond: 1000 });

const LEMONSOFT_OFFER_WRITES = '^(POST|PUT|DELETE) /api/offers';
const LEMONSOFT_ALWAYS = 100_000;

/** A neutral fault as the Lemonsoft simulator's switches make it. */
function lemonsoftFault(fault: ErpFault): FaultUpdate {
  switch (fault.kind) {
    case 'unreachable':
      return { fail: [{ status: 503, count: LEMONSOFT_ALWAYS }] };
    case 'transient':
      return { fail: [{ status: 503, count: fault.count, match: fault.on === 'reads' ? '^GET ' : LEMONSOFT_OFFER_WRITES }] };
    case 'throttled':
      return { fail: [{ status: 429, count: 1, retryAfterSeconds: fault.retryAfterSeconds, match: LEMONSOFT_OFFER_WRITES }] };
    case 'loginExpired':
      return { expireSessions: true };
    case 'answersLost':
      return { crashAfter: fault.writes === 'first' ? ['create'] : ['create', 'header', 'rows', 'updateRows', 'deleteRows'] };
    case 'writesRefused':
      return { fail: [{ status: 500, count: LEMONSOFT_ALWAYS, match: LEMONSOFT_OFFER_WRITES }] };
    case 'reset':
      return { reset: true };
  }
}

/** Lemonsoft under one reading of what its schema leaves open. */
function lemonsoftUnder(name: string, variant: VariantUpdate = {}, settings: Record<string, unknown> = {}): Harness<LemonsoftErpUnderTest> {
  return {
    name,
    faults: new Set<FaultKind>(['unreachable', 'transient', 'throttled', 'loginExpired', 'answersLost', 'writesRefused', 'reset']),
    async open() {
      const dataDir = tempDataDir();
      const sim = await startSimulator(dataDir);
      sim.setFaults({ variant });
      const store = await openStore(dataDir, null, systemClock);
      // A page size of 2 makes every listing of the small seller span several pages.
      const open = () => openLemonsoftErp({ settings: { ...lemonsoftSettings(sim), ...settings }, journal: store.offerJournal, clock: systemClock });
      const under: LemonsoftErpUnderTest = {
        erp: await open(),
        offerNumbers: () => listedOffers(sim),
        // A reset of the faults keeps the reading this harness is about.
        faults: (update) => sim.setFaults({ ...update, variant: { ...variant, ...update.variant } }),
        inject: (fault) => under.faults(lemonsoftFault(fault)),
        logins: () => sim.calls.filter((c) => c === 'POST /api/auth/login').length,
        calls: () => sim.calls,
        async restart() {
          await under.erp.close();
          under.erp = await open();
        },
        close: async () => {
          await under.erp.close();
          await store.close();
          await sim.close();
        },
      };
      return under;
    },
  };
}

const lemonsoft = lemonsoftUnder('lemonsoft');
/** Every reading of the schema's open questions the adapter must survive. */
const LEMONSOFT_VARIANTS: Harness<LemonsoftErpUnderTest>[] = [
  lemonsoftUnder('lemonsoft, writes answered without a body', { emptyWriteAnswers: true }),
  lemonsoftUnder('lemonsoft, PUT replacing the whole header', { putReplacesHeader: true }),
  lemonsoftUnder('lemonsoft, one resolved price from the price endpoint, prices read from the price lists', { priceAnswer: 'resolved' }, { priceSource: 'pricelists' }),
  lemonsoftUnder('lemonsoft, offer search blind to our reference, offers found by a scan', { searchIgnoresReference: true }, { offerLookup: 'scan' }),
];

export const BC_APP = { tenant: 'offerflow-test.onmicrosoft.com', clientId: '6f1c2d3e-0000-4000-a000-00000000cafe', clientSecret: 'bc-s3cret~value' };
const BC_TOKEN_CALL = 'POST /oauth2/v2.0/token';

/** The customer a BC company keeps for prospects, which quotes for unknown senders are made for. */
export const BC_PROSPECT: Customer = { number: '99999', name: 'Uudet asiakkaat', businessId: null, vat: null, email: null, domains: [], sellerNumber: null, pricelist: null, address: { street: null, postalCode: null, city: null, country: 'FI' } };

export async function startBc(dataDir = tempDataDir(), seed: MasterData = { ...MASTER_DATA, customers: [...MASTER_DATA.customers, BC_PROSPECT] }): Promise<RunningBcSimulator> {
  return startBcSimulator({ file: join(dataDir, 'bc-sim.sqlite'), ...BC_APP, seed, clock: systemClock });
}

/** A page size of 2 makes every listing of the small seller span several pages. */
export const bcSettings = (sim: RunningBcSimulator) => ({
  ...BC_APP,
  company: BC_SIM_COMPANY_NAME,
  prospectCustomer: BC_PROSPECT.number,
  tokenUrl: sim.tokenUrl,
  apiUrl: sim.apiUrl,
  retryBaseMs: 5,
  pageSize: 2,
  maxCallsPerSecond: 1000,
});

/** Reads the simulator's quotes over HTTP as any client of Business Central would, with a token of its own. */
export async function listedQuotes(sim: RunningBcSimulator): Promise<string[]> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: BC_APP.clientId, client_secret: BC_APP.clientSecret, scope: 'https://api.businesscentral.dynamics.com/.default' });
  const { access_token } = (await (await fetch(sim.tokenUrl, { method: 'POST', body: form })).json()) as { access_token: string };
  const get = async (path: string) => (await (await fetch(`${sim.apiUrl}${path}`, { headers: { Authorization: `Bearer ${access_token}` } })).json()) as { value: { id: string; number: string }[] };
  const [company] = (await get('/companies')).value;
  return (await get(`/companies(${company!.id})/salesQuotes`)).value.map((q) => q.number).sort();
}

const BC_QUOTE = '^POST /companies\\(:id\\)/salesQuotes$';
const BC_HEADER = '^PATCH /companies\\(:id\\)/salesQuotes\\(:id\\)$';
const BC_LINES = '/companies\\(:id\\)/salesQuotes\\(:id\\)/salesQuoteLines';
const BC_OFFER_WRITES = '^(POST|PATCH|DELETE) /companies\\(:id\\)/salesQuotes';
const BC_ALWAYS = 100_000;

/** A neutral fault as the BC simulator's switches make it. */
function bcFault(fault: ErpFault): BcFaultUpdate {
  switch (fault.kind) {
    case 'unreachable':
      return { fail: [{ status: 503, count: BC_ALWAYS }] };
    case 'transient':
      return { fail: [{ status: 503, count: fault.count, match: fault.on === 'reads' ? '^GET ' : BC_OFFER_WRITES }] };
    case 'throttled':
      return { fail: [{ status: 429, count: 1, retryAfterSeconds: fault.retryAfterSeconds, match: BC_OFFER_WRITES }] };
    case 'loginExpired':
      return { revokeTokens: true };
    case 'answersLost':
      return { crashAfter: fault.writes === 'first' ? [{ match: BC_OFFER_WRITES }] : [BC_QUOTE, BC_HEADER, `^POST ${BC_LINES}$`, `^PATCH ${BC_LINES}\\(:id\\)$`, `^DELETE ${BC_LINES}\\(:id\\)$`].map((match) => ({ match })) };
    case 'writesRefused':
      return { fail: [{ status: 500, count: BC_ALWAYS, match: BC_OFFER_WRITES }] };
    case 'reset':
      return { reset: true };
  }
}

/** Business Central under one reading of what its documentation leaves open. */
function bcUnder(name: string, variant: BcVariantUpdate = {}): Harness {
  return {
    name,
    faults: new Set<FaultKind>(['unreachable', 'transient', 'throttled', 'loginExpired', 'answersLost', 'writesRefused', 'reset']),
    gaps: new Set<ErpGap>(['supplierCodes', 'productVat']),
    async open() {
      const sim = await startBc();
      sim.setFaults({ variant });
      const open = () => openBcErp({ settings: bcSettings(sim), clock: systemClock });
      let ownTokens = 0;
      const under: ErpUnderTest = {
        erp: await open(),
        offerNumbers: () => {
          ownTokens += 1;
          return listedQuotes(sim);
        },
        // A reset of the faults keeps the reading this harness is about.
        inject: (fault) => sim.setFaults({ ...bcFault(fault), variant }),
        logins: () => sim.calls.filter((c) => c === BC_TOKEN_CALL).length - ownTokens,
        async restart() {
          await under.erp.close();
          under.erp = await open();
        },
        close: async () => {
          await under.erp.close();
          await sim.close();
        },
      };
      return under;
    },
  };
}

const bc = bcUnder('bc');
/** The readings of BC's documentation the adapter must survive besides the default one. */
const BC_VARIANTS: Harness[] = [bcUnder('bc, a stale ETag answered 409 and a blank enum member written " "', { staleEtagStatus: 409, blankEnumMember: ' ' })];

/** Every ERP Offerflow ships, and every reading of one it must survive. */
export const HARNESSES: Harness[] = [local, files, filesCsv, lemonsoft, ...LEMONSOFT_VARIANTS, bc, ...BC_VARIANTS];
/** Lemonsoft in each reading, for the tests of its own wire protocol. */
export const LEMONSOFT_HARNESSES: Harness<LemonsoftErpUnderTest>[] = [lemonsoft, ...LEMONSOFT_VARIANTS];

/** The harness's ERP, opened before each test of the calling describe block (then `arrange`d) and closed after it. */
export function openedPerTest<T extends ErpUnderTest>(harness: Harness<T>, arrange: (under: T) => Promise<unknown> = async () => undefined): () => T {
  let under: T | null = null;
  beforeEach(async () => {
    under = await harness.open();
    await arrange(under);
  });
  afterEach(async () => {
    await under?.close();
    under = null;
  });
  return () => under!;
}
