/**
 * The one backoff formula for every retry in Offerflow: exponential under a cap, with full jitter
 * (a uniform draw between zero and the cap), so that callers that failed together (jobs after an
 * ERP outage, processes after a restart, pollers after a mail server blip) spread out instead of
 * coming back together.
 *
 * Written here rather than taken from p-retry: its `randomize` multiplies by 1–2 (not full jitter),
 * and its loop owns the waiting, while our callers must store the wait (the job queue's
 * `run_after`, the catalog's `retryAt`) or let the server's Retry-After win.
 */
export interface Backoff {
  /** The cap after the first failure. */
  baseDelayMs: number;
  /** The cap never grows beyond this. */
  maxDelayMs: number;
}

/** The wait after `failures` failures in a row (1 for the first). */
export function backoffMs(backoff: Backoff, failures: number, random: () => number = Math.random): number {
  const cap = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(random() * cap);
}
