import { describe, expect, it } from 'vitest';
import { IntBuffer } from '../../src/matching/int-buffer.js';

describe('IntBuffer', () => {
  it('grows past its first capacity, keeping what it held', () => {
    const buffer = new IntBuffer();
    for (let i = 0; i < 5_000; i += 1) buffer.push(i * 3);
    expect(buffer.length).toBe(5_000);
    expect([buffer.at(0), buffer.at(1_024), buffer.at(4_999)]).toEqual([0, 3_072, 14_997]);
    expect(buffer.view()).toHaveLength(5_000);
  });

  it('starts from loaded values without copying them, and leaves them alone when it grows', () => {
    const loaded = Int32Array.from([7, 8, 9]);
    const buffer = new IntBuffer(loaded);
    expect(buffer.view().buffer).toBe(loaded.buffer);
    buffer.push(10);
    expect(Array.from(buffer.view())).toEqual([7, 8, 9, 10]);
    expect(Array.from(loaded)).toEqual([7, 8, 9]);
  });
});
