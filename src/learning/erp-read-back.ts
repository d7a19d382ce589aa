import { failureOf } from '../domain/failure.js';
import type { Offer, OfferLine } from '../domain/offer.js';
import type { ErpAdapter } from '../erp/ports.js';
import type { Correction, PhraseMemory } from '../matching/phrase-memory.js';
import type { Clock } from '../time/clock.js';
import { OFFERED_STATUSES, runsCreatedSince, type RunStore, type StoredRun } from '../workflow/run-store.js';
import type { WorkflowRunner } from '../workflow/runner.js';
import type { ReadBackLog, ReadBackRecord } from './ports.js';
import { replacedProducts, type Replacement } from './replaced-products.js';

/** One thing learned from an offer a salesperson changed in the ERP. */
export interface LearnedFromErp {
  runId: number;
  offerNumber: string;
  position: number;
  customerNumber: string | null;
  /** The customer's words for the line. */
  text: string;
  from: string;
  to: string;
  /** Who taught it, for the memory's provenance: "the ERP offer 10001". */
  source: string;
}

export interface ReadBackSummary {
  /** Offers read back from the ERP. */
  read: number;
  learned: LearnedFromErp[];
  /** Runs whose offer could not be read or learned from; the pass went on without them. */
  failed: { runId: number; error: string }[];
  /** The lease was lost halfway: another process goes on. */
  stoppedShort: boolean;
}

export interface ReadBackDependencies {
  runs: Pick<RunStore, 'createdSince'>;
  /** Each run is read back under its claim, so that no workspace action or worker crosses it. */
  runner: Pick<WorkflowRunner, 'revise'>;
  erp: Pick<ErpAdapter, 'offers' | 'products'>;
  memory: PhraseMemory;
  log: ReadBackLog;
  clock: Clock;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The offer as compared: its rows' products and quantities, in position order. */
function writtenKey(offer: Offer): string {
  return JSON.stringify([...offer.lines].sort((a, b) => a.position - b.position).map((l: OfferLine) => [l.position, l.sku, l.quantity]));
}

const sourceOf = (offerNumber: string) => `the ERP offer ${offerNumber}`;

/** The one place a read-back becomes a correction: provenance (`by`, `at`) is added here. */
/** The lesson, taught by the ERP offer itself: who changed its row there is not known. */
function correctionOf(run: StoredRun, replacement: Replacement, offerNumber: string): Correction {
  const line = run.context.requestedLines[replacement.requestIndex]!;
  const by = { id: `erp-offer:${offerNumber}`, name: sourceOf(offerNumber) };
  return { customerNumber: run.context.customer?.number ?? null, description: line.description, code: line.code, sku: replacement.to, by };
}

/**
 * Reads back the ERP offers of the runs created in the last `days` and learns, for each
 * requested line whose product a salesperson replaced there, the customer's words as that
 * product: as `offerflow correct` would, once per offer row and product.
 */
export async function readBackOffers(deps: ReadBackDependencies, options: { days: number; keepGoing?: () => Promise<boolean> }): Promise<ReadBackSummary> {
  const since = new Date(deps.clock.now().getTime() - options.days * DAY_MS).toISOString();
  const summary: ReadBackSummary = { read: 0, learned: [], failed: [], stoppedShort: false };
  for await (const run of runsCreatedSince(deps.runs, since, OFFERED_STATUSES)) {
    if (!run.context.offer) continue;
    if (options.keepGoing && !(await options.keepGoing())) return { ...summary, stoppedShort: true };
    try {
      const learned = await deps.runner.revise(run.id, async (current) => ({ save: null, answer: await readBack(deps, current) }));
      if (learned) summary.read += 1;
      summary.learned.push(...(learned ?? []));
    } catch (error) {
      summary.failed.push({ runId: run.id, error: failureOf(error).message });
    }
  }
  return summary;
}

/** Null when the run has no offer to read (any more). */
async function readBack(deps: ReadBackDependencies, run: StoredRun): Promise<LearnedFromErp[] | null> {
  const written = run.context.offer;
  if (!written) return null;
  const current = await deps.erp.offers.get(written.number);
  if (!current) return null;
  const replaced = replacedProducts(run.context, current);
  if (typeof replaced === 'string') return [];
  const before = await deps.log.get(run.id);
  const key = writtenKey(written);
  const record: ReadBackRecord = { runId: run.id, offerNumber: written.number, written: key, learned: before?.written === key ? { ...before.learned } : {}, readAt: deps.clock.now().toISOString() };
  const learned: LearnedFromErp[] = [];
  for (const replacement of replaced) {
    if (record.learned[replacement.position] === replacement.to) continue;
    if (!(await deps.erp.products.getBySku(replacement.to))) continue;
    // Remembered before it is recorded: a crash in between teaches the same product again, never nothing.
    await deps.memory.remember(correctionOf(run, replacement, written.number));
    record.learned[replacement.position] = replacement.to;
    learned.push({
      runId: run.id,
      offerNumber: written.number,
      position: replacement.position,
      customerNumber: run.context.customer?.number ?? null,
      text: run.context.requestedLines[replacement.requestIndex]!.text,
      from: replacement.from,
      to: replacement.to,
      source: sourceOf(written.number),
    });
  }
  await deps.log.put(record);
  return learned;
}
