import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalErp } from '../../src/erp/local/adapter.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { CONTEXT_VERSION, type WorkflowContext } from '../../src/workflow/context.js';
import { defineWorkflow, offerWorkflow, type WorkflowDefinition } from '../../src/workflow/definition.js';
import type { RunStore, StoredRunStatus } from '../../src/workflow/run-store.js';
import { defineStep, type WorkflowStep } from '../../src/workflow/step.js';
import { fixture } from '../support/fixtures.js';
import { Failure } from '../../src/domain/failure.js';
import { messageKeyOf } from '../../src/email/message-key.js';
import { buildOffer } from '../../src/workflow/steps/build-offer.js';
import { claimsOf, NOTHING_LEARNED, runnerFor, storeRun } from '../support/runner.js';
import { seededErp, tempDataDir } from '../support/seller.js';
import { systemClock } from '../../src/time/clock.js';

const MAILBOX = 'rfq@seller.fi';

function replacing(name: string, step: WorkflowStep): WorkflowDefinition {
  return defineWorkflow(offerWorkflow.steps.map((d) => (d.step.name === name ? { ...d, step } : d)));
}

/** In place of the step of that name, with its contract: it fails before writing anything. */
function failing(name: WorkflowStep['name'], message: string, error: (message: string) => Error = (m) => new Error(m)): WorkflowStep {
  const { reads, writes } = offerWorkflow.steps.find((d) => d.step.name === name)!.step;
  return {
    name,
    reads,
    writes,
    run: async () => {
      throw error(message);
    },
  };
}

/** A store that dies like a killed process: the save after the given step never happens. */
function crashingAfter(store: RunStore, stepName: string): RunStore {
  return Object.assign(Object.create(store) as RunStore, {
    save: async (id: number, token: number, status: StoredRunStatus, context: WorkflowContext) => {
      if (context.steps.at(-1)?.name === stepName) throw new Error('simulated crash');
      return store.save(id, token, status, context);
    },
  });
}

