import type { Clock } from '../../src/time/clock.js';

/** A clock a test moves by hand: wall time and monotonic time advance together. */
export interface TestClock extends Clock {
  advance(ms: number): void;
}

export function clockAt(iso: string): TestClock {
  let wall = Date.parse(iso);
  let monotonic = 0;
  return {
    now: () => new Date(wall),
    monotonicMs: () => monotonic,
    advance(ms) {
      wall += ms;
      monotonic += ms;
    },
  };
}
