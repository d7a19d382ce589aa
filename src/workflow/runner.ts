import { createHash } from 'node:crypto';
import type { ErpAdapter } from '../erp/ports.js';
import { messageKeyOf } from '../email/message-key.js';
import type { LineExtractor } from '../extraction/line-extractor.js';
import type { CatalogIndex } from '../matching/catalog-index.js';
import type { PartyMemory } from '../learning/party-memory.js';
import type { PhraseMemory } from '../matching/phrase-memory.js';
import type { MailReader, ReadMail } from '../reading/mail-reader.js';
import type { Clock } from '../time/clock.js';
import { Failure, failureOf } from '../domain/failure.js';
import { MailBudget } from '../domain/mail-budget.js';
import { resumptionOf } from './context-version.js';
import { CONTEXT_VERSION, newContext, type RunKey, type StepName, type StepRecord, type WorkflowContext } from './context.js';
import type { DefinedStep, WorkflowDefinition } from './definition.js';
import { finalStatus, toResult, type WorkflowResult } from './result.js';
import { claimRun, type ClaimSettings, type HeldRun } from './run-claim.js';
import type { RunStore, StoredRun, StoredRunStatus } from './run-store.js';
import type { StepEnvironment, StepOutput, WorkflowSettings } from './step.js';
import { checkedPatch, contextFor } from './step-contract.js';

export interface RunnerDependencies {
  definition: WorkflowDefinition;
  store: RunStore;
  erp: ErpAdapter;
  catalog(): Promise<CatalogIndex>;
  lineExtractor: LineExtractor;
  reader: MailReader;
  memory: PhraseMemory;
  parties: PartyMemory;
  settings: WorkflowSettings;
  claims: Omit<ClaimSettings, 'maxWriteMs'>;
  clock: Clock;
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

/** What a person's change to a run (`revise`) may use: what steps are given, and steps run again. */
export interface RevisionTools {
  env: StepEnvironment;
  /** Runs the named steps of the definition again, in its order, each record and remarks replacing its last. */
  rerun(context: WorkflowContext, names: readonly StepName[]): Promise<{ context: WorkflowContext; failed: boolean }>;
}

/** What a revision came to: the context and status to save, or nothing to save, and what to answer. */
export type Revision<T> = { save: { context: WorkflowContext; status: StoredRunStatus } | null; answer: T };

const FINISHED: ReadonlySet<StoredRunStatus> = new Set(['created', 'needs_review', 'not_an_rfq', 'duplicate']);
const isFinished = (status: StoredRunStatus) => FINISHED.has(status);

/** Stable per email, so the ERP can be asked whether this email already has an offer. */
function referenceOf(key: RunKey): string {
  return `OF-${createHash('sha256').update(`${key.mailbox}\n${key.messageId}`).digest('hex').slice(0, 16)}`;
}

/**
 * Where a run goes on from. A failed run is retried from the step that failed it; a crashed run
 * simply continues; a run stored by an older release starts again from its raw email.
 */
function resumable(context: WorkflowContext): WorkflowContext {
  const failedAt = context.failure?.step;
  return { ...context, errors: [], failure: null, steps: context.steps.filter((s) => !(s.status === 'failed' && s.name === failedAt)) };
}

/**
 * What a step's output makes of the context. Only here does a run stop early: a step says the
 * email asks for nothing, and why, and the run records it and ends as `not_an_rfq`.
 */
function merged(context: WorkflowContext, output: StepOutput, patch: StepOutput['patch'], record: StepRecord): WorkflowContext {
  const stop = output.notAnRfq ? [`not a request for quotation: ${output.notAnRfq}`] : [];
  return {
    ...context,
    ...patch,
    notAnRfq: context.notAnRfq || stop.length > 0,
    warnings: [...context.warnings, ...stop, ...(output.warnings ?? [])],
    reviewReasons: [...context.reviewReasons, ...(output.review ?? [])],
    steps: [...context.steps, record],
  };
}

function duplicateOf(run: StoredRun): ProcessedEmail {
  return { runId: run.id, result: { ...toResult(run.context, 'duplicate'), warnings: [`already processed as run ${run.id}`] } };
}

/** A run stored by a newer release: this one cannot read it, and must not touch it. */
function newerFailure(run: StoredRun, storedVersion: number): Failure {
  return new Failure('run_from_newer_version', `run ${run.id} was stored by a newer Offerflow (context version ${storedVersion}; this one reads up to ${CONTEXT_VERSION}); upgrade to continue it`);
}

export class WorkflowRunner {
  private readonly clock: Clock;

