import type { ErpAdapter } from '../../src/erp/ports.js';
import { ruleExtractor } from '../../src/extraction/line-extractor.js';
import { CatalogIndex } from '../../src/matching/catalog-index.js';
import type { PhraseMemory } from '../../src/matching/phrase-memory.js';
import { offerWorkflow, type WorkflowDefinition } from '../../src/workflow/definition.js';
import type { RunStore } from '../../src/workflow/run-store.js';
import { WorkflowRunner } from '../../src/workflow/runner.js';
import type { StepEnvironment, WorkflowSettings } from '../../src/workflow/step.js';
import { newContext, type WorkflowContext } from '../../src/workflow/context.js';

export const SETTINGS: WorkflowSettings = {
  currency: 'EUR',
  offerValidityDays: 30,
  defaultSellerNumber: null,
  autoAcceptThreshold: 0.6,
  timeZone: 'Europe/Helsinki',
};

/** Noon in Helsinki on a fixed day, so offer dates and price validity are the same on every run. */
export const NOW = new Date('2026-11-24T10:00:00Z');

/** For steps and runs whose test is not about learning. */
export const NOTHING_LEARNED: PhraseMemory = { recall: async () => null, remember: async () => undefined };

export function runnerFor(erp: ErpAdapter, store: RunStore, definition: WorkflowDefinition = offerWorkflow, memory = NOTHING_LEARNED): WorkflowRunner {
  return new WorkflowRunner({
    definition,
    store,
    erp,
    catalog: () => CatalogIndex.build(erp.products.iterate()),
    lineExtractor: ruleExtractor,
    memory,
    settings: SETTINGS,
    now: () => NOW,
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
    lineExtractor: ruleExtractor,
    memory: NOTHING_LEARNED,
    settings: SETTINGS,
    rawEmail: Buffer.alloc(0),
    now: () => NOW,
    ...overrides,
  };
}
