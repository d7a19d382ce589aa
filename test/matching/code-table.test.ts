import { describe, expect, it } from 'vitest';
import { normalizeCode } from '../../src/domain/product-code.js';
import { CodeTable } from '../../src/matching/code-table.js';

function tableOf(items: string[][]): { table: CodeTable; calls: () => number } {
  let calls = 0;
  const table = new CodeTable((id) => {
    calls += 1;
    return items[id]!.map(normalizeCode);
  });
  for (const codes of items) table.add(codes.map(normalizeCode));
  return { table, calls: () => calls };
}

describe('CodeTable', () => {
  it('finds an item by any of its codes, ignoring case and separators', () => {
    const { table } = tableOf([['1000022', '6417012345670', 'NIB 8520-15'], ['1000028']]);
    expect(table.find('nib852015')).toEqual([0]);
    expect(table.find('6417 0123 4567 0')).toEqual([0]);
    expect(table.find('1000028')).toEqual([1]);
  });

  it('finds nothing for an unknown or empty code', () => {
    const { table } = tableOf([['1000022']]);
    expect(table.find('1000023')).toEqual([]);
    expect(table.find(' - ')).toEqual([]);
  });

  it('returns every item sharing a code, each once even when it repeats the code', () => {
    const { table } = tableOf([['A1', 'KR-60'], ['A2', 'kr60', 'KR 60'], ['A3']]);
    expect(table.find('KR-60').sort()).toEqual([0, 1]);
  });

  it('returns an item once even when two of its codes share a probe chain', () => {
    // Among a few thousand second codes, some land right after the first one's slot.
    for (let i = 0; i < 5_000; i += 1) {
      const { table } = tableOf([['SKU-1', `CODE-${i}`]]);
      expect(table.find('SKU-1')).toEqual([0]);
    }
  });

  it('keeps every item findable after growing many times', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => [`SKU${i}`, `EAN-${i * 7}`]);
    const { table } = tableOf(items);
    for (const i of [0, 1, 511, 512, 4_097, 19_999]) {
      expect(table.find(`sku${i}`)).toEqual([i]);
      expect(table.find(`ean${i * 7}`)).toEqual([i]);
    }
  });

  it('asks for the codes of only the items on the probed slots', () => {
    const { table, calls } = tableOf(Array.from({ length: 1_000 }, (_, i) => [`S${i}`]));
    const before = calls();
    table.find('S500');
    expect(calls() - before).toBeLessThan(10);
  });
});

describe('CodeTable from saved parts', () => {
  it('finds what the saved table found, and takes new items after them', () => {
    const items = Array.from({ length: 3_000 }, (_, i) => [`SKU${i}`, `EAN-${i}`]);
    const { table } = tableOf(items);
    const codesOf = (id: number) => items[id]!.map(normalizeCode);
    const { slots, hashes } = table.parts();
    const loaded = new CodeTable(codesOf, { slots: slots.slice(), hashes: hashes.slice() }, items.length);
    for (const i of [0, 1_500, 2_999]) expect(loaded.find(`ean-${i}`)).toEqual([i]);
    for (let i = 3_000; i < 6_000; i += 1) {
      items.push([`SKU${i}`]);
      loaded.add(codesOf(i));
    }
    expect(loaded.parts().slots.length).toBeGreaterThan(slots.length);
    for (const i of [0, 2_999, 3_000, 5_999]) expect(loaded.find(`sku${i}`)).toEqual([i]);
  });
});
