import { describe, expect, it } from 'vitest';
import { insightOf, type Period } from '../../src/insight/insight.js';
import { runFacts } from '../../src/insight/run-facts.js';
import { action, customer, person, storedRun, type RunSpec } from '../support/stored-run.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-02T08:00:00.000Z');
const at = (ms: number) => new Date(START + ms).toISOString();
/** Monday 2 March 2026 to Sunday 15 March, in Helsinki. */
const PERIOD: Period = { since: at(0), until: at(13 * DAY), timeZone: 'Europe/Helsinki' };

const insight = (specs: RunSpec[]) => insightOf(specs.map((spec, i) => runFacts(storedRun(i + 1, spec))), PERIOD);
const approvedAfter = (hours: number): RunSpec => ({ status: 'created', createdAt: at(0), sent: at(0), actions: [action('approve', at(hours * HOUR))] });

describe('the insight figures of a period', () => {
  it('counts every run by status, and the touchless rate over requests only: not-requests and duplicates are left out', () => {
    const figures = insight([
      { status: 'created' },
      { status: 'created' },
      { status: 'needs_review' },
      { status: 'failed', offered: false },
      { status: 'not_an_rfq' },
      { status: 'duplicate' },
      { status: 'queued' },
    ]);

    expect(figures.statuses).toEqual({ queued: 1, running: 0, created: 2, needs_review: 1, failed: 1, duplicate: 1, not_an_rfq: 1 });
    expect(figures.total).toMatchObject({ requests: 4, touchless: 2, touchlessRate: 0.5 });
  });

  it('has no rate when there were no requests', () => {
    expect(insight([{ status: 'not_an_rfq' }]).total).toMatchObject({ requests: 0, touchlessRate: null, medianMsToApproval: null });
  });

  it('counts the requests that had each review cause, most first', () => {
    const { causes } = insight([
      { status: 'needs_review', customer: null, lines: [{ description: 'Vesimittari', found: false }, { description: 'Nippuside', found: false }] },
      { status: 'needs_review', lines: [{ description: 'Vesimittari', found: false }] },
      { status: 'needs_review', salesperson: null },
      { status: 'not_an_rfq', customer: null },
    ]);

    expect(causes).toEqual([
      { cause: 'no_product', runs: 2 },
      { cause: 'no_customer', runs: 1 },
      { cause: 'no_salesperson', runs: 1 },
    ]);
  });

  it('takes the median and the 90th percentile of the time from mail to approval, over approved requests', () => {
    const hours = [1, 2, 3, 4, 5, 6, 7, 8, 9, 30];
    const { total } = insight([...hours.map(approvedAfter), { status: 'needs_review' }]);

    expect(total).toMatchObject({ requests: 11, approved: 10, medianMsToApproval: 5 * HOUR, p90MsToApproval: 9 * HOUR });
  });

  it('gives the ten customers and salespeople with the most requests, each with their own figures', () => {
    const specs: RunSpec[] = [];
    for (let n = 1; n <= 11; n += 1) {
      for (let i = 0; i < n; i += 1) specs.push({ status: i === 0 ? 'created' : 'needs_review', customer: customer(`2${n}`, `Asiakas ${n}`), salesperson: person(`${100 + (n % 2)}`, `Myyjä ${n % 2}`) });
    }
    specs.push({ status: 'needs_review', customer: null, salesperson: null });
    const { customers, salespeople } = insight(specs);

    expect(customers).toHaveLength(10);
    expect(customers[0]).toMatchObject({ party: { number: '211', name: 'Asiakas 11' }, requests: 11, touchless: 1 });
    expect(customers[0]!.touchlessRate).toBeCloseTo(1 / 11);
    expect(customers.at(-1)).toMatchObject({ party: { name: 'Asiakas 2' }, requests: 2 });
    expect(salespeople.map((s) => [s.party.name, s.requests])).toEqual([
      ['Myyjä 1', 36],
      ['Myyjä 0', 30],
    ]);
  });

  it('lists the requested texts that most often found no product, grouped however they were typed, with the latest run', () => {
    const { gaps } = insight([
      { status: 'needs_review', lines: [{ description: 'Vesimittari DN20', found: false }] },
      { status: 'needs_review', lines: [{ description: 'Nippuside 200 mm', found: false }] },
      { status: 'needs_review', lines: [{ description: 'vesimittari  dn20.', found: false }, { description: 'Kupariputki 22x1,0', found: true }] },
      { status: 'not_an_rfq', lines: [{ description: 'Nippuside 200 mm', found: false }] },
      { status: 'needs_review', lines: [{ description: 'Nippuside 200 mm', found: false }] },
      { status: 'needs_review', lines: [{ description: 'VESIMITTARI DN20', found: false }] },
    ]);

    expect(gaps).toEqual([
      { text: 'VESIMITTARI DN20', count: 3, lastRunId: 6 },
      { text: 'Nippuside 200 mm', count: 2, lastRunId: 5 },
    ]);
  });

  it('makes a series by the seller’s week, empty weeks too', () => {
    const { weeks } = insight([
      { status: 'created', createdAt: at(0) },
      { status: 'needs_review', createdAt: at(DAY) },
      { ...approvedAfter(4), createdAt: at(13 * DAY), sent: at(13 * DAY), actions: [action('approve', at(13 * DAY + 4 * HOUR))] },
      // Sunday 22.30 UTC is already Monday in Helsinki.
      { status: 'created', createdAt: '2026-03-08T22:30:00.000Z' },
    ]);

    expect(weeks.map((w) => [w.week, w.requests, w.touchlessRate, w.medianMsToApproval])).toEqual([
      ['2026-03-02', 2, 0.5, null],
      ['2026-03-09', 2, 0.5, 4 * HOUR],
    ]);
  });
});
