import { describe, expect, it } from 'vitest';
import { knownErpTypes, openErp } from '../../src/app/erp-adapters.js';
import { openStore } from '../../src/store/open-store.js';
import { tempDataDir } from '../support/seller.js';
import { systemClock } from '../../src/time/clock.js';

describe('the ERPs the product ships', () => {
  it('are the local, the Lemonsoft, the Business Central and the files adapter', () => {
    expect(knownErpTypes()).toEqual(['bc', 'files', 'lemonsoft', 'local']);
  });

  it('opens the adapter of a type by its name, and refuses a type it does not ship, naming those it does', async () => {
    const dataDir = tempDataDir();
    const store = await openStore(dataDir, null, systemClock);
    const context = { dataDir, settings: {}, journal: store.offerJournal, clock: systemClock };
    const erp = await openErp('local', context);
    expect(erp.type).toBe('local');
    await erp.close();
    await expect(openErp('files', context)).rejects.toThrow(/erp\.settings\.exportDir[\s\S]*erp\.settings\.outboxDir/);
    await expect(openErp('jeeves', context)).rejects.toThrow("ERP type 'jeeves' is not registered; known types: bc, files, lemonsoft, local");
    await store.close();
  });
});
