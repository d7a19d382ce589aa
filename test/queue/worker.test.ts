import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobQueue, RetryPolicy, TakenJob } from '../../src/queue/job-queue.js';
import { Worker, type JobHandler } from '../../src/queue/worker.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDataDir } from '../support/seller.js';
import { until } from '../support/until.js';
import { Failure, type FailureRecord } from '../../src/domain/failure.js';
import { systemClock } from '../../src/time/clock.js';

const POLICY: RetryPolicy = { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20, leaseMs: 300 };
const OPTIONS = { name: 'test', concurrency: 2, pollMs: 20, leaseMs: POLICY.leaseMs, clock: systemClock };


describe('Worker', () => {
  let store: Store;
  let queue: JobQueue;
  let worker: Worker | null;

  beforeEach(async () => {
    store = await openStore(tempDataDir(), null, systemClock);
    queue = store.jobs(POLICY);
    worker = null;
  });

  afterEach(async () => {
    await worker?.stop();
    await store.close();
  });

  function start(handle: JobHandler, events = {}): Worker {
    worker = new Worker(queue, handle, OPTIONS, events);
    worker.start();
    return worker;
  }

  it('works on queued jobs, as many at once as its concurrency, and completes them', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    start(async (job) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight -= 1;
      done.push(job.runId);
    });
    for (const runId of [1, 2, 3, 4, 5]) await queue.enqueue({ runId, mailbox: 'a' });
    worker!.nudge();

    await until('every job', () => done.length === 5);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    await until('no active job', async () => (await queue.counts()).active === 0);
    expect(await queue.counts()).toEqual({ queued: 0, active: 0, dead: 0 });
  });

  it('sends a job that throws back for a retry, and lets it die after the last try', async () => {
    const outcomes: string[] = [];
    start(
      async () => {
        throw new Error('ERP unreachable');
      },
      { failed: (_job: TakenJob, outcome: string, failure: FailureRecord) => outcomes.push(`${outcome}: ${failure.code} ${failure.message}`) },
    );
    await queue.enqueue({ runId: 1, mailbox: 'a' });

    await until('both tries', () => outcomes.length === 2);
    expect(outcomes).toEqual(['retry: internal ERP unreachable', 'dead: internal ERP unreachable']);
    expect(await queue.dead()).toEqual([{ runId: 1, mailbox: 'a', attempts: 2, code: 'internal', error: 'ERP unreachable' }]);
  });

  it('gives up a job at once when its failure is permanent', async () => {
    const outcomes: string[] = [];
    start(
      async () => {
        throw new Failure('not_an_email', 'parse_email: this is not an email');
      },
      { failed: (_job: TakenJob, outcome: string, failure: FailureRecord) => outcomes.push(`${outcome}: ${failure.code}`) },
    );
    await queue.enqueue({ runId: 1, mailbox: 'a' });

    await until('given up', () => outcomes.length === 1);
    expect(outcomes).toEqual(['dead: not_an_email']);
    expect(await queue.dead()).toMatchObject([{ runId: 1, attempts: 1, code: 'not_an_email' }]);
  });

  it('keeps the lease of a job that takes longer than the lease', async () => {
    const takers: string[] = [];
    start(async () => {
      takers.push('first');
      await new Promise((resolve) => setTimeout(resolve, POLICY.leaseMs * 3));
    });
    await queue.enqueue({ runId: 1, mailbox: 'a' });
    await until('the job to be taken', () => takers.length === 1);
    await new Promise((resolve) => setTimeout(resolve, POLICY.leaseMs * 2));
    expect(await queue.take('another')).toBeNull();
  });

  it('survives a queue that fails while a job is being finished, and reports it', async () => {
    const errors: string[] = [];
    const broken: JobQueue = Object.assign(Object.create(queue) as JobQueue, {
      complete: async () => Promise.reject(new Error('database is locked')),
      fail: async () => Promise.reject(new Error('database is locked')),
    });
    worker = new Worker(broken, async () => undefined, OPTIONS, { queueError: (error: unknown) => errors.push((error as Error).message) });
    worker.start();
    await queue.enqueue({ runId: 1, mailbox: 'a' });
    worker.nudge();

    await until('the queue error', () => errors.length > 0);
    expect(errors[0]).toBe('database is locked');
  });

  it('stops taking jobs on stop, and finishes the one in hand first', async () => {
    let finished = false;
    start(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished = true;
    });
    await queue.enqueue({ runId: 1, mailbox: 'a' });
    await until('the job in hand', async () => (await queue.counts()).active === 1);
    await worker!.stop();
    expect(finished).toBe(true);
    await queue.enqueue({ runId: 2, mailbox: 'a' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await queue.counts()).toEqual({ queued: 1, active: 0, dead: 0 });
  });
});
