import { describe, expect, it } from 'vitest';
import { offerDraft, reviewedDraft } from '../../support/offer-draft.js';
import { seededErp, tempDataDir } from '../../support/seller.js';
import { openLocalErp } from '../../../src/erp/local/adapter.js';
import { NO_FENCE } from '../../support/runner.js';
import { systemClock } from '../../../src/time/clock.js';

describe('local ERP offers', () => {
  it('numbers offers from 10001 and stores header, rows and totals as sent', async () => {
    const erp = await seededErp();
    const first = await erp.offers.create(offerDraft('OF-a'), NO_FENCE);
    const second = await erp.offers.create(offerDraft('OF-b'), NO_FENCE);

    expect([first.number, second.number]).toEqual(['10001', '10002']);
    expect(await erp.offers.get('10001')).toEqual({ ...offerDraft('OF-a'), number: '10001' });
    await erp.close();
  });

  it('stores an offer of any number of rows, within the database\'s limit of parameters per statement', async () => {
    const erp = await seededErp();
    const [line] = offerDraft().lines;
    const lines = Array.from({ length: 3_500 }, (_, i) => ({ ...line!, position: i + 1 }));
    const offer = await erp.offers.create({ ...offerDraft('OF-long'), lines }, NO_FENCE);
    expect(offer.lines).toHaveLength(3_500);
    expect(offer.lines.at(-1)?.position).toBe(3_500);
    await erp.close();
  });

  it('writes nothing when its fence says the run is another worker\'s', async () => {
    const erp = await seededErp();
    const lost = async () => {
      throw new Error('claim lost');
    };
    await expect(erp.offers.create(offerDraft('OF-fenced'), lost)).rejects.toThrow('claim lost');
    expect(await erp.offers.findByReference('OF-fenced')).toBeNull();
    await erp.close();
  });

  it('finds an offer by our reference and answers null for unknown ones', async () => {
    const erp = await seededErp();
    await erp.offers.create(offerDraft('OF-a'), NO_FENCE);

    expect((await erp.offers.findByReference('OF-a'))?.number).toBe('10001');
    expect(await erp.offers.findByReference('OF-zzz')).toBeNull();
    expect(await erp.offers.get('99999')).toBeNull();
    expect(await erp.offers.get('not-a-number')).toBeNull();
    await erp.close();
  });

  it('keeps offers and numbering across reopening the data directory', async () => {
    const dataDir = tempDataDir();
    const erp = await seededErp(dataDir);
    await erp.offers.create(offerDraft('OF-a'), NO_FENCE);
    await erp.close();

    const reopened = await openLocalErp({ dataDir, clock: systemClock });
    expect((await reopened.offers.create(offerDraft('OF-b'), NO_FENCE)).number).toBe('10002');
    await reopened.close();
  });

  it('answers a second create with the same reference with the offer it already has', async () => {
    const erp = await seededErp();
    const first = await erp.offers.create(offerDraft('OF-a'), NO_FENCE);

    expect(await erp.offers.create(offerDraft('OF-a'), NO_FENCE)).toEqual(first);
    expect(await erp.offers.get('10002')).toBeNull();
    await erp.close();
  });

  it('replaces in one transaction: a replace that fails on its way leaves the offer as it was', async () => {
    const erp = await seededErp();
    const created = await erp.offers.create(offerDraft('OF-a'), NO_FENCE);
    const unstorable = { ...reviewedDraft('OF-a'), lines: reviewedDraft('OF-a').lines.map((l) => ({ ...l, sku: null as unknown as string })) };

    await expect(erp.offers.replace(unstorable, NO_FENCE)).rejects.toThrow(/NOT NULL/);

    expect(await erp.offers.get(created.number)).toEqual(created);
    await erp.close();
  });
});
