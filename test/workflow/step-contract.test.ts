import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalErp } from '../../src/erp/local/adapter.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { newContext } from '../../src/workflow/context.js';
import { defineWorkflow, offerWorkflow } from '../../src/workflow/definition.js';
import { defineStep } from '../../src/workflow/step.js';
import { contextFor, dataFlowProblems } from '../../src/workflow/step-contract.js';
import { findCustomer } from '../../src/workflow/steps/find-customer.js';
import { buildOfferWritingOffer } from '../fixtures/step-contract/build-offer-writing-offer.js';
import { matchingBeforeReading } from '../fixtures/step-contract/reads-before-written.js';
import { fixture } from '../support/fixtures.js';
import { runnerFor } from '../support/runner.js';
import { seededErp, tempDataDir } from '../support/seller.js';
import { systemClock } from '../../src/time/clock.js';

describe('a step reads and writes only what it declares', () => {
  let erp: LocalErp;
  let opened: Store;

  beforeEach(async () => {
    const dataDir = tempDataDir();
    erp = await seededErp(dataDir);
    opened = await openStore(dataDir, null, systemClock);
  });

  afterEach(async () => {
    await erp.close();
    await opened.close();
  });

  it('fails the run, writing nothing, when a step patches a field it does not declare', async () => {
    const definition = defineWorkflow(offerWorkflow.steps.map((d) => (d.step.name === 'build_offer' ? { ...d, step: buildOfferWritingOffer } : d)));

    const { result } = await runnerFor(erp, opened.runs, definition).process(fixture('workflow/rfq-known-customer.eml'), { mailbox: 'rfq@seller.fi' });

    expect(result.status).toBe('failed');
    expect(result.failure).toEqual({ code: 'step_contract_broken', permanent: true });
    expect(result.errors).toEqual(['build_offer: wrote offer, which the step does not declare (it writes draft)']);
    expect(result.offerNumber).toBeNull();
    expect(await erp.offers.get('10001')).toBeNull();
  });

  it('gives a step only the fields it reads', () => {
    const context = { ...newContext({ mailbox: 'm', messageId: '<a@b>' }, 'OF-1', false), body: 'Hei' };

    expect(Object.keys(contextFor(findCustomer, context))).toEqual(['company']);
  });

  it('lets the type system refuse undeclared reads and writes it can see', () => {
    const step = defineStep({
      name: 'find_customer',
      reads: ['company'],
      writes: ['customer'],
      async run(context) {
        // @ts-expect-error the step does not read the email
        void context.email;
        return { patch: { customer: null } };
      },
    });
    // @ts-expect-error a patch of none of the declared fields
    defineStep({ name: 'find_customer', reads: [], writes: ['customer'], run: async () => ({ patch: { salesperson: null } }) });
    // @ts-expect-error whether a run stopped early is the runner's to write
    defineStep({ name: 'find_customer', reads: [], writes: ['notAnRfq'], run: async () => ({}) });

    expect(step.writes).toEqual(['customer']);
  });
});

describe('the workflow definition', () => {
  it('refuses, at once, a step that reads what no earlier step writes', () => {
    expect(() => defineWorkflow(matchingBeforeReading)).toThrow(
      "the workflow's data flow is broken: match_products reads requestedLines, customer, which no earlier step writes",
    );
  });

  it('has every field read given at the start or written before it is read', () => {
    expect(dataFlowProblems(offerWorkflow.steps.map((d) => d.step))).toEqual([]);
  });
});
