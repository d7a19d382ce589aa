import type { Clock } from '../time/clock.js';
import type { Holders } from '../workflow/run-claim.js';
import type { ReadBackSummary } from './erp-read-back.js';
import type { PassLease } from './ports.js';

export type PassOutcome =
  | { kind: 'done'; summary: ReadBackSummary }
  /** Another process is doing a pass now. */
  | { kind: 'held'; holder: string; until: string }
  /** A pass ended recently enough (at `at`), in this process or another. */
  | { kind: 'recent'; at: string };

export interface LeaseSettings {
  holders: Holders;
  leaseMs: number;
  clock: Clock;
}

/**
 * A pass under the lease, renewed between runs: a process that dies in a pass leaves it to
 * the others once its lease runs out (at once on its own machine). `doneAfter` skips the pass
 * when another process finished one since then, so that several processes together still do
 * one pass per interval.
 */
export async function leasedPass(
  lease: PassLease,
  settings: LeaseSettings,
  doneAfter: string | null,
  pass: (keepGoing: () => Promise<boolean>) => Promise<ReadBackSummary>,
): Promise<PassOutcome> {
  const { holders, clock, leaseMs } = settings;
  const until = () => new Date(clock.now().getTime() + leaseMs).toISOString();
  const now = () => clock.now().toISOString();
  // This process takes the lease only when it is in no pass: a claim of its own is a leftover.
  const taken = await lease.take({ holder: holders.self, now: now(), until: until(), isGone: (holder) => holder === holders.self || holders.isGone(holder) }, doneAfter);
  if (taken.kind !== 'taken') return taken;
  let summary: ReadBackSummary | null = null;
  try {
    summary = await pass(() => lease.renew(taken.token, holders.self, now(), until()));
    return { kind: 'done', summary };
  } finally {
    await lease.release(taken.token, summary && !summary.stoppedShort ? now() : null).catch(() => undefined);
  }
}