  constructor(private readonly deps: RunnerDependencies) {
    this.clock = deps.clock;
  }

  /** Takes an email in (a service queues it for a worker), or finds the run it already has. */
  async accept(rawEmail: Buffer, options: ProcessOptions): Promise<AcceptedEmail> {
    const key: RunKey = { mailbox: options.mailbox, messageId: messageKeyOf(rawEmail) };
    const existing = await this.deps.store.findByKey(key);
    if (existing) return { runId: existing.id, isNew: false, finished: isFinished(existing.status) };
    try {
      const run = await this.deps.store.create(key, rawEmail, newContext(key, referenceOf(key), options.dryRun ?? false));
      return { runId: run.id, isNew: true, finished: false };
    } catch (error) {
      // Another process watching the same mailbox took the mail in first: the unique key held.
      const raced = await this.deps.store.findByKey(key);
      if (!raced) throw error;
      return { runId: raced.id, isNew: false, finished: isFinished(raced.status) };
    }
  }

  /** Reads a mail as the first step does, off the event loop and within the mail's time budget, for mail not worked on as a request. */
  readMail(raw: Buffer): Promise<ReadMail> {
    return this.deps.reader.read(raw, new MailBudget(this.deps.settings.limits.timeBudgetMs));
  }

  async isFinished(runId: number): Promise<boolean> {
    const run = await this.deps.store.get(runId);
    return run !== null && isFinished(run.status);
  }

  async process(rawEmail: Buffer, options: ProcessOptions): Promise<ProcessedEmail> {
    return this.processRun((await this.accept(rawEmail, options)).runId);
  }

  /**
   * Runs what is left of a run: all of a new one, from the failed step of a failed one, nothing
   * of a finished one. While another worker holds the run this waits, and answers `duplicate`
   * once that worker has finished it: two workers never run one email at once.
   */
  async processRun(runId: number): Promise<ProcessedEmail> {
    const { store } = this.deps;
    const held = await claimRun(store, runId, this.claimSettings(), this.clock, isFinished);
    if (!held) return duplicateOf((await store.get(runId))!);
    try {
      const run = (await store.get(runId))!;
      if (isFinished(run.status)) return duplicateOf(run);
      return await this.work(run, held);
    } finally {
      await held.release();
    }
  }

  /**
   * A person's change to a run (the workspace's edits and approval), under its claim like any
   * worker's write, so it never crosses a worker running it nor another person's change: the
   * second waits, then sees the first one's revision.
   */
  async revise<T>(runId: number, change: (run: StoredRun, tools: RevisionTools) => Promise<Revision<T>>): Promise<T> {
    const { store } = this.deps;
    const held = (await claimRun(store, runId, this.claimSettings(), this.clock, () => false))!;
    try {
      const run = (await store.get(runId))!;
      const env = this.environment(await store.rawEmail(runId), held);
      const revision = await change(run, { env, rerun: (context, names) => this.rerun(context, names, env) });
      if (revision.save) await held.save(revision.save.status, revision.save.context);
      return revision.answer;
    } finally {
      await held.release();
    }
  }

