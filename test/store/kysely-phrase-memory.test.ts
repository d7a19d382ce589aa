import { beforeEach, describe, expect, it } from 'vitest';
import { phraseKey } from '../../src/matching/phrase-memory.js';
import type { Store } from '../../src/store/open-store.js';
import { STORE_BACKENDS, storePerTest } from '../support/stores.js';

describe.each(STORE_BACKENDS)('KyselyPhraseMemory on $name', (backend) => {
  const opened = storePerTest(backend);
  let store: Store;
  beforeEach(() => {
    store = opened().store;
  });

  const recall = (customerNumber: string | null, description: string, code: string | null = null) =>
    store.memory.recall({ customerNumber, description, code });

  it('recalls a customer’s words for that customer surely, and for others less surely', async () => {
    await store.memory.remember({ customerNumber: '20001', description: 'Jakotukki 6-piiri', code: null, sku: '1000022' });

    expect(await recall('20001', 'jakotukki 6-piiri')).toEqual({ sku: '1000022', scope: 'customer' });
    expect(await recall('20002', 'JAKOTUKKI  6-PIIRI')).toEqual({ sku: '1000022', scope: 'everyone' });
    expect(await recall('20001', 'jakotukki 8-piiri')).toBeNull();
  });

  it('prefers the customer’s own teaching over what another customer taught', async () => {
    await store.memory.remember({ customerNumber: '20002', description: 'tavallinen putki', code: null, sku: '1000015' });
    await store.memory.remember({ customerNumber: '20001', description: 'tavallinen putki', code: null, sku: '1000022' });

    expect(await recall('20001', 'tavallinen putki')).toEqual({ sku: '1000022', scope: 'customer' });
    expect(await recall('20002', 'tavallinen putki')).toEqual({ sku: '1000015', scope: 'customer' });
  });

  it('recalls the customer’s own part number whatever words come with it', async () => {
    await store.memory.remember({ customerNumber: '20001', description: 'putki', code: 'abc-15', sku: '1000015' });

    expect(await recall('20001', 'jotain ihan muuta', 'ABC-15')).toEqual({ sku: '1000015', scope: 'customer' });
  });

  it('learns customers\' part numbers, and their own words for the item, for that customer only', async () => {
    await store.memory.learnCodes([
      { customerNumber: '20001', code: 'po-4471', sku: '1000022', description: 'Meidän tavallinen putki' },
      { customerNumber: '20001', code: 'PO-4472', sku: '1000015', description: 'Meidän tavallinen putki' },
      { customerNumber: '20002', code: 'PO-4471', sku: '1000028', description: null },
    ]);

    expect(await recall('20001', '', 'PO-4471')).toEqual({ sku: '1000022', scope: 'customer' });
    expect(await recall('20002', '', 'po-4471')).toEqual({ sku: '1000028', scope: 'customer' });
    expect(await recall('20003', '', 'PO-4471')).toBeNull();
    expect(await recall('20001', 'meidän tavallinen putki')).toEqual({ sku: '1000015', scope: 'customer' });
    expect(await recall('20003', 'meidän tavallinen putki')).toBeNull();
  });

  it('keeps the latest correction when a phrase is corrected again', async () => {
    await store.memory.remember({ customerNumber: '20001', description: 'venttiili', code: null, sku: '2000020' });
    await store.memory.remember({ customerNumber: '20001', description: 'venttiili', code: null, sku: '2000025' });

    expect(await recall('20001', 'venttiili')).toEqual({ sku: '2000025', scope: 'customer' });
  });

  it('keys phrases without case, Nordic letters or punctuation', () => {
    expect(phraseKey('  Lattialämmitys-JAKOTUKKI, 6 piiri ')).toBe(phraseKey('lattialammitys jakotukki 6 piiri'));
  });
});
