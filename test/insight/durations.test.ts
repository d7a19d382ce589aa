import { describe, expect, it } from 'vitest';
import { median, p90 } from '../../src/insight/durations.js';

describe('median and 90th percentile', () => {
  it('are times that were measured, by nearest rank', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(p90([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toBe(90);
    expect(p90([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110])).toBe(100);
    expect(p90([7])).toBe(7);
  });

  it('are none when nothing was measured', () => {
    expect(median([])).toBeNull();
    expect(p90([])).toBeNull();
  });
});
