import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/time/backoff.js';

const BACKOFF = { baseDelayMs: 1_000, maxDelayMs: 10_000 };

describe('backoffMs', () => {
  it('doubles its cap with each failure in a row, from the base after the first', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(BACKOFF, n, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('draws the wait anywhere from nothing to the cap (full jitter), so callers that failed together spread out', () => {
    expect([1, 2, 3].map((n) => backoffMs(BACKOFF, n, () => 0))).toEqual([0, 0, 0]);
    expect(backoffMs(BACKOFF, 3, () => 0.25)).toBe(1_000);
    const draws = Array.from({ length: 200 }, () => backoffMs(BACKOFF, 4));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(8_000);
    expect(new Set(draws).size).toBeGreaterThan(100);
  });

  it('never waits longer than the longest delay, however many failures', () => {
    expect(backoffMs(BACKOFF, 30, () => 1)).toBe(10_000);
    expect(backoffMs(BACKOFF, 2_000, () => 1)).toBe(10_000);
  });
});