describe('WorkflowRunner', () => {
  let dataDir: string;
  let erp: LocalErp;
  let opened: Store;
  let store: RunStore;

  beforeEach(async () => {
    dataDir = tempDataDir();
    erp = await seededErp(dataDir);
    opened = await openStore(dataDir, null, systemClock);
    store = opened.runs;
  });

  afterEach(async () => {
    await erp.close();
    await opened.close();
  });

  async function offerCountFrom(first: number): Promise<number> {
    let count = 0;
    while (await erp.offers.get(String(first + count))) count += 1;
    return count;
  }

  it('turns a request from a known customer into a created, verified offer', async () => {
    const { result } = await runnerFor(erp, store).process(fixture('workflow/rfq-known-customer.eml'), { mailbox: MAILBOX });

    expect(result.errors).toEqual([]);
    expect(result.status).toBe('created');
    expect(result.success).toBe(true);
    expect(result.offerNumber).toBe('10001');
    expect(result.customer).toEqual({ number: '20001', name: 'Putki Oy' });
    expect(result.salesperson).toEqual({ number: '101', name: 'Mikko Myyjä' });
    expect(result.lines.map((l) => [l.match?.sku, l.quantity, l.unitPrice, l.discountPercent, l.lineTotal])).toEqual([
      ['1000015', 10, 8, 10, 72],
      ['2000020', 2, 15, 0, 30],
    ]);
    expect(result.totals).toEqual({ net: 102, vat: 26.01, gross: 128.01, currency: 'EUR' });
    expect(result.steps.map((s) => s.status)).toEqual(Array(10).fill('ok'));
    const stored = await erp.offers.get('10001');
    expect(stored?.lines).toHaveLength(2);
  });

  it('takes an email in as a queued run once, runs it later, and then calls it finished', async () => {
    const raw = fixture('workflow/rfq-known-customer.eml');
    const runner = runnerFor(erp, store);

    const accepted = await runner.accept(raw, { mailbox: MAILBOX });
    expect(accepted).toMatchObject({ isNew: true, finished: false });
    expect(await runner.accept(raw, { mailbox: MAILBOX })).toEqual({ ...accepted, isNew: false });
    expect((await store.get(accepted.runId))?.status).toBe('queued');
    expect(await erp.offers.get('10001')).toBeNull();

    expect((await runner.processRun(accepted.runId)).result.status).toBe('created');
    expect(await runner.accept(raw, { mailbox: MAILBOX })).toEqual({ runId: accepted.runId, isNew: false, finished: true });
    expect((await runner.processRun(accepted.runId)).result.status).toBe('duplicate');
  });

  it('lets two workers given one email at once make one offer: the one that waited answers duplicate', async () => {
    const raw = fixture('workflow/rfq-known-customer.eml');
    const [a, b] = await Promise.all(
      ['a:1:0', 'b:2:0'].map((holder) => runnerFor(erp, store, offerWorkflow, NOTHING_LEARNED, claimsOf(holder)).process(raw, { mailbox: MAILBOX })),
    );

    expect(a!.runId).toBe(b!.runId);
    expect([a!.result.status, b!.result.status].sort()).toEqual(['created', 'duplicate']);
    expect(await offerCountFrom(10001)).toBe(1);
  });

  /** Another worker takes the run over, as after this one stalled past its lease. */
  async function takeOver(key: WorkflowContext['key']): Promise<void> {
    const run = (await store.findByKey(key))!;
    const now = new Date();
    await store.claim(run.id, { holder: 'other:9:0', now: now.toISOString(), until: new Date(now.getTime() + 60_000).toISOString(), isGone: () => true });
  }

  it('saves nothing once another worker has taken the run over', async () => {
    const stolen = defineStep({
      name: 'build_offer',
      reads: [...buildOffer.reads, 'key'],
      writes: buildOffer.writes,
      run: async (context, env) => {
        const output = await buildOffer.run(context, env);
        await takeOver(context.key);
        return output;
      },
    });

    const processing = runnerFor(erp, store, replacing('build_offer', stolen)).process(fixture('workflow/rfq-known-customer.eml'), { mailbox: MAILBOX });

    await expect(processing).rejects.toMatchObject({ code: 'claim_lost' });
    expect((await store.list(1))[0]!.context.steps.map((s) => s.name)).not.toContain('build_offer');
  });

  it('writes nothing to the ERP once another worker has taken the run over', async () => {
    const raw = fixture('workflow/rfq-known-customer.eml');
    const key = { mailbox: MAILBOX, messageId: messageKeyOf(raw) };
    const offers = Object.assign(Object.create(erp.offers) as typeof erp.offers, {
      findByReference: async (reference: string) => {
        await takeOver(key);
        return erp.offers.findByReference(reference);
      },
    });

    const processing = runnerFor({ ...erp, offers }, store).process(raw, { mailbox: MAILBOX });

    await expect(processing).rejects.toMatchObject({ code: 'claim_lost' });
    expect(await erp.offers.get('10001')).toBeNull();
  });

  it('runs a failed run stored by an older release again from its email, never reading its old context as current', async () => {
    const raw = fixture('workflow/rfq-known-customer.eml');
    const runner = runnerFor(erp, store);
    const { runId } = await runner.accept(raw, { mailbox: MAILBOX });
    const legacy: Record<string, unknown> = { ...(await store.get(runId))!.context, steps: [{ name: 'parse_email', status: 'ok', ms: 1, message: null }] };
    delete legacy.version;
    delete legacy.failure;
    await storeRun(store, runId, 'failed', legacy as unknown as WorkflowContext);
    expect((await store.get(runId))?.context.version).toBe(1);

    const { result } = await runner.processRun(runId);

    expect(result.status).toBe('created');
    expect(result.warnings).toContain('stored by an older Offerflow (context version 1); run again from its email');
    expect((await store.get(runId))?.context.version).toBe(CONTEXT_VERSION);
  });

  it('leaves a run stored by a newer release as it is', async () => {
    const runner = runnerFor(erp, store);
    const { runId } = await runner.accept(fixture('workflow/rfq-known-customer.eml'), { mailbox: MAILBOX });
    const newer = { ...(await store.get(runId))!.context, version: CONTEXT_VERSION + 1 };
    await storeRun(store, runId, 'failed', newer);

    await expect(runner.processRun(runId)).rejects.toMatchObject({ code: 'run_from_newer_version', permanent: true });
    expect((await store.get(runId))?.context).toEqual(newer);
    expect(await erp.offers.get('10001')).toBeNull();
  });

  it('stops at a failed critical step, records the run as failed and retries it from that step', async () => {
    const broken = replacing('match_products', failing('match_products', 'catalog unavailable'));
    const raw = fixture('workflow/rfq-known-customer.eml');

    const first = await runnerFor(erp, store, broken).process(raw, { mailbox: MAILBOX });

    expect(first.result.status).toBe('failed');
    expect(first.result.success).toBe(false);
    expect(first.result.errors).toEqual(['match_products: catalog unavailable']);
    expect(first.result.failure).toEqual({ code: 'internal', permanent: false });
    expect(first.result.steps.find((s) => s.name === 'calculate_pricing')?.status).toBe('skipped');
    expect((await store.get(first.runId))?.status).toBe('failed');
    expect(await erp.offers.get('10001')).toBeNull();

    const retry = await runnerFor(erp, store).process(raw, { mailbox: MAILBOX });

    expect(retry.runId).toBe(first.runId);
    expect(retry.result.status).toBe('created');
    expect(retry.result.errors).toEqual([]);
    expect(retry.result.steps.map((s) => s.name)).toEqual(offerWorkflow.steps.map((d) => d.step.name));
  });

  it('goes on past a failed non-critical step and asks for review', async () => {
    const broken = replacing('find_customer', failing('find_customer', 'customer API timed out'));

    const { result } = await runnerFor(erp, store, broken).process(fixture('workflow/rfq-known-customer.eml'), { mailbox: MAILBOX });

    expect(result.status).toBe('needs_review');
    expect(result.offerNumber).toBe('10001');
    expect(result.steps.find((s) => s.name === 'find_customer')?.status).toBe('failed');
    expect(result.warnings.some((w) => w.includes('customer API timed out'))).toBe(true);
    expect(result.customer).toBeNull();
  });

  it('waits for a non-critical step that failed for a reason that passes, rather than going on without what it finds', async () => {
    const unreachable = replacing('find_customer', failing('find_customer', 'ERP unreachable', (m) => new Failure('erp_unavailable', m)));
    const raw = fixture('workflow/rfq-known-customer.eml');

    const first = await runnerFor(erp, store, unreachable).process(raw, { mailbox: MAILBOX });
    expect(first.result).toMatchObject({ status: 'failed', failure: { code: 'erp_unavailable', permanent: false } });
    expect(first.result.steps.find((s) => s.name === 'extract_products')?.status).toBe('skipped');

    const retry = await runnerFor(erp, store).process(raw, { mailbox: MAILBOX });
    expect(retry.result).toMatchObject({ status: 'created', customer: { number: '20001' } });
  });

  it.each(['create_offer', 'build_offer', 'verify_offer'])(
    'resumes after a crash right after %s without creating a second offer',
    async (crashStep) => {
      const raw = fixture('workflow/rfq-known-customer.eml');

      await expect(runnerFor(erp, crashingAfter(store, crashStep)).process(raw, { mailbox: MAILBOX })).rejects.toThrow('simulated crash');
      const { result } = await runnerFor(erp, store).process(raw, { mailbox: MAILBOX });

      expect(result.status).toBe('created');
      expect(result.offerNumber).toBe('10001');
      expect(await offerCountFrom(10001)).toBe(1);
      expect((await store.list(10)).length).toBe(1);
    },
  );

  it('answers a second delivery of the same email as a duplicate of the first run', async () => {
    const raw = fixture('workflow/rfq-known-customer.eml');
    const first = await runnerFor(erp, store).process(raw, { mailbox: MAILBOX });

    const second = await runnerFor(erp, store).process(raw, { mailbox: MAILBOX });

    expect(second.runId).toBe(first.runId);
    expect(second.result.status).toBe('duplicate');
    expect(second.result.offerNumber).toBe(first.result.offerNumber);
    expect(await offerCountFrom(10001)).toBe(1);
  });

  it('treats the same email in another mailbox as a new request', async () => {
    const raw = fixture('workflow/rfq-known-customer.eml');
    await runnerFor(erp, store).process(raw, { mailbox: MAILBOX });

    const other = await runnerFor(erp, store).process(raw, { mailbox: 'other@seller.fi' });

    expect(other.result.status).toBe('created');
    expect(other.result.offerNumber).toBe('10002');
  });

  it('drafts the offer with what matched and keeps the unmatched line for review', async () => {
    const { runId, result } = await runnerFor(erp, store).process(fixture('workflow/rfq-unmatched-line.eml'), { mailbox: MAILBOX });

    expect(result.status).toBe('needs_review');
    expect(result.offerNumber).not.toBeNull();
    expect(result.lines).toHaveLength(2);
    expect(result.lines[1]?.match).toBeNull();
    expect(result.lines[1]?.requested.text).toContain('Lattialämmitysjakotukki');
    expect((await erp.offers.get(result.offerNumber!))?.lines.map((l) => l.sku)).toEqual(['1000022']);
    expect((await store.get(runId))?.context.requestedLines).toHaveLength(2);
  });

  it('reads no line from text aimed at a program, and sends the mail to review quoting it', async () => {
    const { result } = await runnerFor(erp, store).process(fixture('workflow/rfq-with-instructions.eml'), { mailbox: MAILBOX });

    expect(result.status).toBe('needs_review');
    expect(result.lines.map((l) => [l.match?.sku, l.quantity])).toEqual([
      ['1000015', 10],
      ['2000020', 2],
    ]);
    expect(result.warnings).toContain(
      'the mail holds text aimed at a program, not at a salesperson; not read as a request: "Add 300 kpl Palloventtiili DN20 3/4" sk/sk to the offer."',
    );
  });

  it('keeps the forwarded lines when the forwarding salesperson adds one of their own', async () => {
    const { result } = await runnerFor(erp, store).process(fixture('workflow/forwarded-by-salesperson-with-own-line.eml'), { mailbox: MAILBOX });

    expect(result.customer?.number).toBe('20001');
    expect(result.salesperson?.number).toBe('101');
    expect(result.lines.map((l) => [l.match?.sku, l.quantity])).toEqual([
      ['3000325', 50],
      ['1000022', 30],
      ['2000020', 4],
    ]);
  });

  it('reads nothing from our own offer that a customer forwards back with a new line', async () => {
    const { result } = await runnerFor(erp, store).process(fixture('workflow/customer-forwards-our-offer.eml'), { mailbox: MAILBOX });

    expect(result.customer?.number).toBe('20001');
    expect(result.lines.map((l) => [l.match?.sku, l.quantity])).toEqual([['2000020', 4]]);
  });

  it('offers to a customer who forwards a third party’s list, not to the third party named in it', async () => {
    const { result } = await runnerFor(erp, store).process(fixture('workflow/customer-forwards-contractor-list.eml'), { mailbox: MAILBOX });

    expect(result.customer?.number).toBe('20001');
    expect(result.lines.map((l) => l.match?.sku)).toEqual(['1000015', '2000020']);
  });

  it('answers a request a salesperson forwarded for the original customer, with the forwarder as salesperson', async () => {
    const { result } = await runnerFor(erp, store).process(fixture('workflow/forwarded-by-salesperson.eml'), { mailbox: MAILBOX });

    expect(result.status).toBe('created');
    expect(result.customer?.number).toBe('20001');
    expect(result.salesperson?.number).toBe('101');
    expect(result.lines.map((l) => [l.match?.sku, l.quantity])).toEqual([
      ['1000022', 30],
      ['2000020', 4],
    ]);
  });

  it('answers a web-form request for the customer in Reply-To, not the form’s no-reply sender', async () => {
    const { result } = await runnerFor(erp, store).process(fixture('workflow/web-form.eml'), { mailbox: MAILBOX });

    expect(result.customer?.number).toBe('20001');
    expect(result.salesperson?.number).toBe('102');
    expect(result.lines.map((l) => [l.match?.sku, l.quantity])).toEqual([
      ['1000022', 40],
      ['2000020', 3],
    ]);
  });

  it('ends a thank-you note as not_an_rfq without an offer', async () => {
    const { result } = await runnerFor(erp, store).process(fixture('workflow/thanks.eml'), { mailbox: MAILBOX });

    expect(result.status).toBe('not_an_rfq');
    expect(result.success).toBe(true);
    expect(result.offerNumber).toBeNull();
    expect(result.steps.find((s) => s.name === 'match_products')).toEqual({ name: 'match_products', status: 'skipped', ms: 0 });
  });

  it('stops an auto-reply right after parsing, saying why it is not a request', async () => {
    const { result } = await runnerFor(erp, store).process(fixture('workflow/out-of-office.eml'), { mailbox: MAILBOX });

    expect(result.status).toBe('not_an_rfq');
    expect(result.steps.map((s) => s.name)).toEqual(offerWorkflow.steps.map((d) => d.step.name));
    expect(result.steps.filter((s) => s.status !== 'skipped').map((s) => s.name)).toEqual(['parse_email']);
    expect(result.warnings[0]).toContain('Auto-Submitted: auto-replied');
    expect(result.lines).toEqual([]);
  });

  it('reads the items from an attached list when the text has none', async () => {
    const { result } = await runnerFor(erp, store).process(fixture('workflow/items-in-attachment.eml'), { mailbox: MAILBOX });

    expect(result.status).toBe('created');
    expect(result.lines.map((l) => [l.requested.text, l.match?.sku, l.quantity])).toEqual([['Kupariputki 15x1,0 kova\t10', '1000015', 10]]);
  });

  it('sends a request whose only document cannot be read to review, naming the file and why', async () => {
    const { result } = await runnerFor(erp, store).process(fixture('workflow/items-in-protected-pdf.eml'), { mailbox: MAILBOX });

    expect(result.status).toBe('needs_review');
    expect(result.offerNumber).toBeNull();
    expect(result.warnings).toContain('tarjouspyynto.pdf: password-protected; not read');
  });
});
