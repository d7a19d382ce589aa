import type { MailBudget } from '../domain/mail-budget.js';
import type { ErpAdapter, WriteFence } from '../erp/ports.js';
import type { LineExtractor } from '../extraction/line-extractor.js';
import type { CatalogIndex } from '../matching/catalog-index.js';
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
  settings: WorkflowSettings;
  rawEmail: Buffer;
  now(): Date;
  /** Awaited before writing to the ERP: proves this worker still holds the run. */
  fence: WriteFence;
}

/** What a step changed; the runner merges it into the context and records the step. */
export interface StepOutput {
  patch?: Partial<Omit<WorkflowContext, 'version' | 'key' | 'reference' | 'dryRun' | 'steps' | 'warnings' | 'errors' | 'failure' | 'reviewReasons'>>;
  warnings?: string[];
  review?: string[];
  skipped?: string;
}

export interface WorkflowStep {
  readonly name: StepName;
  run(context: Readonly<WorkflowContext>, env: StepEnvironment): Promise<StepOutput>;
}
