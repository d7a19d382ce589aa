import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../time/clock.js';
import type { WriteFence } from '../erp/ports.js';
import type { WorkflowContext } from './context.js';
import { claimLost, type ClaimOutcome, type RunStore, type StoredRunStatus } from './run-store.js';

/** Who this process is in claims, and whether another holder's process still runs. */
export interface Holders {
  readonly self: string;
  isGone(holder: string): boolean;
}

export interface ClaimSettings {
  holders: Holders;
  /** A claim not renewed for this long may be taken over. */
  leaseMs: number;
  /** How often a run another worker holds is looked at again. */
  waitPollMs: number;
  /** The longest one ERP write can stay in flight before the adapter gives up on it. */
  maxWriteMs: number;
}


/**
 * The runs this process is working on, per store. A claim of this process's own on a run it
 * is not working on is a leftover (giving it back failed while the store was down) and is
 * taken back at once rather than after its lease.
 */
const working = new WeakMap<RunStore, Set<number>>();

function workingOn(store: RunStore): Set<number> {
  let runs = working.get(store);
  if (!runs) working.set(store, (runs = new Set()));
  return runs;
}

/**
 * One worker at a time on a run, in any number of processes or machines sharing the store.
 * The claim is renewed while the run is worked on; every save and every ERP write first
 * proves it is still held (the token has not moved on), so a worker that stalled past its
 * lease and lost the run to another writes nothing after waking up.
 *
 * A worker taking over a claim that ran out (its holder stalled, or died on another machine)
 * waits before its first ERP write until the writes the old holder may have started have
 * ended: each was started under a live claim and gives up after `maxWriteMs`. Then the offer
 * it finds in the ERP is all the old holder will ever have written.
 */
export class HeldRun {
  private lost = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    readonly runId: number,
    readonly token: number,
    private readonly store: RunStore,
    private readonly settings: ClaimSettings,
    private readonly clock: Clock,
    /** Until then the previous holder's writes may still land. */
    private readonly quietUntil: number,
  ) {
    this.heartbeat = setInterval(() => void this.renew().catch(() => undefined), settings.leaseMs / 3);
    workingOn(store).add(runId);
  }

  /** Called before every ERP write; throws `claim_lost` once another worker holds the run. */
  readonly fence: WriteFence = async () => {
    const wait = this.quietUntil - this.clock.now().getTime();
    if (wait > 0) await sleep(wait);
    if (this.lost || !(await this.renew())) throw claimLost(this.runId);
  };

  save(status: StoredRunStatus, context: WorkflowContext): Promise<void> {
    return this.store.save(this.runId, this.token, status, context);
  }

  /** Never throws: a claim that cannot be given back (the store is down) runs out by itself. */
  async release(): Promise<void> {
    clearInterval(this.heartbeat);
    workingOn(this.store).delete(this.runId);
    if (!this.lost) await this.store.release(this.runId, this.token).catch(() => undefined);
  }

  private async renew(): Promise<boolean> {
    const held = await this.store.renew(this.runId, this.token, this.settings.holders.self, this.clock.now().toISOString(), this.until());
    if (!held) this.lost = true;
    return held;
  }

  private until(): string {
    return new Date(this.clock.now().getTime() + this.settings.leaseMs).toISOString();
  }
}

/** Clocks of machines sharing a store (kept by NTP) may still differ by this much. */
const CLOCK_SLACK_MS = 1_000;

/**
 * Until when the writes of the holder replaced may still land: each was started under its
 * live claim and gives up after `maxWriteMs`. A holder whose process has ended may have had a
 * write in flight as it died, a moment ago; this process's own leftover claim has none.
 */
function quietUntil(outcome: Extract<ClaimOutcome, { kind: 'claimed' }>, at: number, settings: ClaimSettings): number {
  if (outcome.from === 'expired') return Date.parse(outcome.expiredAt!) + settings.maxWriteMs + CLOCK_SLACK_MS;
  if (outcome.from === 'gone' && outcome.previous !== settings.holders.self) return at + settings.maxWriteMs;
  return 0;
}

/**
 * Takes a run's claim, waiting while another live worker holds it. Null when the run finished
 * meanwhile: the other worker did it, and there is nothing left to do.
 */
export async function claimRun(
  store: RunStore,
  runId: number,
  settings: ClaimSettings,
  clock: Clock,
  finished: (status: StoredRunStatus) => boolean,
): Promise<HeldRun | null> {
  for (;;) {
    const run = await store.get(runId);
    if (!run) throw new Error(`run ${runId} does not exist`);
    if (finished(run.status)) return null;
    const at = clock.now().getTime();
    const outcome = await store.claim(runId, {
      holder: settings.holders.self,
      now: new Date(at).toISOString(),
      until: new Date(at + settings.leaseMs).toISOString(),
      isGone: (holder) => settings.holders.isGone(holder) || (holder === settings.holders.self && !workingOn(store).has(runId)),
    });
    if (outcome.kind === 'claimed') {
      return new HeldRun(runId, outcome.token, store, settings, clock, quietUntil(outcome, at, settings));
    }
    await sleep(settings.waitPollMs);
  }
}
