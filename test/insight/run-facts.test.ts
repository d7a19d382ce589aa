import { describe, expect, it } from 'vitest';
import { arrivalOf, runFacts } from '../../src/insight/run-facts.js';
import type { StoredRunStatus } from '../../src/workflow/run-store.js';
import { action, storedRun } from '../support/stored-run.js';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.parse('2026-03-02T08:00:00.000Z') + hours * HOUR).toISOString();

describe('the facts of one run', () => {
  it('counts as requests the runs that finished with an offer to make, made or not', () => {
    const requests = (statuses: StoredRunStatus[]) => statuses.map((status) => runFacts(storedRun(1, { status })).request);

    expect(requests(['created', 'needs_review', 'failed'])).toEqual([true, true, true]);
    expect(requests(['not_an_rfq', 'duplicate', 'queued', 'running'])).toEqual([false, false, false, false]);
  });

  it('is touchless only when the offer was made with nothing to review and no person acted, not even to approve', () => {
    expect(runFacts(storedRun(1, { status: 'created' })).touchless).toBe(true);
    expect(runFacts(storedRun(2, { status: 'created', actions: [action('approve', at(1))] })).touchless).toBe(false);
    expect(runFacts(storedRun(3, { status: 'needs_review' })).touchless).toBe(false);
    expect(runFacts(storedRun(4, { status: 'created', offered: false })).touchless).toBe(false);
    expect(runFacts(storedRun(5, { status: 'not_an_rfq' })).touchless).toBe(false);
  });

  it('reads its review causes by the run page’s rule, each once however many lines have it', () => {
    const run = storedRun(1, {
      status: 'needs_review',
      customer: null,
      lines: [
        { description: 'Kupariputki 22x1,0', found: true, quantity: null },
        { description: 'Vesimittari DN20', found: false },
        { description: 'Tiivistenauha', found: false },
      ],
    });

    expect(runFacts(run).causes.sort()).toEqual(['no_customer', 'no_product', 'no_quantity']);
    expect(runFacts(storedRun(2, { status: 'created' })).causes).toEqual([]);
  });

  it('takes the mail’s arrival from its Date header, unless that is later than the run or missing', () => {
    expect(arrivalOf(storedRun(1, { status: 'created', createdAt: at(2), sent: at(0) }))).toBe(at(0));
    expect(arrivalOf(storedRun(2, { status: 'created', createdAt: at(2), sent: at(5) }))).toBe(at(2));
    expect(arrivalOf(storedRun(3, { status: 'created', createdAt: at(2), sent: null }))).toBe(at(2));
  });

  it('times the mail to its first approval, and has no time for a run never approved', () => {
    const approved = storedRun(1, { status: 'created', createdAt: at(1), sent: at(0), actions: [action('edit', at(2)), action('approve', at(3), 2), action('approve', at(9), 3)] });

    expect(runFacts(approved).msToApproval).toBe(3 * HOUR);
    expect(runFacts(storedRun(2, { status: 'needs_review', actions: [action('edit', at(2))] })).msToApproval).toBeNull();
  });

  it('keeps the customer’s words of each line that found no product', () => {
    const run = storedRun(1, { status: 'needs_review', lines: [{ description: 'Kupariputki 22x1,0', found: true }, { description: 'Vesimittari <DN20>', found: false }] });

    expect(runFacts(run).gaps).toEqual(['Vesimittari <DN20>']);
    expect(runFacts(run).customer).toEqual({ number: '20001', name: 'Putki Oy' });
    expect(runFacts(run).salesperson).toEqual({ number: '101', name: 'Mikko Myyjä' });
  });
});
