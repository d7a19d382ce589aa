import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalErp } from '../../src/erp/local/adapter.js';
import { ReviewService, type ActionRequest } from '../../src/review/review-service.js';
import { reviewEditSchema } from '../../src/review/review-edit.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import type { WorkflowRunner } from '../../src/workflow/runner.js';
import { clockAt, type TestClock } from '../support/clock.js';
import { fixture } from '../support/fixtures.js';
import { runnerFor } from '../support/runner.js';
import { seededErp, tempDataDir } from '../support/seller.js';

const MIKKO = { id: 'mikko@seller.fi', name: 'Mikko Myyjä' };
const SANNA = { id: 'sanna@seller.fi', name: 'Sanna Sähkö' };

/** Another mail like a fixture: its own Message-ID, and a sender of the test's choosing. */
function anotherMail(name: string, messageId: string, from?: string): Buffer {
  const raw = fixture(name).toString('utf8').replace(/^Message-ID: .*$/m, `Message-ID: <${messageId}>`);
  return Buffer.from(from ? raw.replace(/^From: .*$/m, `From: ${from}`) : raw, 'utf8');
}

describe('ReviewService', () => {
  let erp: LocalErp;
  let store: Store;
  let clock: TestClock;
  let runner: WorkflowRunner;
  let review: ReviewService;
  let runId: number;
  let actions = 0;

  const request = (revision: number, by = MIKKO, actionId = `action-${(actions += 1)}`): ActionRequest => ({ runId, actionId, revision, by });
  const context = async () => (await store.runs.get(runId))!.context;

  beforeEach(async () => {
    const dataDir = tempDataDir();
    actions = 0;
    clock = clockAt('2026-11-24T10:00:00Z');
    erp = await seededErp(dataDir);
    store = await openStore(dataDir, null, clock);
    runner = runnerFor(erp, store.runs, undefined, store.memory, undefined, store.parties);
    review = new ReviewService(runner, erp, store.memory, store.parties, clock);
    ({ runId } = await runner.process(fixture('workflow/rfq-unmatched-line.eml'), { mailbox: 'rfq@seller.fi' }));
  });

  afterEach(async () => {
    await erp.close();
    await store.close();
  });

  it('picks a product for an unmatched line and prices it for the customer, recording who did it', async () => {
    expect((await context()).draft?.lines.map((l) => l.sku)).toEqual(['1000022']);

    const outcome = await review.edit(request(0), { kind: 'pick', line: 1, sku: '2000020' });

    expect(outcome).toEqual({ kind: 'done', revision: 1 });
    const after = await context();
    expect(after.matches[1]).toMatchObject({ product: { sku: '2000020' }, method: 'chosen', confidence: 1 });
    expect(after.draft?.lines.map((l) => [l.position, l.sku, l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      [1, '1000022', '5', '10.00', '45.00'],
      [2, '2000020', '1', '15.00', '15.00'],
    ]);
    expect(after.draft?.totals.net).toBe('60.00');
    expect(after.review.actions).toEqual([
      { id: 'action-1', kind: 'edit', by: MIKKO, at: '2026-11-24T10:00:00.000Z', summary: 'line 2 "Lattialämmitysjakotukki 6-piiri 1 kpl": product 2000020 Palloventtiili DN20 3/4" sk/sk', revision: 1 },
    ]);
    expect((await store.runs.get(runId))?.status).toBe('needs_review');
  });

  it("remembers the pick for that customer's words, so the next such line is matched from it, saying who taught it and when", async () => {
    await review.edit(request(0), { kind: 'pick', line: 1, sku: '2000020' });
    clock.advance(86_400_000);

    const next = await runner.process(anotherMail('workflow/rfq-unmatched-line.eml', 'second@putki.fi'), { mailbox: 'rfq@seller.fi' });

    const matched = (await store.runs.get(next.runId))!.context.matches[1];
    expect(matched).toMatchObject({ product: { sku: '2000020' }, method: 'learned', confidence: 1, learnedFrom: { by: MIKKO, at: '2026-11-24T10:00:00.000Z' } });
  });

  it('remembers the customer chosen for a sender: the next mail from that address finds it as learned, and no longer needs a look for it', async () => {
    ({ runId } = await runner.process(fixture('workflow/rfq-free-mail.eml'), { mailbox: 'rfq@seller.fi' }));
    expect((await context()).reviewReasons.some((r) => r.startsWith('customer unknown'))).toBe(true);

    await review.edit(request(0, SANNA), { kind: 'customer', number: '20002' });
    expect((await context()).customerFoundBy).toEqual({ evidence: 'chosen', learnedFrom: null });
    clock.advance(60_000);
    const next = (await store.runs.get((await runner.process(anotherMail('workflow/rfq-free-mail.eml', 'again@mail.gmail.com'), { mailbox: 'rfq@seller.fi' })).runId))!.context;
    const stranger = (await store.runs.get((await runner.process(anotherMail('workflow/rfq-free-mail.eml', 'other@mail.gmail.com', 'Liisa <liisa@gmail.com>'), { mailbox: 'rfq@seller.fi' })).runId))!.context;

    expect(next.customer?.number).toBe('20002');
    expect(next.customerFoundBy).toEqual({ evidence: 'learned address', learnedFrom: { by: SANNA, at: '2026-11-24T10:00:00.000Z' } });
    expect(next.reviewReasons.filter((r) => r.includes('customer'))).toEqual([]);
    // A free-mail domain is everyone's: what Jari's address taught says nothing of Liisa.
    expect(stranger.customer).toBeNull();
  });

  it("remembers a salesperson reassignment for the customer: the customer's next mail goes to that person, as learned", async () => {
    expect((await context()).salespersonFoundBy).toEqual({ evidence: "customer's seller", learnedFrom: null });

    await review.edit(request(0), { kind: 'salesperson', number: '101' });
    const next = (await store.runs.get((await runner.process(anotherMail('workflow/rfq-unmatched-line.eml', 'third@putki.fi'), { mailbox: 'rfq@seller.fi' })).runId))!.context;

    expect(next.salesperson?.number).toBe('101');
    expect(next.salespersonFoundBy).toEqual({ evidence: 'learned for customer', learnedFrom: { by: MIKKO, at: '2026-11-24T10:00:00.000Z' } });
  });

  it("does not learn a customer for a sender who is one of the seller's own people", async () => {
    ({ runId } = await runner.process(anotherMail('workflow/rfq-free-mail.eml', 'own@seller.fi', 'Sanna <sanna@seller.fi>'), { mailbox: 'rfq@seller.fi' }));

    expect(await review.edit(request(0), { kind: 'customer', number: '20002' })).toEqual({ kind: 'done', revision: 1 });

    expect(await store.parties.customerOfAddress('sanna@seller.fi')).toBeNull();
  });

  it('changes a quantity, removes and adds lines, and reprices when the customer changes', async () => {
    await review.edit(request(0), { kind: 'quantity', line: 0, quantity: '7' });
    await review.edit(request(1), { kind: 'remove', line: 1 });
    await review.edit(request(2), { kind: 'add', sku: '1000015', quantity: '3' });
    expect((await context()).draft?.lines.map((l) => [l.position, l.sku, l.quantity, l.discountPercent, l.lineTotal])).toEqual([
      [1, '1000022', '7', '10', '63.00'],
      [2, '1000015', '3', '10', '21.60'],
    ]);

    await review.edit(request(3), { kind: 'customer', number: '20002' });

    const after = await context();
    expect(after.customer?.number).toBe('20002');
    expect(after.draft?.customer).toEqual({ number: '20002', name: 'Jaettu Alpha Oy' });
    expect(after.draft?.lines.map((l) => [l.sku, l.discountPercent, l.lineTotal])).toEqual([
      ['1000022', '0', '70.00'],
      ['1000015', '0', '24.00'],
    ]);
    expect(after.review.revision).toBe(4);
    expect(after.review.actions.map((a) => a.summary)).toEqual([
      'line 1 "Kupariputki 22x1,0 kova 5 m": quantity 7',
      'removed line 2 "Lattialämmitysjakotukki 6-piiri 1 kpl"',
      'added 1000015 Kupariputki 15x1,0 kova, quantity 3',
      'customer 20002 Jaettu Alpha Oy',
    ]);
  });

  it('changes nothing twice when the same action comes again, as after a double click', async () => {
    const first = await review.edit(request(0, MIKKO, 'click'), { kind: 'add', sku: '1000015', quantity: '3' });
    const again = await review.edit(request(0, MIKKO, 'click'), { kind: 'add', sku: '1000015', quantity: '3' });

    expect(first).toEqual({ kind: 'done', revision: 1 });
    expect(again).toEqual({ kind: 'repeated', revision: 1 });
    expect((await context()).draft?.lines).toHaveLength(2);
    expect((await context()).review.actions).toHaveLength(1);
  });

  it('tells a reviewer whose page is out of date who changed the run and when, and changes nothing', async () => {
    await review.edit(request(0, SANNA), { kind: 'quantity', line: 0, quantity: '9' });
    clock.advance(60_000);

    const stale = await review.edit(request(0, MIKKO), { kind: 'quantity', line: 0, quantity: '2' });

    expect(stale).toEqual({ kind: 'stale', revision: 1, by: SANNA, at: '2026-11-24T10:00:00.000Z' });
    expect((await context()).draft?.lines[0]?.quantity).toBe('9');
  });

  it('lets two reviewers act at once: one wins, the other is told, and the draft holds one change', async () => {
    const outcomes = await Promise.all([
      review.edit(request(0, MIKKO), { kind: 'add', sku: '1000015', quantity: '3' }),
      review.edit(request(0, SANNA), { kind: 'add', sku: '3000325', quantity: '100' }),
    ]);

    expect(outcomes.map((o) => o.kind).sort()).toEqual(['done', 'stale']);
    expect((await context()).draft?.lines).toHaveLength(2);
  });

  it('refuses an edit naming a line or product that does not exist, saying which, and changes nothing', async () => {
    expect(await review.edit(request(0), { kind: 'pick', line: 5, sku: '2000020' })).toEqual({ kind: 'refused', reason: 'the run has lines 1 to 2, not 6' });
    expect(await review.edit(request(0), { kind: 'add', sku: 'NOPE', quantity: '1' })).toEqual({ kind: 'refused', reason: 'no such product in the ERP' });
    expect(await review.edit(request(0), { kind: 'customer', number: '99999' })).toEqual({ kind: 'refused', reason: 'no customer 99999 in the ERP' });
    expect((await context()).review.revision).toBe(0);
  });
});

describe('ReviewService on the whole run', () => {
  let erp: LocalErp;
  let store: Store;
  let review: ReviewService;
  let runId: number;

  beforeEach(async () => {
    const dataDir = tempDataDir();
    const clock = clockAt('2026-11-24T10:00:00Z');
    erp = await seededErp(dataDir);
    store = await openStore(dataDir, null, clock);
    const runner = runnerFor(erp, store.runs, undefined, store.memory, undefined, store.parties);
    review = new ReviewService(runner, erp, store.memory, store.parties, clock);
    ({ runId } = await runner.process(fixture('workflow/rfq-unmatched-line.eml'), { mailbox: 'rfq@seller.fi' }));
  });

  afterEach(async () => {
    await erp.close();
    await store.close();
  });

  it('creates the offer on approval when the run made none: a shadow run', async () => {
    const shadow = await runnerFor(erp, store.runs, undefined, store.memory).process(fixture('workflow/rfq-known-customer.eml'), { mailbox: 'shadow@seller.fi', dryRun: true });
    const reference = (await store.runs.get(shadow.runId))!.context.reference;
    expect(await erp.offers.findByReference(reference)).toBeNull();

    await review.approve({ runId: shadow.runId, actionId: 'approve', revision: 0, by: MIKKO });

    const run = (await store.runs.get(shadow.runId))!;
    expect(run.context.dryRun).toBe(false);
    expect((await erp.offers.findByReference(reference))?.lines.map((l) => l.sku)).toEqual(run.context.draft?.lines.map((l) => l.sku));
  });

  it('processes the mail again with what was learned since: the line picked before is matched from memory', async () => {
    await store.memory.remember({ customerNumber: '20001', description: (await store.runs.get(runId))!.context.requestedLines[1]!.description, code: null, sku: '2000020' });

    expect(await review.processAgain({ runId, actionId: 'again', revision: 0, by: MIKKO })).toEqual({ kind: 'done', revision: 1 });

    const run = (await store.runs.get(runId))!;
    expect(run.status).toBe('needs_review');
    expect(run.context.matches.map((m) => [m.product?.sku, m.method])).toEqual([
      ['1000022', 'name'],
      ['2000020', 'learned'],
    ]);
    expect(run.context.draft?.lines.map((l) => l.sku)).toEqual(['1000022', '2000020']);
    expect(run.context.offer).not.toBeNull();
    expect(run.context.review.actions.map((a) => a.kind)).toEqual(['process_again']);
  });

  it('approves: the ERP offer then holds exactly the rows on the screen, checked by reading it back', async () => {
    await review.edit({ runId, actionId: 'pick', revision: 0, by: MIKKO }, { kind: 'pick', line: 1, sku: '2000020' });
    await review.edit({ runId, actionId: 'qty', revision: 1, by: MIKKO }, { kind: 'quantity', line: 0, quantity: '12' });

    expect(await review.approve({ runId, actionId: 'approve', revision: 2, by: MIKKO })).toEqual({ kind: 'done', revision: 3 });

    const run = (await store.runs.get(runId))!;
    expect(run.status).toBe('created');
    expect(run.context.reviewReasons).toEqual([]);
    const inErp = (await erp.offers.findByReference(run.context.reference))!;
    expect(inErp.number).toBe(run.context.offer?.number);
    expect(inErp.lines.map((l) => [l.position, l.sku, l.quantity, l.lineTotal])).toEqual([
      [1, '1000022', '12', '108.00'],
      [2, '2000020', '1', '15.00'],
    ]);
    expect(run.context.review.actions.at(-1)).toMatchObject({ kind: 'approve', by: MIKKO, summary: `approved offer ${inErp.number}: 2 rows, 123.00 EUR net` });
  });

  it('approves again after a later change: rows removed in the workspace leave the ERP offer, and nothing is duplicated', async () => {
    await review.edit({ runId, actionId: 'pick', revision: 0, by: MIKKO }, { kind: 'pick', line: 1, sku: '2000020' });
    await review.approve({ runId, actionId: 'approve-1', revision: 1, by: MIKKO });
    await review.approve({ runId, actionId: 'approve-1', revision: 1, by: MIKKO });
    await review.edit({ runId, actionId: 'remove', revision: 2, by: SANNA }, { kind: 'remove', line: 0 });

    await review.approve({ runId, actionId: 'approve-2', revision: 3, by: SANNA });

    const run = (await store.runs.get(runId))!;
    const inErp = (await erp.offers.findByReference(run.context.reference))!;
    expect(inErp.lines.map((l) => [l.position, l.sku])).toEqual([[1, '2000020']]);
    expect(run.context.review.actions.map((a) => a.kind)).toEqual(['edit', 'approve', 'edit', 'approve']);
  });

  it('marks a run not a request, saying who did', async () => {
    await review.notAnRfq({ runId, actionId: 'no', revision: 0, by: SANNA });

    const run = (await store.runs.get(runId))!;
    expect(run.status).toBe('not_an_rfq');
    expect(run.context.warnings).toContain('not a request for quotation: so marked by Sanna Sähkö');
  });
});

describe('reviewEditSchema', () => {
  it('takes a quantity written the Finnish way and refuses one that is not a number, naming the field', () => {
    expect(reviewEditSchema.parse({ kind: 'quantity', line: 0, quantity: '2,5' })).toEqual({ kind: 'quantity', line: 0, quantity: '2.5' });
    const refused = reviewEditSchema.safeParse({ kind: 'quantity', line: 0, quantity: 'kaksi' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['quantity']);
  });
});
