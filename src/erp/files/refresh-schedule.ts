import type { Clock } from '../../time/clock.js';

/**
 * Runs `work` when a read comes and the last run is `intervalMs` old, at most once at a time: the
 * folders are looked at only as often as there is someone to tell, and never by two reads at once.
 */
export class RefreshSchedule {
  private lastStartedMs = -Infinity;
  private running: Promise<void> | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly work: () => Promise<void>,
  ) {}

  async due(): Promise<void> {
    if (this.running) return this.running;
    if (this.clock.monotonicMs() - this.lastStartedMs < this.intervalMs) return;
    return this.now();
  }

  /** Whatever the interval: for a readiness check, which must say how the folders are now. */
  async now(): Promise<void> {
    if (this.running) return this.running;
    this.lastStartedMs = this.clock.monotonicMs();
    this.running = this.work().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
