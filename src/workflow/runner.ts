import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ErpAdapter } from '../erp/ports.js';
import { messageKeyOf } from '../email/message-key.js';
import type { LineExtractor } from '../extraction/line-extractor.js';
import type { CatalogIndex } from '../matching/catalog-index.js';
import type { PhraseMemory } from '../matching/phrase-memory.js';
import { newContext, type RunKey, type StepRecord, type WorkflowContext } from './context.js';
import type { DefinedStep, WorkflowDefinition } from './definition.js';
import { finalStatus, toResult, type WorkflowResult } from './result.js';
import type { RunStore, StoredRunStatus } from './run-store.js';
import type { StepEnvironment, WorkflowSettings } from './step.js';

export interface RunnerDependencies {
  definition: WorkflowDefinition;
  store: RunStore;
  erp: ErpAdapter;
  catalog(): Promise<CatalogIndex>;
  lineExtractor: LineExtractor;
  memory: PhraseMemory;
  settings: WorkflowSettings;
  now?: () => Date;
}

export interface ProcessOptions {
  mailbox: string;
  dryRun?: boolean;
}

export interface AcceptedEmail {
  runId: number;
  /** Seen for the first time: its run was created now. */
  isNew: boolean;
  /** The email was processed before: nothing is left to do. */
  finished: boolean;
}

export interface ProcessedEmail {
  runId: number;
  result: WorkflowResult;
}

const FINISHED: ReadonlySet<StoredRunStatus> = new Set(['created', 'needs_review', 'not_an_rfq', 'duplicate']);

/** Stable per email, so the ERP can be asked whether this email already has an offer. */
function referenceOf(key: RunKey): string {
  return `OF-${createHash('sha256').update(`${key.mailbox}\n${key.messageId}`).digest('hex').slice(0, 16)}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failed run is retried from the step that failed; a crashed run simply continues. */
function resumable(context: WorkflowContext, definition: WorkflowDefinition): WorkflowContext {
  const critical = new Set(definition.steps.filter((d) => d.critical).map((d) => d.step.name));
  return {
    ...context,
    errors: [],
    steps: context.steps.filter((s) => !(s.status === 'failed' && critical.has(s.name))),
  };
}

export class WorkflowRunner {
  private readonly now: () => Date;

  constructor(private readonly deps: RunnerDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Takes an email in (a service queues it for a worker), or finds the run it already has. */
  async accept(rawEmail: Buffer, options: ProcessOptions): Promise<AcceptedEmail> {
    const key: RunKey = { mailbox: options.mailbox, messageId: messageKeyOf(rawEmail) };
    const existing = await this.deps.store.findByKey(key);
    if (existing) return { runId: existing.id, isNew: false, finished: FINISHED.has(existing.status) };
    try {
      const run = await this.deps.store.create(key, rawEmail, newContext(key, referenceOf(key), options.dryRun ?? false));
      return { runId: run.id, isNew: true, finished: false };
    } catch (error) {
      // Another process watching the same mailbox took the mail in first: the unique key held.
      const raced = await this.deps.store.findByKey(key);
      if (!raced) throw error;
      return { runId: raced.id, isNew: false, finished: FINISHED.has(raced.status) };
    }
  }

  async isFinished(runId: number): Promise<boolean> {
    const run = await this.deps.store.get(runId);
    return run !== null && FINISHED.has(run.status);
  }

  async process(rawEmail: Buffer, options: ProcessOptions): Promise<ProcessedEmail> {
    return this.processRun((await this.accept(rawEmail, options)).runId);
  }

  /** Runs what is left of a run: all of a new one, from the failed step of a failed one, nothing of a finished one. */
  async processRun(runId: number): Promise<ProcessedEmail> {
    const { store, definition } = this.deps;
    const run = await store.get(runId);
    if (!run) throw new Error(`run ${runId} does not exist`);
    if (FINISHED.has(run.status)) {
      return { runId, result: { ...toResult(run.context, 'duplicate'), warnings: [`already processed as run ${runId}`] } };
    }
    let context = resumable(run.context, definition);
    const env = this.environment(await store.rawEmail(runId));
    for (const defined of definition.steps) {
      if (context.notAnRfq) break;
      if (context.steps.some((s) => s.name === defined.step.name)) continue;
      const outcome = await this.runStep(defined, context, env);
      context = outcome.context;
      if (outcome.failed) {
        await store.save(runId, 'failed', context);
        return { runId, result: toResult(context, 'failed') };
      }
      await store.save(runId, 'running', context);
    }
    const status = finalStatus(context);
    await store.save(runId, status, context);
    return { runId, result: toResult(context, status) };
  }

  private environment(rawEmail: Buffer): StepEnvironment {
    const { erp, catalog, lineExtractor, memory, settings } = this.deps;
    return { erp, catalog, lineExtractor, memory, settings, rawEmail, now: this.now };
  }

  private async runStep(
    defined: DefinedStep,
    context: WorkflowContext,
    env: StepEnvironment,
  ): Promise<{ context: WorkflowContext; failed: boolean }> {
    const { step, critical } = defined;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const output = await step.run(context, env);
      const warnings = output.warnings ?? [];
      const review = output.review ?? [];
      const record: StepRecord = {
        name: step.name,
        status: output.skipped ? 'skipped' : warnings.length || review.length ? 'warning' : 'ok',
        ms: elapsed(),
        message: output.skipped ?? null,
      };
      return {
        failed: false,
        context: {
          ...context,
          ...output.patch,
          warnings: [...context.warnings, ...warnings],
          reviewReasons: [...context.reviewReasons, ...review],
          steps: [...context.steps, record],
        },
      };
    } catch (error) {
      const text = `${step.name}: ${message(error)}`;
      const record: StepRecord = { name: step.name, status: 'failed', ms: elapsed(), message: message(error) };
      const steps = [...context.steps, record];
      return critical
        ? { failed: true, context: { ...context, errors: [...context.errors, text], steps } }
        : { failed: false, context: { ...context, reviewReasons: [...context.reviewReasons, `${text} (step failed)`], steps } };
    }
  }
}
