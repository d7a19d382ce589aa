import { afterEach, describe, expect, it } from 'vitest';
import { offerflow, seeded } from '../support/cli.js';
import { serve, stopServed } from '../support/serve.js';
import { tempDataDir } from '../support/seller.js';

afterEach(stopServed);

describe('offerflow users', () => {
  it('adds a salesperson linked to the ERP person with the same email, prints a one-time link, and lists them', async () => {
    const dataDir = await seeded();
    const added = await offerflow(['users', 'add', 'Mikko@Seller.fi', '--role', 'salesperson', '--data-dir', dataDir], { OFFERFLOW_PUBLIC_URL: 'https://offers.seller.fi' });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/ERP person \d+/);
    expect(added.stdout).toMatch(/^https:\/\/offers\.seller\.fi\/set-password\?token=[A-Za-z0-9_-]{43}$/m);

    const again = await offerflow(['users', 'add', 'mikko@seller.fi', '--role', 'admin', '--data-dir', dataDir]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already a user');

    const list = await offerflow(['users', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ email: 'mikko@seller.fi', role: 'salesperson', hasPassword: false, personNumber: expect.any(String) })]);
  });

  it('refuses an unknown role or language and a malformed address', async () => {
    const dataDir = tempDataDir();
    for (const args of [['x@seller.fi', '--role', 'boss'], ['x@seller.fi', '--role', 'admin', '--language', 'de'], ['not-an-address', '--role', 'admin']]) {
      const run = await offerflow(['users', 'add', ...args, '--data-dir', dataDir]);
      expect(run.code, args.join(' ')).not.toBe(0);
    }
    expect((await offerflow(['users', 'list', '--json', '--data-dir', dataDir])).stdout.trim()).toBe('[]');
  });

  it('prints an API token once, which the service then accepts on /api; a second of the same name is refused', async () => {
    const dataDir = tempDataDir();
    const created = await offerflow(['users', 'token', 'crm-sync', '--data-dir', dataDir]);
    expect(created.code, created.stderr).toBe(0);
    const token = /oft_[A-Za-z0-9_-]+/.exec(created.stdout)![0];
    expect((await offerflow(['users', 'token', 'crm-sync', '--data-dir', dataDir])).code).not.toBe(0);

    const served = await serve(dataDir);
    const me = await fetch(`http://127.0.0.1:${served.port}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toEqual({ kind: 'token', name: 'crm-sync' });
  });

  it('serves no workspace with serve --no-ui', async () => {
    const served = await serve(tempDataDir(), {}, ['--no-ui']);
    expect((await fetch(`http://127.0.0.1:${served.port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${served.port}/login`)).status).toBe(404);
  });
});
