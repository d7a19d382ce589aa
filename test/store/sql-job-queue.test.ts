import { beforeEach, describe, expect, it } from 'vitest';
import type { FailureRecord } from '../../src/domain/failure.js';
import type { JobQueue, RetryPolicy } from '../../src/queue/job-queue.js';
import { backoffMs } from '../../src/time/backoff.js';
import type { Clock } from '../../src/time/clock.js';
import { STORE_BACKENDS, storePerTest } from '../support/stores.js';

const down = (message: string): FailureRecord => ({ code: 'erp_unavailable', permanent: false, message });

const POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000, leaseMs: 30_000 };
/** Halfway through each delay's jitter, so the test knows to the millisecond when a retry is due. */
const JITTER = () => 0.5;

describe.each(STORE_BACKENDS)('SqlJobQueue on $name', (backend) => {
  let now: Date;
  const clock: Clock = { now: () => now, monotonicMs: () => now.getTime() };
  const opened = storePerTest(backend, clock);
  let queue: JobQueue;

  beforeEach(() => {
    now = new Date('2026-11-25T10:00:00Z');
    queue = opened().store.jobs(POLICY, JITTER);
  });

  const later = (ms: number) => (now = new Date(now.getTime() + ms));

  it('hands out jobs oldest first, each once, and finishes them', async () => {
    await queue.enqueue({ runId: 1, mailbox: 'a' });
    await queue.enqueue({ runId: 2, mailbox: 'b' });
    await queue.enqueue({ runId: 1, mailbox: 'a' });

    const first = await queue.take('w1');
    const second = await queue.take('w2');
    expect([first?.runId, second?.runId]).toEqual([1, 2]);
    expect(first?.attempts).toBe(1);
    expect(await queue.take('w3')).toBeNull();
    expect(await queue.counts()).toEqual({ queued: 0, active: 2, dead: 0 });

    expect(await queue.complete(first!.id, 'w1')).toBe('done');
    expect(await queue.complete(second!.id, 'w2')).toBe('done');
    expect(await queue.counts()).toEqual({ queued: 0, active: 0, dead: 0 });
    await queue.enqueue({ runId: 1, mailbox: 'a' });
    expect(await queue.take('w1')).toBeNull();
  });

  it('retries a failed job only after its delay, then lets it die with its last error', async () => {
    await queue.enqueue({ runId: 7, mailbox: 'a' });
    for (let attempt = 1; attempt < POLICY.maxAttempts; attempt += 1) {
      const job = await queue.take('w');
      expect(job?.attempts).toBe(attempt);
      expect(await queue.fail(job!.id, 'w', down(`ERP down ${attempt}`))).toBe('retry');
      later(backoffMs(POLICY, attempt, JITTER) - 1);
      expect(await queue.take('w')).toBeNull();
      later(1);
    }
    const last = await queue.take('w');
    expect(await queue.fail(last!.id, 'w', down('ERP down for good'))).toBe('dead');
    expect(await queue.dead()).toEqual([{ runId: 7, mailbox: 'a', attempts: 3, code: 'erp_unavailable', error: 'ERP down for good' }]);
    expect(await queue.counts()).toEqual({ queued: 0, active: 0, dead: 1 });
    later(POLICY.maxDelayMs);
    expect(await queue.take('w')).toBeNull();
  });

  it('gives a job to another worker when its worker stops renewing the lease', async () => {
    await queue.enqueue({ runId: 3, mailbox: 'a' });
    const taken = await queue.take('dies');
    later(POLICY.leaseMs / 2);
    expect(await queue.extend(taken!.id, 'dies')).toBe(true);
    later(POLICY.leaseMs / 2 + 1);
    expect(await queue.take('other')).toBeNull();
    later(POLICY.leaseMs);
    expect(await queue.take('other')).toMatchObject({ runId: 3, attempts: 2 });
  });

  it('lets a worker whose lease ran out neither finish nor requeue the job another worker took since', async () => {
    await queue.enqueue({ runId: 3, mailbox: 'a' });
    const stalled = await queue.take('stalled');
    later(POLICY.leaseMs + 1);
    const taken = await queue.take('other');

    expect(await queue.extend(stalled!.id, 'stalled')).toBe(false);
    expect(await queue.complete(stalled!.id, 'stalled')).toBe('lost');
    expect(await queue.fail(stalled!.id, 'stalled', down('too late'))).toBe('lost');
    expect(await queue.counts()).toEqual({ queued: 0, active: 1, dead: 0 });
    expect(await queue.complete(taken!.id, 'other')).toBe('done');
  });

  it('gives up at once on a permanent failure, with its code', async () => {
    await queue.enqueue({ runId: 8, mailbox: 'a' });
    const job = await queue.take('w');
    expect(await queue.fail(job!.id, 'w', { code: 'not_an_email', permanent: true, message: 'parse_email: this is not an email' })).toBe('dead');
    expect(await queue.dead()).toEqual([{ runId: 8, mailbox: 'a', attempts: 1, code: 'not_an_email', error: 'parse_email: this is not an email' }]);
  });

  it('counts a try when a job is taken, and gives up a job whose worker stopped on every try instead of taking it forever', async () => {
    await queue.enqueue({ runId: 11, mailbox: 'a' });
    await queue.enqueue({ runId: 12, mailbox: 'a' });
    for (let attempt = 1; attempt <= POLICY.maxAttempts; attempt += 1) {
      expect(await queue.take(`dies-${attempt}`)).toMatchObject({ runId: 11, attempts: attempt });
      later(POLICY.leaseMs + 1);
    }
    expect(await queue.take('w')).toMatchObject({ runId: 12 });
    expect(await queue.dead()).toEqual([{ runId: 11, mailbox: 'a', attempts: 3, code: 'worker_stopped', error: 'worker stopped 3 times while working on it' }]);
  });

  it('keeps the job of a worker that comes back from a stall before anyone took it', async () => {
    await queue.enqueue({ runId: 13, mailbox: 'a' });
    for (let attempt = 1; attempt < POLICY.maxAttempts; attempt += 1) {
      await queue.take(`dies-${attempt}`);
      later(POLICY.leaseMs + 1);
    }
    const last = await queue.take('slow');
    later(POLICY.leaseMs / 2);
    expect(await queue.extend(last!.id, 'slow')).toBe(true);
    later(POLICY.leaseMs / 2 + 1);
    expect(await queue.take('w')).toBeNull();
    expect(await queue.complete(last!.id, 'slow')).toBe('done');
    expect(await queue.dead()).toEqual([]);
  });

  it('revives a dead job from its first try', async () => {
    await queue.enqueue({ runId: 9, mailbox: 'a' });
    for (let i = 0; i < POLICY.maxAttempts; i += 1) {
      const job = await queue.take('w');
      await queue.fail(job!.id, 'w', down('down'));
      later(POLICY.maxDelayMs);
    }
    expect(await queue.revive(9)).toBe(true);
    expect(await queue.revive(9)).toBe(false);
    expect(await queue.take('w')).toMatchObject({ runId: 9, attempts: 1 });
  });

  it('never gives one job to two workers on two connections to the same database', async () => {
    for (let runId = 1; runId <= 10; runId += 1) await queue.enqueue({ runId, mailbox: 'a' });
    const other = await opened().another();
    const otherQueue = other.jobs(POLICY, JITTER);
    const taken = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? queue : otherQueue).take(`w${i}`)));
    await other.close();
    const runIds = taken.filter((j) => j !== null).map((j) => j.runId);
    expect(runIds.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps its jobs for another connection, as after a restart', async () => {
    await queue.enqueue({ runId: 5, mailbox: 'a' });
    const other = await opened().another();
    expect(await other.jobs(POLICY, JITTER).take('w')).toMatchObject({ runId: 5 });
    await other.close();
  });
});
