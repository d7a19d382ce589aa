import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, offerflow } from '../support/cli.js';
import { simEnv, simOffers, startSim, type RunningSim } from '../support/lemonsoft-sim.js';
import { tempDataDir } from '../support/seller.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const MAILS = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.eml'))
  .sort()
  .map((f) => join(EXAMPLES, f));
const ROUNDS = 10;

interface Result {
  status: string;
  offerNumber: string | null;
  lines: { match: unknown }[];
}

/** Two `offerflow process` of the same batch started together on one data directory, as two people (or a cron job and a person) would. */
async function twoAtOnce(dataDir: string, mailbox: string, env: Record<string, string> = {}): Promise<[Result[], Result[]]> {
  const runs = await Promise.all([0, 1].map(() => offerflow(['process', ...MAILS, '--json', '--data-dir', dataDir], { ...env, OFFERFLOW_MAILBOX: mailbox })));
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  return runs.map((run) => jsonLines(run.stdout) as unknown as Result[]) as [Result[], Result[]];
}

const matched = (result: Result) => result.lines.filter((l) => l.match !== null).length;

/** Each mail came out once as what it is and once as a duplicate of that, with the same offer. */
function expectOneWinnerEach(a: Result[], b: Result[]): Result[] {
  return a.map((first, i) => {
    const second = b[i]!;
    const statuses = [first.status, second.status];
    expect(statuses.filter((s) => s === 'duplicate'), `mail ${i + 1}: ${statuses.join(', ')}`).toHaveLength(1);
    expect(first.offerNumber).toBe(second.offerNumber);
    return first.status === 'duplicate' ? second : first;
  });
}

describe('two processes on the same batch at once', () => {
  let sim: RunningSim;

  beforeAll(async () => {
    sim = await startSim(tempDataDir());
  });

  afterAll(async () => {
    await sim.stop();
  });

  it(`against Lemonsoft, ${ROUNDS} times: every mail has exactly one offer with exactly its rows`, async () => {
    const dataDir = tempDataDir();
    const expected = new Map<string, number>();
    for (let round = 1; round <= ROUNDS; round += 1) {
      const [a, b] = await twoAtOnce(dataDir, `round-${round}`, simEnv(sim.url));
      for (const winner of expectOneWinnerEach(a, b)) if (winner.offerNumber) expected.set(winner.offerNumber, matched(winner));
    }

    const offers = await simOffers(sim.url);
    const references = offers.map((o) => o.offer_our_reference);
    expect(new Set(references).size, 'one offer per reference, and no empty offer left behind').toBe(offers.length);
    expect(offers.map((o) => String(o.offer_number)).sort()).toEqual([...expected.keys()].sort());
    for (const offer of offers) expect(offer.offer_rows ?? [], `offer ${offer.offer_number}`).toHaveLength(expected.get(String(offer.offer_number))!);
  }, 600_000);

  it(`on the embedded ERP, ${ROUNDS} times: one offer per mail, and the process that came second answers duplicate`, async () => {
    const dataDir = tempDataDir();
    for (const kind of ['persons', 'products', 'customers', 'pricelists']) {
      const run = await offerflow(['import', kind, join(ROOT, 'demo', 'data', `${kind}.csv`), '--data-dir', dataDir]);
      expect(run.code, run.stderr).toBe(0);
    }
    const expected = new Map<string, number>();
    for (let round = 1; round <= ROUNDS; round += 1) {
      const [a, b] = await twoAtOnce(dataDir, `round-${round}`);
      for (const winner of expectOneWinnerEach(a, b)) if (winner.offerNumber) expected.set(winner.offerNumber, matched(winner));
    }

    const erp = new Database(join(dataDir, 'erp-local.sqlite'), { readonly: true });
    const offers = erp.prepare('select number, reference, (select count(*) from offer_rows r where r.offer_number = o.number) as rows from offers o').all() as { number: number; reference: string; rows: number }[];
    erp.close();
    expect(new Set(offers.map((o) => o.reference)).size).toBe(offers.length);
    expect(offers.map((o) => String(o.number)).sort()).toEqual([...expected.keys()].sort());
    for (const offer of offers) expect(offer.rows, `offer ${offer.number}`).toBe(expected.get(String(offer.number)));
  }, 600_000);
});
