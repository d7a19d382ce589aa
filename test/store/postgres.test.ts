import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { freshPostgres } from '../support/postgres.js';
import { contextWith } from '../support/runner.js';
import { tempDataDir } from '../support/seller.js';
import { systemClock } from '../../src/time/clock.js';

describe('the store on PostgreSQL', () => {
  it('migrates its own schema when another Offerflow already lives in the same database', async () => {
    const [first, second] = [await freshPostgres(), await freshPostgres()];
    const a = await openStore(tempDataDir(), first.url, systemClock);
    const b = await openStore(tempDataDir(), second.url, systemClock);

    await b.runs.create({ mailbox: 'm', messageId: '<x@y>' }, Buffer.from('x'), contextWith());
    expect(await a.runs.list(10)).toEqual([]);
    expect(await b.runs.list(10)).toHaveLength(1);

    await Promise.all([a.close(), b.close()]);
    await Promise.all([first.drop(), second.drop()]);
  });

  it('comes up in several processes starting together on an empty schema', async () => {
    const database = await freshPostgres();
    const stores = await Promise.all([1, 2, 3].map(() => openStore(tempDataDir(), database.url, systemClock)));
    await stores[0]!.runs.create({ mailbox: 'm', messageId: '<x@y>' }, Buffer.from('x'), contextWith());
    expect(await stores[2]!.runs.list(10)).toHaveLength(1);
    await Promise.all(stores.map((s) => s.close()));
    await database.drop();
  });

  it('names the database, without its password, when it cannot be reached', async () => {
    const error = await openStore(tempDataDir(), 'postgres://offerflow:hunter2@127.0.0.1:1/none', systemClock).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^Cannot reach PostgreSQL at postgres:\/\/offerflow:\*\*\*@127\.0\.0\.1:1\/none: .*ECONNREFUSED/);
    expect((error as Error).message).not.toContain('hunter2');
  });
});
