import { describe, expect, it } from 'vitest';
import { normalizeUnit, UNIT_PATTERN } from '../../src/domain/units.js';

describe('normalizeUnit', () => {
  it.each([
    ['kpl', 'kpl'],
    ['KPL', 'kpl'],
    ['kpl.', 'kpl'],
    ['kappaletta', 'kpl'],
    ['st', 'kpl'],
    ['st.', 'kpl'],
    ['stk', 'kpl'],
    ['pcs', 'kpl'],
    ['ea', 'kpl'],
    ['m', 'm'],
    ['metriä', 'm'],
    ['Metriä', 'm'],
    ['metria', 'm'],
    ['mtr', 'm'],
    ['meters', 'm'],
    ['pkt', 'pkt'],
    ['pakettia', 'pkt'],
    ['rullaa', 'rll'],
    ['rullar', 'rll'],
    ['laatikkoa', 'ltk'],
    ['låda', 'ltk'],
    ['litraa', 'l'],
    ['kiloa', 'kg'],
    ['sarjaa', 'set'],
    ['sats', 'set'],
    ['tuubia', 'kpl'],
    ['tubes', 'kpl'],
    ['paria', 'pr'],
  ])('%s -> %s', (alias, unit) => {
    expect(normalizeUnit(alias)).toBe(unit);
  });

  it.each(['mm', 'cm', 'm2', 'kpl..', 'DN20', 'kova', ''])('%j is not a unit', (text) => {
    expect(normalizeUnit(text)).toBeNull();
  });
});

describe('UNIT_PATTERN', () => {
  it.each([
    ['metriä', 'metriä'],
    ['metrejä', 'metrejä'],
    ['kappaletta', 'kappaletta'],
    ['pcs', 'pcs'],
    ['rullaa', 'rullaa'],
  ])('matches the whole of %s, not a shorter alias at its start', (text, whole) => {
    expect(new RegExp(`(?:${UNIT_PATTERN})`, 'i').exec(text)?.[0]).toBe(whole);
  });

  it('knows every alias normalizeUnit knows', () => {
    for (const alias of UNIT_PATTERN.split('|')) expect(normalizeUnit(alias)).not.toBeNull();
  });
});
