import { describe, expect, it } from 'vitest';
import { gapKey } from '../../src/insight/gap-text.js';

describe('the key of a requested text that found no product', () => {
  it('is the same for the same words typed another way', () => {
    const key = gapKey('Vesimittari DN20 ½"');
    expect(gapKey('  vesimittari   dn20 ½",')).toBe(key);
    expect(gapKey('VESIMITTARI DN20 ½".')).toBe(key);
    expect(gapKey('Kupariputki 22,5 mm')).toBe(gapKey('kupariputki 22.5 mm'));
    expect(gapKey('Säätöventtiili')).toBe(gapKey('saatoventtiili'));
  });

  it('keeps apart what differs in its words or numbers', () => {
    expect(gapKey('Kupariputki 22.5 mm')).not.toBe(gapKey('Kupariputki 225 mm'));
    expect(gapKey('Vesimittari DN20')).not.toBe(gapKey('Vesimittari DN25'));
    expect(gapKey('... !')).toBe('');
  });
});
