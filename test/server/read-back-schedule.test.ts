import { describe, expect, it } from 'vitest';
import type { PassOutcome } from '../../src/learning/leased-pass.js';
import { scheduleReadBack } from '../../src/server/read-back-schedule.js';
import { clockAt } from '../support/clock.js';
import { until } from '../support/until.js';

const DONE: PassOutcome = { kind: 'done', summary: { read: 1, learned: [], failed: [], stoppedShort: false } };

describe('scheduleReadBack', () => {
  it('passes once the catalog has settled and then every interval, going on after a pass that throws, until stopped', async () => {
    let settle: () => void = () => undefined;
    const catalog = new Promise<void>((resolve) => (settle = resolve));
    const asked: { days: number; doneAfter: string | null }[] = [];
    const heard: string[] = [];
    const schedule = scheduleReadBack(
      {
        catalogSettled: () => catalog,
        learnFromErp: async (options) => {
          asked.push(options);
          if (asked.length === 2) throw new Error('ERP down');
          return DONE;
        },
      },
      { days: 30, everyMs: 10, clock: clockAt('2026-11-24T10:00:00Z') },
      { passed: (outcome) => heard.push(outcome.kind), failed: (error) => heard.push((error as Error).message) },
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(asked).toEqual([]);

    settle();
    await until('three passes', () => asked.length >= 3);
    await schedule.stop();
    const passes = asked.length;
    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(asked.length).toBe(passes);
    expect(heard.slice(0, 3)).toEqual(['done', 'ERP down', 'done']);
    expect(asked[0]).toEqual({ days: 30, doneAfter: '2026-11-24T09:59:59.990Z', stopping: expect.any(Function) });
  });
});
