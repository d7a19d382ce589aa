import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BC_SETTINGS } from '../../src/cli/commands/sim.js';
import { CLI } from '../support/cli.js';
import { tempDataDir } from '../support/seller.js';

let child: ChildProcess | null = null;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  child = null;
});

/** The lines `offerflow sim bc` prints once it listens, read until the faults line. */
async function started(process: ChildProcess): Promise<string> {
  let out = '';
  for await (const chunk of process.stdout!) {
    out += String(chunk);
    if (/Faults: POST JSON to \S+/.test(out)) {
      process.stdout!.resume();
      return out;
    }
  }
  throw new Error(`the simulator did not start: ${out}`);
}

describe('offerflow sim bc', () => {
  it('serves the demo wholesaler behind its token endpoint on the flags’ tenant and app, with faults over HTTP', async () => {
    const tenant = 'cli-test.onmicrosoft.com';
    child = spawn(process.execPath, [CLI, 'sim', 'bc', '--port', '0', '--data-dir', tempDataDir(), '--tenant', tenant, '--client-id', 'cli-app', '--client-secret', 'cli-secret'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = await started(child);
    const apiUrl = /Business Central simulator at (\S+)/.exec(out)![1]!;
    const tokenUrl = /Token endpoint: (\S+)/.exec(out)![1]!;
    const admin = /Faults: POST JSON to (\S+)/.exec(out)![1]!;
    expect(apiUrl).toMatch(new RegExp(`/v2\\.0/${tenant}/production/api/v2\\.0$`));
    expect(out).toContain(`Company: ${DEMO_BC_SETTINGS.company}`);
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'cli-app', client_secret: 'cli-secret', scope: 'https://api.businesscentral.dynamics.com/.default' });
    const token = (await (await fetch(tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() })).json()) as { access_token: string };
    const headers = { Authorization: `Bearer ${token.access_token}` };
    const companies = (await (await fetch(`${apiUrl}/companies`, { headers })).json()) as { value: { id: string; name: string }[] };
    expect(companies.value.map((c) => c.name)).toEqual([DEMO_BC_SETTINGS.company]);
    const items = await fetch(`${apiUrl}/companies(${companies.value[0]!.id})/items?$top=1`, { headers });
    expect(((await items.json()) as { value: unknown[] }).value).toHaveLength(1);
    const faults = await fetch(admin, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fail: [{ status: 503, retryAfterSeconds: 1 }] }) });
    expect(faults.status).toBe(200);
    expect((await fetch(`${apiUrl}/companies`, { headers })).status).toBe(503);
  });
});
