import { expect } from 'vitest';

/** Sizes each reader is timed on, the last about 1 MB. */
const LENGTHS = [64 * 1024, 256 * 1024, 1024 * 1024];
/**
 * Far above what a linear reader takes on 1 MB (a few hundred milliseconds at most, on a loaded
 * machine), far below what a quadratic one takes already on 256 KB (tens of seconds).
 */
const BUDGET_MS = 2000;
/** Room for the runs the budget lets through when a quadratic reader is timed. */
export const LINEAR_TIME_TEST_TIMEOUT_MS = 120_000;

/** `unit` repeated to `length` characters, with `before` and `after` around it. */
export function run(unit: string, before = '', after = ''): (length: number) => string {
  return (length) => before + unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + after;
}

/**
 * Times `read` on inputs of 64 KB, 256 KB and 1 MB that `build` makes, and fails at the first that
 * takes longer than the budget: a reader that slows down more than linearly fails at a small size
 * in seconds, instead of running for the minutes it would take on 1 MB.
 */
export async function expectLinearTime(build: (length: number) => string, read: (input: string) => unknown): Promise<void> {
  for (const length of LENGTHS) {
    const input = build(length);
    const start = performance.now();
    await read(input);
    const ms = performance.now() - start;
    expect(ms, `${input.length} characters took ${Math.round(ms)} ms`).toBeLessThan(BUDGET_MS);
  }
}
