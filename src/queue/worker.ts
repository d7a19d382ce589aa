import { setTimeout as sleep } from 'node:timers/promises';
import { failureOf, type FailureRecord } from '../domain/failure.js';
import { backoffMs, type Backoff } from '../time/backoff.js';
import type { Clock } from '../time/clock.js';
import { Alarm } from './alarm.js';
import type { JobQueue, TakenJob } from './job-queue.js';

/** Between tries of telling an unreachable store how a job ended. */
const SETTLE_PAUSE: Backoff = { baseDelayMs: 200, maxDelayMs: 5_000 };

export type JobHandler = (job: TakenJob) => Promise<void>;

export interface WorkerOptions {
  /** Names this process's jobs in the queue, e.g. host and pid. */
  name: string;
  concurrency: number;
  /** How long to wait when the queue is empty. */
  pollMs: number;
  leaseMs: number;
  clock: Clock;
}

export interface WorkerEvents {
  taken?(job: TakenJob): void;
  done?(job: TakenJob, ms: number): void;
  failed?(job: TakenJob, outcome: 'retry' | 'dead', failure: FailureRecord): void;
  /** The lease ran out while working (the process stalled): another worker has the job now. */
  lost?(job: TakenJob): void;
  /** The queue itself could not be reached; the worker waits and tries again. */
  queueError?(error: unknown): void;
}

/**
 * Takes jobs from the queue, `concurrency` at a time, and keeps their leases while working.
 * A thrown error sends the job back for a retry. `stop` takes no new jobs and waits for the
 * ones in hand, so a SIGTERM never leaves a half-done run behind.
 */
export class Worker {
  private stopping = false;
  private loops: Promise<void>[] = [];
  private readonly alarm = new Alarm();

  constructor(
    private readonly queue: JobQueue,
    private readonly handle: JobHandler,
    private readonly options: WorkerOptions,
    private readonly events: WorkerEvents = {},
  ) {}

  start(): void {
    for (let i = 0; i < this.options.concurrency; i += 1) this.loops.push(this.loop(`${this.options.name}#${i + 1}`));
  }

  /** New work may be waiting: idle loops look now rather than at their next poll. */
  nudge(): void {
    this.alarm.ring();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.nudge();
    await Promise.all(this.loops);
    this.loops = [];
  }

  private async loop(name: string): Promise<void> {
    while (!this.stopping) {
      let job: TakenJob | null = null;
      try {
        job = await this.queue.take(name);
      } catch (error) {
        this.events.queueError?.(error);
      }
      if (job) await this.work(job, name);
      else if (!this.stopping) await this.alarm.sleep(this.options.pollMs);
    }
  }

  private async work(job: TakenJob, name: string): Promise<void> {
    const started = this.options.clock.monotonicMs();
    this.events.taken?.(job);
    const heartbeat = setInterval(() => {
      this.queue.extend(job.id, name).catch((error: unknown) => this.events.queueError?.(error));
    }, this.options.leaseMs / 3);
    try {
      const outcome = await this.handle(job).then(
        async () => ((await this.settle(() => this.queue.complete(job.id, name))) === 'done' ? ({ kind: 'done' } as const) : ({ kind: 'lost' } as const)),
        async (error: unknown) => {
          const failure = failureOf(error);
          // Another worker holds the run now; the job is its to finish.
          if (failure.code === 'claim_lost') return { kind: 'lost' } as const;
          return { kind: await this.settle(() => this.queue.fail(job.id, name, failure)), failure };
        },
      );
      if (outcome.kind === 'done') this.events.done?.(job, this.options.clock.monotonicMs() - started);
      else if (outcome.kind === 'lost') this.events.lost?.(job);
      else this.events.failed?.(job, outcome.kind, outcome.failure);
    } catch (error) {
      // The queue stayed unreachable: the job's lease runs out and it is taken again later.
      this.events.queueError?.(error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Telling the queue how a job ended is tried again while the store is away (a restart, a
   * failover), for as long as the lease lasts, so that one outage does not leave every job in
   * hand waiting for its lease to run out.
   */
  private async settle<T>(call: () => Promise<T>): Promise<T> {
    const { clock, leaseMs } = this.options;
    const deadline = clock.monotonicMs() + leaseMs;
    for (let failures = 1; ; failures += 1) {
      try {
        return await call();
      } catch (error) {
        const pause = backoffMs(SETTLE_PAUSE, failures);
        if (clock.monotonicMs() + pause > deadline) throw error;
        this.events.queueError?.(error);
        await sleep(pause);
      }
    }
  }
}
