import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFilesErp } from '../../../src/erp/files/adapter.js';
import type { PriceRule } from '../../../src/domain/price-rule.js';
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
import { SELLER, writeErpExport } from '../../support/erp-export.js';
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
  /** Switches the simulator's faults. */
  faults(update: FaultUpdate): void;
  /** "METHOD /route" of every call the ERP has answered. */
  calls(): string[];
  /** Closes the adapter and opens a new one on the same data directory, as a restarted process would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface Harness<T = Omit<ErpUnderTest, 'faults' | 'calls' | 'restart'>> {
  name: string;
  open(): Promise<T>;
}

const local: Harness = {
  name: 'local',
  async open() {
    const dataDir = tempDataDir();
    const erp = await openLocalErp({ dataDir, clock: systemClock });
    await erp.masterData.inTransaction((writer) => writer.write(MASTER_DATA));
    return {
      erp,
      async offerNumbers() {
        const db = new Database(localErpFile(dataDir), { readonly: true });
        const rows = db.prepare('select number from offers order by number').all() as { number: number }[];
        db.close();
        return rows.map((r) => String(r.number));
      },
      close: () => erp.close(),
    };
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

/** Master data from the ERP's export files (its own headers, Windows-1252, decimal commas); offers in the outbox as `format` says. */
function filesUnder(name: string, format: 'both' | 'csv'): Harness {
  return {
    name,
    async open() {
      const dataDir = tempDataDir();
      const outboxDir = join(dataDir, 'outbox');
      mkdirSync(outboxDir);
      const exports = writeErpExport(join(dataDir, 'export'), MASTER_DATA);
      const settings = { exportDir: join(dataDir, 'export'), outboxDir, format, ...SELLER, exports };
      const erp = await openFilesErp({ dataDir, settings, clock: systemClock });
      return {
        erp,
        offerNumbers: async () => outboxOfferNumbers(outboxDir),
        async close() {
          await erp.close();
          // Whatever a suite made the adapter write must be a document the ERP's import can take.
          if (readdirSync(outboxDir).some((file) => file.endsWith('.xml'))) expectValidOutbox(outboxDir);
        },
      };
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

/** Lemonsoft under one reading of what its schema leaves open. */
function lemonsoftUnder(name: string, variant: VariantUpdate = {}, settings: Record<string, unknown> = {}): Harness<ErpUnderTest> {
  return {
    name,
    async open() {
      const dataDir = tempDataDir();
      const sim = await startSimulator(dataDir);
      sim.setFaults({ variant });
      const store = await openStore(dataDir, null, systemClock);
      // A page size of 2 makes every listing of the small seller span several pages.
      const open = () => openLemonsoftErp({ settings: { ...lemonsoftSettings(sim), ...settings }, journal: store.offerJournal, clock: systemClock });
      const under: ErpUnderTest = {
        erp: await open(),
        offerNumbers: () => listedOffers(sim),
        // A reset of the faults keeps the reading this harness is about.
        faults: (update) => sim.setFaults({ ...update, variant: { ...variant, ...update.variant } }),
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
const LEMONSOFT_VARIANTS: Harness<ErpUnderTest>[] = [
  lemonsoftUnder('lemonsoft, writes answered without a body', { emptyWriteAnswers: true }),
  lemonsoftUnder('lemonsoft, PUT replacing the whole header', { putReplacesHeader: true }),
  lemonsoftUnder('lemonsoft, one resolved price from the price endpoint, prices read from the price lists', { priceAnswer: 'resolved' }, { priceSource: 'pricelists' }),
  lemonsoftUnder('lemonsoft, offer search blind to our reference, offers found by a scan', { searchIgnoresReference: true }, { offerLookup: 'scan' }),
];

export const HARNESSES: Harness[] = [local, files, filesCsv, lemonsoft, ...LEMONSOFT_VARIANTS];
/** ERPs reached over a network, where calls fail, sessions expire and answers get lost. */
export const NETWORKED_HARNESSES: Harness<ErpUnderTest>[] = [lemonsoft, ...LEMONSOFT_VARIANTS];
