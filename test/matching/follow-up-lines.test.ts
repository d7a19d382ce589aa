import { describe, expect, it } from 'vitest';
import { extractLines } from '../../src/extraction/line-items.js';
import { withColourFollowUps } from '../../src/matching/follow-up-lines.js';

const read = (...rows: string[]) => withColourFollowUps(rows.flatMap(extractLines)).map((l) => [l.description, l.quantity, l.unit, l.per]);

describe('withColourFollowUps', () => {
  it('reads a line that names only a colour as the product before it, in that colour and the same packs', () => {
    expect(read('Kan du ge pris på 2 rullar MK 2,5 blå à 100 m', '1 rulle gul/grön', 'plus 3 rullar svart.')).toEqual([
      ['MK 2,5 blå', '2', 'rll', { quantity: '100', unit: 'm' }],
      ['MK 2,5 gul/grön', '1', 'rll', { quantity: '100', unit: 'm' }],
      ['MK 2,5 svart', '3', 'rll', { quantity: '100', unit: 'm' }],
    ]);
  });

  it('adds the colour to a product named without one, and keeps the packs only when counted alike', () => {
    expect(read('MK 1,5 2 rll à 100 m', '50 m musta')).toEqual([
      ['MK 1,5', '2', 'rll', { quantity: '100', unit: 'm' }],
      ['MK 1,5 musta', '50', 'm', null],
    ]);
  });

  it('leaves lines that name a product alone, and a colour with nothing before it', () => {
    expect(read('10 kpl svart')).toEqual([['svart', '10', 'kpl', null]]);
    expect(read('MK 2,5 blå 100 m', 'Pistorasia valkoinen 2 kpl')).toEqual([
      ['MK 2,5 blå', '100', 'm', null],
      ['Pistorasia valkoinen', '2', 'kpl', null],
    ]);
  });
});
