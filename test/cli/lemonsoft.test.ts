import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, jsonLines, offerflow } from '../support/cli.js';
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

let child: ChildProcess | null = null;

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  child = null;
});

async function startSim(dataDir: string): Promise<{ url: string; admin: string }> {
  child = spawn(process.execPath, [CLI, 'sim', 'lemonsoft', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    const faults = /Faults: POST JSON to (\S+)/.exec(out);
    const url = /Lemonsoft simulator at (\S+)/.exec(out);
    if (url && faults) return { url: url[1]!, admin: faults[1]! };
  }
  throw new Error(`the simulator did not start: ${out}`);
}

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
    const simDir = tempDataDir();
    const { url, admin } = await startSim(simDir);
    const faults = await fetch(admin, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ crashAfter: ['rows'], fail: [{ status: 500, count: 1, match: '^GET /api/customers' }] }) });
    expect(faults.status).toBe(200);
    const env = {
      ERP_TYPE: 'lemonsoft',
      OFFERFLOW_ERP_BASE_URL: url,
      OFFERFLOW_ERP_USERNAME: 'offerflow',
      OFFERFLOW_ERP_PASSWORD: 'offerflow',
      OFFERFLOW_ERP_DATABASE: 'DEMO',
      OFFERFLOW_ERP_API_KEY: 'offerflow-demo',
      OFFERFLOW_ERP_RETRY_BASE_MS: '10',
      OFFERFLOW_ERP_MAX_CALLS_PER_SECOND: '1000',
    };
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
