import { beforeEach, describe, expect, it } from 'vitest';
import { phraseKey } from '../../src/matching/phrase-memory.js';
import { storeMigrations } from '../../src/store/migrations.js';
import { openStore, storeFile, type Store } from '../../src/store/open-store.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { clockAt } from '../support/clock.js';
import { tempDataDir } from '../support/seller.js';
import { STORE_BACKENDS, storePerTest } from '../support/stores.js';

const SANNA = { id: 'sanna@seller.fi', name: 'Sanna Sähkö' };
const MIKKO = { id: 'mikko@seller.fi', name: 'Mikko Myyjä' };

describe.each(STORE_BACKENDS)('KyselyPhraseMemory on $name', (backend) => {
  const clock = clockAt('2026-11-24T10:00:00Z');
  const opened = storePerTest(backend, clock);
  let store: Store;
  beforeEach(() => {
    store = opened().store;
  });

  const recall = (customerNumber: string | null, description: string, code: string | null = null) =>
    store.memory.recall({ customerNumber, description, code });

  it('recalls a customer’s words for that customer surely, and for others less surely', async () => {
    await store.memory.remember({ customerNumber: '20001', description: 'Jakotukki 6-piiri', code: null, sku: '1000022' });

    expect(await recall('20001', 'jakotukki 6-piiri')).toEqual({ sku: '1000022', scope: 'customer', learnedFrom: null });
    expect(await recall('20002', 'JAKOTUKKI  6-PIIRI')).toEqual({ sku: '1000022', scope: 'everyone', learnedFrom: null });
    expect(await recall('20001', 'jakotukki 8-piiri')).toBeNull();
  });

  it('prefers the customer’s own teaching over what another customer taught', async () => {
    await store.memory.remember({ customerNumber: '20002', description: 'tavallinen putki', code: null, sku: '1000015' });
    await store.memory.remember({ customerNumber: '20001', description: 'tavallinen putki', code: null, sku: '1000022' });

    expect(await recall('20001', 'tavallinen putki')).toEqual({ sku: '1000022', scope: 'customer', learnedFrom: null });
    expect(await recall('20002', 'tavallinen putki')).toEqual({ sku: '1000015', scope: 'customer', learnedFrom: null });
  });

  it('recalls the customer’s own part number whatever words come with it', async () => {
    await store.memory.remember({ customerNumber: '20001', description: 'putki', code: 'abc-15', sku: '1000015' });

    expect(await recall('20001', 'jotain ihan muuta', 'ABC-15')).toEqual({ sku: '1000015', scope: 'customer', learnedFrom: null });
  });

  it('learns customers\' part numbers, and their own words for the item, for that customer only', async () => {
    await store.memory.learnCodes([
      { customerNumber: '20001', code: 'po-4471', sku: '1000022', description: 'Meidän tavallinen putki' },
      { customerNumber: '20001', code: 'PO-4472', sku: '1000015', description: 'Meidän tavallinen putki' },
      { customerNumber: '20002', code: 'PO-4471', sku: '1000028', description: null },
    ]);

    expect(await recall('20001', '', 'PO-4471')).toEqual({ sku: '1000022', scope: 'customer', learnedFrom: null });
    expect(await recall('20002', '', 'po-4471')).toEqual({ sku: '1000028', scope: 'customer', learnedFrom: null });
    expect(await recall('20003', '', 'PO-4471')).toBeNull();
    expect(await recall('20001', 'meidän tavallinen putki')).toEqual({ sku: '1000015', scope: 'customer', learnedFrom: null });
    expect(await recall('20003', 'meidän tavallinen putki')).toBeNull();
  });

  it('keeps the latest correction when a phrase is corrected again', async () => {
    await store.memory.remember({ customerNumber: '20001', description: 'venttiili', code: null, sku: '2000020' });
    await store.memory.remember({ customerNumber: '20001', description: 'venttiili', code: null, sku: '2000025' });

    expect(await recall('20001', 'venttiili')).toEqual({ sku: '2000025', scope: 'customer', learnedFrom: null });
  });

  it('recalls who taught a correction and when, the latest teacher after a second one', async () => {
    await store.memory.remember({ customerNumber: '20001', description: 'venttiili', code: 'V-1', sku: '2000020', by: SANNA });
    const first = { by: SANNA, at: clock.now().toISOString() };
    clock.advance(3_600_000);
    await store.memory.remember({ customerNumber: '20002', description: 'venttiili', code: null, sku: '2000025', by: MIKKO });

    expect(await recall('20001', 'venttiili')).toEqual({ sku: '2000020', scope: 'customer', learnedFrom: first });
    expect(await recall('20001', '', 'v-1')).toEqual({ sku: '2000020', scope: 'customer', learnedFrom: first });
    expect(await recall('20003', 'venttiili')).toEqual({ sku: '2000025', scope: 'everyone', learnedFrom: { by: MIKKO, at: clock.now().toISOString() } });
  });

  it('forgets who taught a key once a file of part numbers gives it anew', async () => {
    await store.memory.remember({ customerNumber: '20001', description: 'putki', code: 'PO-1', sku: '1000015', by: SANNA });
    await store.memory.learnCodes([{ customerNumber: '20001', code: 'PO-1', sku: '1000022', description: null }]);

    expect(await recall('20001', '', 'PO-1')).toEqual({ sku: '1000022', scope: 'customer', learnedFrom: null });
  });

  it('keys phrases without case, Nordic letters or punctuation', () => {
    expect(phraseKey('  Lattialämmitys-JAKOTUKKI, 6 piiri ')).toBe(phraseKey('lattialammitys jakotukki 6 piiri'));
  });
});

describe('phrase memory taught before 0010_learning', () => {
  it('is still recalled after the upgrade, with who taught it unknown', async () => {
    const dataDir = tempDataDir();
    const before = Object.fromEntries(Object.entries(storeMigrations('sqlite')).filter(([name]) => name < '0010'));
    const old = await openSqlite<Record<string, Record<string, unknown>>>(storeFile(dataDir), before);
    await old
      .insertInto('phrase_memory')
      .values({ customer_number: '20001', kind: 'phrase', key: phraseKey('venttiili'), sku: '2000020', corrections: 1, updated_at: '2025-01-01T00:00:00.000Z' })
      .execute();
    await old.destroy();

    const store = await openStore(dataDir, null, clockAt('2026-11-24T10:00:00Z'));
    try {
      expect(await store.memory.recall({ customerNumber: '20001', description: 'venttiili', code: null })).toEqual({ sku: '2000020', scope: 'customer', learnedFrom: null });
    } finally {
      await store.close();
    }
  });
});
