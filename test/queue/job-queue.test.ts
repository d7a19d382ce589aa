import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/queue/job-queue.js';

const POLICY = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 10_000, leaseMs: 60_000 };

describe('retryDelayMs', () => {
  it('doubles with each try, between half and all of its ceiling', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(POLICY, n, () => 0))).toEqual([500, 1_000, 2_000]);
    expect([1, 2, 3].map((n) => retryDelayMs(POLICY, n, () => 1))).toEqual([1_000, 2_000, 4_000]);
  });

  it('never waits longer than the longest delay', () => {
    expect(retryDelayMs(POLICY, 30, () => 1)).toBe(10_000);
  });
});
