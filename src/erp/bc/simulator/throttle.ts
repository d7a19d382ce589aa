import type { Clock } from '../../../time/clock.js';

/**
 * BC Online's per-user limits (dev-itpro/administration/operational-limits-online.md): 5
 * requests processed at once, 95 more waiting their turn, 6,000 in a sliding 5-minute window.
 * Past the queue or the window a request is answered 429. (A request that waits 8 minutes in the
 * queue gets 503 there; the simulator lets it wait.)
 */
export interface Limits {
  concurrent: number;
  queued: number;
  perWindow: number;
}

export const BC_LIMITS: Limits = { concurrent: 5, queued: 95, perWindow: 6000 };
const WINDOW_MS = 5 * 60_000;

export class Throttle {
  limits: Limits = { ...BC_LIMITS };
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly recent: number[] = [];

  constructor(private readonly clock: Clock) {}

  /** A processing slot, once one is free (the release hands it on), or null when the request is over a limit. */
  async enter(): Promise<(() => void) | null> {
    const now = this.clock.monotonicMs();
    while (this.recent.length > 0 && this.recent[0]! <= now - WINDOW_MS) this.recent.shift();
    if (this.recent.length >= this.limits.perWindow) return null;
    const mustWait = this.running >= this.limits.concurrent;
    if (mustWait && this.waiting.length >= this.limits.queued) return null;
    this.recent.push(now);
    if (mustWait) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    return () => {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    };
  }
}
