import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offerDraft, reviewedDraft, withLines } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { HARNESSES } from './harnesses.js';
import { expectStoredAsSent } from './stored-as-sent.js';

/** What approving a reviewed offer needs of every ERP adapter: its offer for a reference becomes exactly the draft. */
describe.each(HARNESSES)('ERP conformance, replacing an offer: $name', (harness) => {
  let under: Awaited<ReturnType<typeof harness.open>>;

  beforeEach(async () => {
    under = await harness.open();
  });

  afterEach(async () => {
    await under.close();
  });

  it('changes, adds and removes rows and rewrites the header, keeping the offer and its number', async () => {
    const created = await under.erp.offers.create(offerDraft('OF-rep-1'), NO_FENCE);

    const replaced = await under.erp.offers.replace(reviewedDraft('OF-rep-1'), NO_FENCE);

    expect(replaced.number).toBe(created.number);
    expectStoredAsSent(replaced, reviewedDraft('OF-rep-1'));
    expectStoredAsSent(await under.erp.offers.findByReference('OF-rep-1'), reviewedDraft('OF-rep-1'));
    expect(await under.offerNumbers()).toEqual([created.number]);
  });

  it('creates the offer when none exists yet for the reference', async () => {
    const replaced = await under.erp.offers.replace(reviewedDraft('OF-rep-new'), NO_FENCE);

    expectStoredAsSent(replaced, reviewedDraft('OF-rep-new'));
    expect(await under.offerNumbers()).toEqual([replaced.number]);
  });

  it('changes nothing when repeated', async () => {
    await under.erp.offers.create(offerDraft('OF-rep-2'), NO_FENCE);
    const first = await under.erp.offers.replace(reviewedDraft('OF-rep-2'), NO_FENCE);

    expect(await under.erp.offers.replace(reviewedDraft('OF-rep-2'), NO_FENCE)).toEqual(first);
    expect(await under.erp.offers.get(first.number)).toEqual(first);
    expect(await under.offerNumbers()).toEqual([first.number]);
  });

  it('empties an offer of every row and fills it again', async () => {
    await under.erp.offers.create(offerDraft('OF-rep-3'), NO_FENCE);

    expectStoredAsSent(await under.erp.offers.replace(withLines(offerDraft('OF-rep-3'), []), NO_FENCE), withLines(offerDraft('OF-rep-3'), []));
    expectStoredAsSent(await under.erp.offers.replace(offerDraft('OF-rep-3'), NO_FENCE), offerDraft('OF-rep-3'));
  });

  it('clears the texts, customer and salesperson a draft leaves empty', async () => {
    await under.erp.offers.create(reviewedDraft('OF-rep-4'), NO_FENCE);
    const bare = { ...reviewedDraft('OF-rep-4'), customer: null, sellerNumber: null, customerReference: null, note: null };

    expectStoredAsSent(await under.erp.offers.replace(bare, NO_FENCE), bare);
  });

  it("never touches another reference's offer", async () => {
    const other = await under.erp.offers.create(offerDraft('OF-rep-other'), NO_FENCE);
    await under.erp.offers.create(offerDraft('OF-rep-5'), NO_FENCE);

    await under.erp.offers.replace(reviewedDraft('OF-rep-5'), NO_FENCE);
    await under.erp.offers.replace(reviewedDraft('OF-rep-6'), NO_FENCE);

    expect(await under.erp.offers.get(other.number)).toEqual(other);
    expect(await under.offerNumbers()).toHaveLength(3);
  });

  it("writes nothing when its fence says the run is another worker's", async () => {
    const created = await under.erp.offers.create(offerDraft('OF-rep-7'), NO_FENCE);
    const lost = async () => {
      throw new Error('claim lost');
    };

    await expect(under.erp.offers.replace(reviewedDraft('OF-rep-7'), lost)).rejects.toThrow('claim lost');
    await expect(under.erp.offers.replace(reviewedDraft('OF-rep-8'), lost)).rejects.toThrow('claim lost');

    expect(await under.erp.offers.get(created.number)).toEqual(created);
    expect(await under.offerNumbers()).toEqual([created.number]);
  });

  it('refuses a draft with two lines at one position before writing anything', async () => {
    const created = await under.erp.offers.create(offerDraft('OF-rep-9'), NO_FENCE);
    const [line] = reviewedDraft('OF-rep-9').lines;
    const doubled = withLines(reviewedDraft('OF-rep-9'), [line!, { ...line!, quantity: '1' }]);

    await expect(under.erp.offers.replace(doubled, NO_FENCE)).rejects.toThrow(/two lines at one position/);

    expect(await under.erp.offers.get(created.number)).toEqual(created);
  });
});
