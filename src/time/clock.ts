/**
 * Where Offerflow reads the time. Only the entry points (CLI commands, the service, the
 * simulators, the benchmarks, the reading worker) name `systemClock`; everything else is given a
 * clock, so tests set the time instead of waiting for it.
 *
 * Two readings, because they answer different questions: `now()` is wall time, for what is
 * stored, shown or sent (a run's dates, an offer's validity, a token's expiry); `monotonicMs()`
 * never jumps with the system clock, for how long something took and for deadlines inside one
 * process.
 */
export interface Clock {
  now(): Date;
  monotonicMs(): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  monotonicMs: () => performance.now(),
};
