import type { MailBudget } from '../domain/mail-budget.js';
import type { ErpAdapter, WriteFence } from '../erp/ports.js';
import type { LineExtractor } from '../extraction/line-extractor.js';
import type { CatalogIndex } from '../matching/catalog-index.js';
import type { PartyMemory } from '../learning/party-memory.js';
import type { PhraseMemory } from '../matching/phrase-memory.js';
import type { MailLimits } from '../reading/mail-limits.js';
import type { MailReader } from '../reading/mail-reader.js';
import type { StepName, WorkflowContext } from './context.js';

export interface WorkflowSettings {
  currency: string;
  offerValidityDays: number;
  defaultSellerNumber: string | null;
  autoAcceptThreshold: number;
  /** Per product group, the brands to offer first when a request names none. */
  preferredBrands: Readonly<Record<string, readonly string[]>>;
  /** The seller's time zone: offer dates and price-list validity are calendar dates there. */
  timeZone: string;
  /** How much of a mail is read, and how long reading it may take in all (see MailBudget). */
  limits: MailLimits;
}

/** What a step may use besides the context; everything with I/O comes in here. */
export interface StepEnvironment {
  erp: ErpAdapter;
  reader: MailReader;
  /** What is left of this mail's reading time. */
  budget: MailBudget;
  catalog(): Promise<CatalogIndex>;
  lineExtractor: LineExtractor;
  memory: PhraseMemory;
  /** Which customer a sender writes for, and who serves a customer, as reviewers taught. */
  parties: PartyMemory;
  settings: WorkflowSettings;
  rawEmail: Buffer;
  now(): Date;
  /** Awaited before writing to the ERP: proves this worker still holds the run. */
  fence: WriteFence;
}

export type ContextField = keyof WorkflowContext;

/** The part of the context a step (or a function of it) reads. */
export type StepContext<R extends ContextField> = Readonly<Pick<WorkflowContext, R>>;

/** Given when a run is made, before any step: what every step may read. */
export const GIVEN_FIELDS = ['key', 'reference', 'dryRun'] as const satisfies readonly ContextField[];

/**
 * What only the runner writes: the record of the steps, what they said, how the run failed,
 * whether it stopped early, which a step asks for through `StepOutput.notAnRfq`, and what people
 * did to the run (`review`, through `WorkflowRunner.revise`).
 */
type RunnerField = 'version' | (typeof GIVEN_FIELDS)[number] | 'steps' | 'warnings' | 'errors' | 'failure' | 'reviewReasons' | 'notAnRfq' | 'review';

/** A field a step may write. */
export type StepField = Exclude<ContextField, RunnerField>;

/** What a step changed; the runner merges it into the context and records the step. */
export interface StepOutput<W extends StepField = StepField> {
  patch?: Partial<Pick<WorkflowContext, W>>;
  warnings?: string[];
  review?: string[];
  skipped?: string;
  /** The email asks for nothing, and why: the run ends after this step as `not_an_rfq`. */
  notAnRfq?: string;
}

/**
 * A step and its contract: the context fields it reads (all it is given) and the fields its patch
 * may set. The runner holds every step to it, and the definition checks at start-up that each
 * field read is given or written by an earlier step, so the data flow is on the page.
 */
export interface WorkflowStep<R extends ContextField = ContextField, W extends StepField = StepField> {
  readonly name: StepName;
  readonly reads: readonly R[];
  readonly writes: readonly W[];
  run(context: StepContext<R>, env: StepEnvironment): Promise<StepOutput<NoInfer<W>>>;
}

/** Infers a step's reads and writes from its lists, so its `run` is typed against exactly those. */
export function defineStep<const R extends ContextField, const W extends StepField = never>(step: WorkflowStep<R, W>): WorkflowStep<R, W> {
  return step;
}
