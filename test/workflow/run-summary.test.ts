import { describe, expect, it } from 'vitest';
import type { StoredRun } from '../../src/workflow/run-store.js';
import { inboxOrder, inFilter, runSummaryOf, type RunSummary } from '../../src/workflow/run-summary.js';
import { FOUND, inboxContext, MISSING } from '../support/inbox-runs.js';

function run(patch: Partial<StoredRun> = {}): StoredRun {
  const context = inboxContext({ subject: 'Tarjouspyyntö', customer: 0, salesperson: 0, lines: [MISSING, FOUND, MISSING] });
  return { id: 7, key: context.key, status: 'needs_review', subject: 'Tarjouspyyntö', context, createdAt: '2026-03-02T08:00:00.000Z', updatedAt: '2026-03-02T08:00:05.000Z', ...patch };
}

describe('runSummaryOf', () => {
  it('names who asks, not who forwarded, and counts the run page’s problems by kind', () => {
    const base = run();
    const forwarded = run({ context: { ...base.context, requester: { address: 'asiakas@putki.fi', name: 'Asiakas' } } });
    const summary = runSummaryOf(forwarded);
    expect(summary.sender).toEqual({ address: 'asiakas@putki.fi', name: 'Asiakas' });
    expect(summary.problems).toEqual([
      { code: 'no_product', count: 2 },
      { code: 'not_priced', count: 1 },
    ]);
  });

  it('is received when it was taken in, whatever date the sender wrote', () => {
    const base = run();
    const email = { ...base.context.email!, date: '1999-01-01T00:00:00.000Z' };
    expect(runSummaryOf(run({ context: { ...base.context, email } })).receivedAt).toBe('2026-03-02T08:00:00.000Z');
  });

  it('needs review only while the run is needs_review', () => {
    expect(runSummaryOf(run()).needsReview).toBe(true);
    expect(runSummaryOf(run({ status: 'created' })).needsReview).toBe(false);
    expect(runSummaryOf(run({ status: 'failed' })).needsReview).toBe(false);
  });
});

describe('inboxOrder and inFilter, as a store without SQL applies them', () => {
  const summary = (id: number, needsReview: boolean, minute: number): RunSummary => ({
    ...runSummaryOf(run({ id })),
    needsReview,
    receivedAt: `2026-03-02T08:${String(minute).padStart(2, '0')}:00.000Z`,
  });

  it('puts the waiting first, oldest first, then the rest newest first, and a tie by id the same way', () => {
    const all = [summary(1, false, 1), summary(2, true, 5), summary(3, true, 2), summary(4, false, 9), summary(5, true, 2), summary(6, false, 9)];
    expect(all.sort(inboxOrder).map((s) => s.id)).toEqual([3, 5, 2, 6, 4, 1]);
  });

  it('holds a summary only when every word searched is in it', () => {
    const one = runSummaryOf(run());
    expect(inFilter(one, { search: 'PUTKI tarjous' })).toBe(true);
    expect(inFilter(one, { search: 'putki venttiili' })).toBe(false);
    expect(inFilter(one, { search: '  ' })).toBe(true);
    expect(inFilter(one, { salesperson: '102' })).toBe(false);
  });
});
