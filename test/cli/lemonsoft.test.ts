import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonLines, offerflow } from '../support/cli.js';
import { setFaults, simEnv, startSim, type RunningSim } from '../support/lemonsoft-sim.js';
import { tempDataDir } from '../support/seller.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

/** The demo's offers, without the lines that say where the data came from. */
function offersOf(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !/^(Imported \d+|Lemonsoft simulator at|Data directory:)/.test(line))
    .join('\n')
    .trim();
}

let sim: RunningSim | null = null;

afterEach(async () => {
  await sim?.stop();
  sim = null;
});

describe('offerflow on Lemonsoft', () => {
  it('makes the same offers from the demo emails through the Lemonsoft simulator as on the embedded ERP', async () => {
    const [local, lemonsoft] = await Promise.all([
      offerflow(['demo', '--reset', '--data-dir', tempDataDir()]),
      offerflow(['demo', '--erp', 'lemonsoft', '--reset', '--data-dir', tempDataDir()]),
    ]);
    expect(local.code, local.stderr).toBe(0);
    expect(lemonsoft.code, lemonsoft.stderr).toBe(0);
    expect(lemonsoft.stdout).toMatch(/Offer 10001 \[created\]/);
    expect(offersOf(lemonsoft.stdout)).toBe(offersOf(local.stdout));
  });

  it('serves a Lemonsoft that `process` reaches through OFFERFLOW_ERP_* settings, with faults switched over HTTP', async () => {
    sim = await startSim(tempDataDir());
    await setFaults(sim.admin, { crashAfter: ['rows'], fail: [{ status: 500, count: 1, match: '^GET /api/customers' }] });
    const env = simEnv(sim.url);
    const dataDir = tempDataDir();

    const run = await offerflow(['process', join(EXAMPLES, '01-fi-putkityo-virtanen.eml'), '--json', '--data-dir', dataDir], env);

    expect(run.code, run.stderr).toBe(0);
    const [result] = jsonLines(run.stdout);
    expect(result).toMatchObject({ status: 'created', offerNumber: '10001' });
    const shown = await offerflow(['offers', 'show', '10001', '--json', '--data-dir', dataDir], env);
    expect(JSON.parse(shown.stdout)).toMatchObject({ number: '10001', lines: (result as { lines: unknown[] }).lines.map(() => expect.anything()) });
    const second = await offerflow(['offers', 'show', '10002', '--data-dir', dataDir], env);
    expect(second.stderr).toContain('offer 10002 not found in the lemonsoft ERP');
  });

  it('refuses wrong settings naming each one', async () => {
    const run = await offerflow(['process', join(EXAMPLES, '01-fi-putkityo-virtanen.eml'), '--data-dir', tempDataDir()], { ERP_TYPE: 'lemonsoft', OFFERFLOW_ERP_BASE_URL: 'nope' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/erp\.settings\.baseUrl[\s\S]*erp\.settings\.username/);
  });
});
