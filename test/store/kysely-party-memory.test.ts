import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { clockAt } from '../support/clock.js';
import { STORE_BACKENDS, storePerTest } from '../support/stores.js';

const SANNA = { id: 'sanna@seller.fi', name: 'Sanna Sähkö' };
const MIKKO = { id: 'mikko@seller.fi', name: 'Mikko Myyjä' };

describe.each(STORE_BACKENDS)('KyselyPartyMemory on $name', (backend) => {
  const clock = clockAt('2026-11-24T10:00:00Z');
  const opened = storePerTest(backend, clock);
  let store: Store;
  beforeEach(() => {
    store = opened().store;
  });

  const taughtBy = (by: typeof SANNA) => ({ by, at: clock.now().toISOString() });

  it('recalls the customer chosen for an address, however it is cased, with who chose it and when', async () => {
    await store.parties.rememberCustomer({ address: 'Jari.Private@Gmail.com', customerNumber: '20002', by: SANNA });

    expect(await store.parties.customerOfAddress('jari.private@gmail.com')).toEqual({ number: '20002', learnedFrom: taughtBy(SANNA) });
    expect(await store.parties.customerOfAddress('liisa@gmail.com')).toBeNull();
  });

  it('keeps the latest customer chosen for an address', async () => {
    await store.parties.rememberCustomer({ address: 'matti@putki.fi', customerNumber: '20002', by: SANNA });
    clock.advance(60_000);
    await store.parties.rememberCustomer({ address: 'matti@putki.fi', customerNumber: '20001', by: MIKKO });

    expect(await store.parties.customerOfAddress('matti@putki.fi')).toEqual({ number: '20001', learnedFrom: taughtBy(MIKKO) });
  });

  it('reads a domain as the customer its learned addresses agree on, and as nothing once they differ', async () => {
    await store.parties.rememberCustomer({ address: 'a@shared.fi', customerNumber: '20002', by: SANNA });
    clock.advance(60_000);
    await store.parties.rememberCustomer({ address: 'b@shared.fi', customerNumber: '20002', by: MIKKO });
    expect(await store.parties.customerOfDomain('Shared.fi')).toEqual({ number: '20002', learnedFrom: taughtBy(MIKKO) });

    await store.parties.rememberCustomer({ address: 'c@shared.fi', customerNumber: '20003', by: MIKKO });
    expect(await store.parties.customerOfDomain('shared.fi')).toBeNull();
    expect(await store.parties.customerOfDomain('other.fi')).toBeNull();
  });

  it('recalls the salesperson chosen for a customer, the latest one', async () => {
    await store.parties.rememberSalesperson({ customerNumber: '20001', personNumber: '102', by: SANNA });
    clock.advance(60_000);
    await store.parties.rememberSalesperson({ customerNumber: '20001', personNumber: '101', by: MIKKO });

    expect(await store.parties.salespersonOf('20001')).toEqual({ number: '101', learnedFrom: taughtBy(MIKKO) });
    expect(await store.parties.salespersonOf('20002')).toBeNull();
  });
});
