import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalErp } from '../../src/erp/local/adapter.js';
import { offerNotification, type NotificationInput } from '../../src/notify/offer-notification.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import type { WorkflowContext } from '../../src/workflow/context.js';
import { fixture } from '../support/fixtures.js';
import { runnerFor } from '../support/runner.js';
import { seededErp, tempDataDir } from '../support/seller.js';
import { systemClock } from '../../src/time/clock.js';

let erp: LocalErp;
let store: Store;
let known: WorkflowContext;
let unmatched: WorkflowContext;

beforeAll(async () => {
  const dataDir = tempDataDir();
  erp = await seededErp(dataDir);
  store = await openStore(dataDir, null, systemClock);
  const runner = runnerFor(erp, store.runs);
  for (const [name, set] of [
    ['workflow/rfq-known-customer.eml', (c: WorkflowContext) => (known = c)],
    ['workflow/rfq-unmatched-line.eml', (c: WorkflowContext) => (unmatched = c)],
  ] as const) {
    const { runId } = await runner.process(fixture(name), { mailbox: 'rfq@seller.fi' });
    set((await store.runs.get(runId))!.context);
  }
});

afterAll(async () => {
  await erp.close();
  await store.close();
});

const input = (context: WorkflowContext, extra: Partial<NotificationInput> = {}): NotificationInput => ({
  runId: 7,
  context,
  status: context.reviewReasons.length ? 'needs_review' : 'created',
  mode: 'auto',
  language: 'fi',
  to: 'mikko@seller.fi',
  ...extra,
});

describe('offerNotification', () => {
  it('tells in Finnish which offer was created for whom, with every line, its price and how sure the match is', () => {
    const n = offerNotification(input(known));

    expect(n.subject).toBe('Tarjous 10001 luotu: Putki Oy (20001)');
    expect(n.text).toContain('Hei Mikko Myyjä,');
    expect(n.text).toMatch(/1\s+.*Kupariputki.*1000015 Kupariputki 15x1,0 kova\s+10 m\s+8\.00\s+72\.00\s+100 %/);
    expect(n.text).toContain('Veroton 102.00 EUR, ALV 26.01, yhteensä 128.01 EUR');
    expect(n.text).toContain('Offerflow, ajo 7');
    expect(n.html).toContain('<td>1000015 Kupariputki 15x1,0 kova</td>');
  });

  it('asks for a review in review mode even when nothing was flagged', () => {
    expect(offerNotification(input(known, { mode: 'review' })).subject).toBe('Tarkista tarjous 10001: Putki Oy (20001)');
  });

  it('lists what was not found and what to check', () => {
    const n = offerNotification(input(unmatched));

    expect(n.subject).toMatch(/^Tarkista tarjous \d+:/);
    expect(n.text).toMatch(/Tuotetta ei löytynyt:\n- /);
    expect(n.text).toMatch(/Tarkistettavaa:\n- line \d+ /);
    expect(n.html).toContain('<h4>Tuotetta ei l&#xF6;ytynyt</h4>');
  });

  it('writes in English for a salesperson who reads English', () => {
    const n = offerNotification(input(known, { language: 'en' }));
    expect(n.subject).toBe('Offer 10001 created: Putki Oy (20001)');
    expect(n.text).toContain('Net 102.00 EUR, VAT 26.01, gross 128.01 EUR');
  });

  it('escapes what came from the email in the HTML', () => {
    const hostile = { ...known, email: { ...known.email!, subject: '<script>alert(1)</script>' } };
    const n = offerNotification(input(hostile));
    expect(n.html).not.toContain('<script>');
    expect(n.html).toContain('&#x3C;script&#x3E;');
  });
});
