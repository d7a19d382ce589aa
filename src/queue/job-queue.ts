import type { FailureCode, FailureRecord } from '../domain/failure.js';
import type { Backoff } from '../time/backoff.js';

/** A queued run: the raw email waits in the run store, the job says which run to work on. */
export interface RunJob {
  runId: number;
  mailbox: string;
}

export interface TakenJob extends RunJob {
  id: number;
  /** This try included. */
  attempts: number;
}

export interface QueueCounts {
  queued: number;
  active: number;
  dead: number;
}

export interface DeadJob extends RunJob {
  attempts: number;
  code: FailureCode | null;
  error: string;
}

/**
 * The durable queue between taking mail in and working on it. Jobs survive restarts; a job
 * taken by a worker that dies is taken again once its lease runs out.
 */
export interface JobQueue {
  /** Once per run: a run already queued, being worked on or dead is left as it is. */
  enqueue(job: RunJob): Promise<void>;
  /**
   * The oldest due job, counted as a try as it is taken. A job whose worker stopped (died,
   * hung) on its last try is not taken again but given up, so it cannot starve the queue.
   */
  take(worker: string): Promise<TakenJob | null>;
  /** Keeps the lease of a job still being worked on; false once another worker holds it. */
  extend(id: number, worker: string): Promise<boolean>;
  /**
   * These act only while this worker still holds the lease: a worker that stalled past it
   * must not finish or requeue a job another worker has taken since ('lost').
   */
  complete(id: number, worker: string): Promise<'done' | 'lost'>;
  /** Back in the queue after a growing delay; dead after the last try, or at once when the failure is permanent. */
  fail(id: number, worker: string, failure: FailureRecord): Promise<'retry' | 'dead' | 'lost'>;
  /** A dead job queued again from its first try, e.g. once the ERP is back. */
  revive(runId: number): Promise<boolean>;
  counts(): Promise<QueueCounts>;
  dead(): Promise<DeadJob[]>;
}

export interface RetryPolicy extends Backoff {
  maxAttempts: number;
  leaseMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000, leaseMs: 5 * 60_000 };
