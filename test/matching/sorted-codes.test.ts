import { describe, expect, it } from 'vitest';
import { SortedCodes } from '../../src/matching/sorted-codes.js';

const CODES = [['KV150', 'ÖL1'], ['KV15', '6412345678903'], ['ÄL2', 'KV1500000000000001'], ['KV1500000000000000', ''], ['AL1', 'AL1']];
const sorted = await SortedCodes.of(CODES.length, (id) => CODES[id]!, async () => undefined);
const starting = (prefix: string) => [...sorted.startingWith(prefix)];

describe('SortedCodes', () => {
  it('finds every code starting so, in the order of their texts, the code itself first', () => {
    expect(starting('KV15')).toEqual([
      { id: 1, exact: true },
      { id: 0, exact: false },
      { id: 3, exact: false },
      { id: 2, exact: false },
    ]);
    expect(starting('641')).toEqual([{ id: 1, exact: false }]);
    expect(starting('KV2')).toEqual([]);
  });

  it('sorts codes past ASCII by their text, and holds a code repeated in one product once', () => {
    expect(starting('Ä')).toEqual([{ id: 2, exact: false }]);
    expect(starting('Ö')).toEqual([{ id: 0, exact: false }]);
    expect(starting('AL1')).toEqual([{ id: 4, exact: true }]);
    expect(sorted.bytes).toBe(8 * 5);
  });

  it('pauses between batches of the products it decodes, so that a service answers meanwhile', async () => {
    let pauses = 0;
    const many = await SortedCodes.of(45_000, (id) => [`P${id}`], async () => void (pauses += 1));
    expect(pauses).toBe(2);
    expect([...many.startingWith('P44999')]).toEqual([{ id: 44_999, exact: true }]);
  });
});
