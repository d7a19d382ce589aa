import type { ErpAdapter } from '../../src/erp/ports.js';
import { MailBudget } from '../../src/domain/mail-budget.js';
import { ruleExtractor } from '../../src/extraction/line-extractor.js';
import { CatalogIndex } from '../../src/matching/catalog-index.js';
import type { PartyMemory } from '../../src/learning/party-memory.js';
import type { PhraseMemory } from '../../src/matching/phrase-memory.js';
import { DEFAULT_MAIL_LIMITS } from '../../src/reading/mail-limits.js';
import { ReadingPool } from '../../src/reading/reading-pool.js';
import { offerWorkflow, type WorkflowDefinition } from '../../src/workflow/definition.js';
import type { RunStore, StoredRunStatus } from '../../src/workflow/run-store.js';
import { WorkflowRunner } from '../../src/workflow/runner.js';
import type { StepEnvironment, WorkflowSettings } from '../../src/workflow/step.js';
import { newContext, type WorkflowContext } from '../../src/workflow/context.js';
import { systemClock, type Clock } from '../../src/time/clock.js';

export const SETTINGS: WorkflowSettings = {
  currency: 'EUR',
  offerValidityDays: 30,
  defaultSellerNumber: null,
  autoAcceptThreshold: 0.6,
  preferredBrands: {},
  timeZone: 'Europe/Helsinki',
  limits: DEFAULT_MAIL_LIMITS,
};

/** The real reading threads, shared by the tests of one file. */
export const READER = new ReadingPool(DEFAULT_MAIL_LIMITS, 2, systemClock);
export const RULES = ruleExtractor((text, budget) => READER.lines(text, budget));

/** Noon in Helsinki on a fixed day, so offer dates and price validity are the same on every run. */
export const NOW = new Date('2026-11-24T10:00:00Z');

/** Wall time stands at NOW; durations are measured as they pass. */
export const TEST_CLOCK: Clock = { now: () => NOW, monotonicMs: () => systemClock.monotonicMs() };

/** One process, whose claims never run out during a test. */
export const TEST_CLAIMS = claimsOf('test:1:0');

/** Another worker in the same test: a holder of its own, equally long-lived. */
export function claimsOf(self: string) {
  return { holders: { self, isGone: () => false }, leaseMs: 60_000, waitPollMs: 10 };
}

/** For steps that write to the ERP, in tests that are not about losing the run. */
export const NO_FENCE = async (): Promise<void> => undefined;

/** For steps and runs whose test is not about learning. */
export const NOTHING_LEARNED: PhraseMemory = { recall: async () => null, remember: async () => undefined, learnCodes: async () => undefined };

/** For steps and runs whose test is not about who reviewers said is who. */
export const NO_PARTIES_LEARNED: PartyMemory = {
  customerOfAddress: async () => null,
  customerOfDomain: async () => null,
  rememberCustomer: async () => undefined,
  salespersonOf: async () => null,
  rememberSalesperson: async () => undefined,
};

export function runnerFor(
  erp: ErpAdapter,
  store: RunStore,
  definition: WorkflowDefinition = offerWorkflow,
  memory = NOTHING_LEARNED,
  claims = TEST_CLAIMS,
  parties = NO_PARTIES_LEARNED,
): WorkflowRunner {
  return new WorkflowRunner({
    definition,
    store,
    erp,
    catalog: () => CatalogIndex.build(erp.products.iterate()),
    lineExtractor: RULES,
    reader: READER,
    memory,
    parties,
    settings: SETTINGS,
    claims,
    clock: TEST_CLOCK,
  });
}

/** A fresh context with only what a step under test needs already filled in. */
export function contextWith(patch: Partial<WorkflowContext> = {}, dryRun = false): WorkflowContext {
  return { ...newContext({ mailbox: 'rfq@seller.fi', messageId: '<test@putki.fi>' }, 'OF-test', dryRun), ...patch };
}

export function environment(erp: ErpAdapter, overrides: Partial<StepEnvironment> = {}): StepEnvironment {
  return {
    erp,
    catalog: () => CatalogIndex.build(erp.products.iterate()),
    lineExtractor: RULES,
    reader: READER,
    budget: new MailBudget(SETTINGS.limits.timeBudgetMs),
    memory: NOTHING_LEARNED,
    parties: NO_PARTIES_LEARNED,
    settings: SETTINGS,
    rawEmail: Buffer.alloc(0),
    now: () => NOW,
    fence: NO_FENCE,
    ...overrides,
  };
}

/** Writes a run's state as a test sets it up: under a claim of its own, like every write. */
export async function storeRun(store: RunStore, id: number, status: StoredRunStatus, context: WorkflowContext): Promise<void> {
  const now = new Date();
  const claim = await store.claim(id, { holder: 'test:0:setup', now: now.toISOString(), until: new Date(now.getTime() + 60_000).toISOString(), isGone: () => true });
  if (claim.kind !== 'claimed') throw new Error(`run ${id} is held by ${claim.holder}`);
  await store.save(id, claim.token, status, context);
  await store.release(id, claim.token);
}
