import { CONTEXT_VERSION, newContext, type WorkflowContext } from './context.js';
import { NO_REVIEW } from './review.js';

/** Contexts stored before they carried a version are version 1. */
const UNVERSIONED = 1;

/**
 * A stored context as this release can show it: fields added since it was stored get their
 * empty value, and `version` stays what was stored, so the runner can tell an old run from a
 * current one. Nothing is guessed beyond that: an old run is never continued from it.
 */
export function contextFromStore(stored: unknown): WorkflowContext {
  const fields = stored as Partial<WorkflowContext>;
  // Mail read before its thread was kept answers nothing.
  const email = fields.email ? { ...fields.email, inReplyTo: fields.email.inReplyTo ?? null, references: fields.email.references ?? [] } : (fields.email ?? null);
  return {
    ...fields,
    email,
    version: fields.version ?? UNVERSIONED,
    failure: fields.failure ?? null,
    review: fields.review ?? NO_REVIEW,
    customerFoundBy: fields.customerFoundBy ?? null,
    salespersonFoundBy: fields.salespersonFoundBy ?? null,
  } as WorkflowContext;
}

export type Resumption =
  | { kind: 'resume'; context: WorkflowContext }
  /** Stored by an older release: run again from the raw email, which the run keeps. */
  | { kind: 'rerun'; context: WorkflowContext; storedVersion: number }
  /** Stored by a newer release than this one: left untouched. */
  | { kind: 'newer'; storedVersion: number };

/**
 * How an unfinished run stored by another release goes on. Re-running an older one from its
 * raw email is always safe: creating the offer is idempotent by the run's reference, so an
 * offer made before the upgrade is found and reused, never made twice.
 */
export function resumptionOf(context: WorkflowContext): Resumption {
  if (context.version === CONTEXT_VERSION) return { kind: 'resume', context };
  if (context.version > CONTEXT_VERSION) return { kind: 'newer', storedVersion: context.version };
  return { kind: 'rerun', context: newContext(context.key, context.reference, context.dryRun), storedVersion: context.version };
}