  private async rerun(context: WorkflowContext, names: readonly StepName[], env: StepEnvironment): Promise<{ context: WorkflowContext; failed: boolean }> {
    let current = context;
    for (const defined of this.deps.definition.steps.filter((d) => names.includes(d.step.name))) {
      if (current.notAnRfq) break;
      const before = { ...current, steps: current.steps.filter((s) => s.name !== defined.step.name) };
      const outcome = await this.runStep(defined, before, env);
      // A step run again says again what it said before: each reason once.
      current = { ...outcome.context, reviewReasons: [...new Set(outcome.context.reviewReasons)], warnings: [...new Set(outcome.context.warnings)] };
      if (outcome.failed) return { context: current, failed: true };
    }
    return { context: current, failed: false };
  }

  private claimSettings(): ClaimSettings {
    return { ...this.deps.claims, maxWriteMs: this.deps.erp.maxWriteMs };
  }

  private async work(run: StoredRun, held: HeldRun): Promise<ProcessedEmail> {
    const { definition } = this.deps;
    const resumption = resumptionOf(run.context);
    if (resumption.kind === 'newer') throw newerFailure(run, resumption.storedVersion);
    let context = resumable(resumption.context);
    if (resumption.kind === 'rerun') {
      context = { ...context, warnings: [`stored by an older Offerflow (context version ${resumption.storedVersion}); run again from its email`] };
    }
    const env = this.environment(await this.deps.store.rawEmail(run.id), held);
    for (const defined of definition.steps) {
      if (context.notAnRfq) break;
      if (context.steps.some((s) => s.name === defined.step.name)) continue;
      const outcome = await this.runStep(defined, context, env);
      context = outcome.context;
      if (outcome.failed) {
        await held.save('failed', context);
        return { runId: run.id, result: toResult(context, 'failed') };
      }
      await held.save('running', context);
    }
    const status = finalStatus(context);
    await held.save(status, context);
    return { runId: run.id, result: toResult(context, status) };
  }

  private environment(rawEmail: Buffer, held: HeldRun): StepEnvironment {
    const { erp, catalog, lineExtractor, reader, memory, parties, settings } = this.deps;
    const budget = new MailBudget(settings.limits.timeBudgetMs);
    return { erp, catalog, lineExtractor, reader, budget, memory, parties, settings, rawEmail, now: () => this.clock.now(), fence: held.fence };
  }

  private async runStep(
    defined: DefinedStep,
    context: WorkflowContext,
    env: StepEnvironment,
  ): Promise<{ context: WorkflowContext; failed: boolean }> {
    const { step, critical } = defined;
    const started = this.clock.monotonicMs();
    const elapsed = () => Math.round(this.clock.monotonicMs() - started);
    try {
      const output = await step.run(contextFor(step, context), env);
      const patch = checkedPatch(step, output);
      const remarked = Boolean(output.notAnRfq || output.warnings?.length || output.review?.length);
      const record: StepRecord = { name: step.name, status: output.skipped ? 'skipped' : remarked ? 'warning' : 'ok', ms: elapsed(), message: output.skipped ?? null };
      return { failed: false, context: merged(context, output, patch, record) };
    } catch (error) {
      // A worker that lost the run must stop at once: the run is another worker's now.
      if (error instanceof Failure && error.code === 'claim_lost') throw error;
      const failure = failureOf(error);
      const text = `${step.name}: ${failure.message}`;
      const record: StepRecord = { name: step.name, status: 'failed', ms: elapsed(), message: failure.message };
      const steps = [...context.steps, record];
      // A step that may pass later (the ERP unreachable for a moment) is waited for, critical or
      // not: going on would make the offer without, say, its customer.
      const passesLater = !failure.permanent && failure.code !== 'internal';
      return critical || passesLater
        ? { failed: true, context: { ...context, errors: [...context.errors, text], failure: { ...failure, message: text, step: step.name }, steps } }
        : { failed: false, context: { ...context, reviewReasons: [...context.reviewReasons, `${text} (step failed)`], steps } };
    }
  }
}
