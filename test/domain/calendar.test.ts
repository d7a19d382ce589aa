import { describe, expect, it } from 'vitest';
import { startOfDayIn } from '../../src/domain/calendar.js';

describe('startOfDayIn', () => {
  it('is the instant the date begins on the seller’s clocks, in winter and in summer time', () => {
    expect(startOfDayIn('2026-03-02', 'Europe/Helsinki')).toBe('2026-03-01T22:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'Europe/Helsinki')).toBe('2026-07-14T21:00:00.000Z');
    expect(startOfDayIn('2026-03-29', 'Europe/Helsinki')).toBe('2026-03-28T22:00:00.000Z');
    expect(startOfDayIn('2026-03-30', 'Europe/Helsinki')).toBe('2026-03-29T21:00:00.000Z');
    expect(startOfDayIn('2026-03-02', 'UTC')).toBe('2026-03-02T00:00:00.000Z');
  });
});
