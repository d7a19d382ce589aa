import { describe, expect, it } from 'vitest';
import { extractLines } from '../../src/extraction/line-items.js';
import { spelledOut } from '../../src/extraction/items/spelled-quantities.js';
import { expectLinearTime, LINEAR_TIME_TEST_TIMEOUT_MS, run } from '../support/linear-time.js';

const read = (line: string) => extractLines(line).map((l) => [l.description, l.quantity, l.unit, l.uncertain]);

describe('quantities as people write them', () => {
  it.each([
    ['Palloventtiili DN20 kuusi kappaletta', 'Palloventtiili DN20', '6', 'kpl'],
    ['kaksi rullaa eristysteippiä 19 mm', 'eristysteippiä 19 mm', '2', 'rll'],
    ['Kopparrör 15x1,0 tolv meter', 'Kopparrör 15x1,0', '12', 'm'],
    ['ett paket buntband 4,8x200', 'buntband 4,8x200', '1', 'pkt'],
    ['Ball valve 3/4" a dozen pcs', 'Ball valve 3/4"', '12', 'kpl'],
    ['Cable tie 200 mm - twenty packs', 'Cable tie 200 mm', '20', 'pkt'],
    ['3 dozen pairs nitrile work gloves size 10', 'nitrile work gloves size 10', '36', 'pr'],
    ['1,000 pcs cable ties 4.8x290', 'cable ties 4.8x290', '1000', 'kpl'],
    ['Nylon wall plug 10x50 – 2,500 pcs', 'Nylon wall plug 10x50', '2500', 'kpl'],
  ])('reads the number word in %j plainly', (line, description, quantity, unit) => {
    expect(read(line)).toEqual([[description, quantity, unit, null]]);
  });

  it.each([
    ['noin 50 m MMJ 3x1,5S', 'MMJ 3x1,5S', '50', 'm', 'approximate ("noin 50")'],
    ['Kupariputki 15x1,0 kova n. 30 m', 'Kupariputki 15x1,0 kova', '30', 'm', 'approximate ("n. 30")'],
    ['pari rullaa eristysteippiä', 'eristysteippiä', '2', 'rll', 'approximate ("pari")'],
    ['parikymmentä metriä kupariputkea 22x1,0', 'kupariputkea 22x1,0', '20', 'm', 'approximate ("parikymmentä")'],
    ['ett par rullar tejp', 'tejp', '2', 'rll', 'approximate ("ett par")'],
    ['Cable MMJ 3x2,5S about 100 m', 'Cable MMJ 3x2,5S', '100', 'm', 'approximate ("about 100")'],
    ['Putkikannake 22 mm 10–12 kpl', 'Putkikannake 22 mm', '12', 'kpl', 'a range, the larger taken ("10–12")'],
    ['Pipe clip 22 mm 10 to 12 pcs', 'Pipe clip 22 mm', '12', 'kpl', 'a range, the larger taken ("10 to 12")'],
    ['ett par gängstänger M16 varmförzinkade 3 m', 'gängstänger M16 varmförzinkade 3 m', '2', null, 'approximate ("ett par")'],
  ])('reads %j but marks its quantity', (line, description, quantity, unit, uncertain) => {
    expect(read(line)).toEqual([[description, quantity, unit, uncertain]]);
  });

  it.each([
    'Vi behöver en offert på följande',
    'sexkantsmutter M8 sex st',
    'Lämpöpatteri 22-600-1000 4 kpl',
    'Lämpöpatteri 22-600-1000   kpl 4',
    'Flat washer M12 DIN 125 – 500 pcs',
    'Terassiruuvi 5x60 TX25 RST A2 - 12 ltk',
    'Toimitus noin viikon päästä',
    'two-way switch flush white',
  ])('leaves %j as it is written, or reads what is there plainly', (line) => {
    expect(spelledOut(line).doubts).toEqual([]);
  });

  it('reads a range that counts nothing as a size, and doubts no count for it', () => {
    expect(read('seinäkiinnike paisunta-astialle 8-25 l  2 kpl')).toEqual([['seinäkiinnike paisunta-astialle 8-25 l', '2', 'kpl', null]]);
  });

  it('doubts only the count that was approximate, not the other items of its line', () => {
    expect(read('noin 50 m kupariputkea 15x1,0 ja 10 kpl puristuskulmia 15 mm')).toEqual([
      ['kupariputkea 15x1,0', '50', 'm', 'approximate ("noin 50")'],
      ['puristuskulmia 15 mm', '10', 'kpl', null],
    ]);
  });

  it('keeps a decimal comma in a size, and three decimals there, as it is', () => {
    expect(read('Kupariputki 12x1,000 mm 5 m')).toEqual([['Kupariputki 12x1,000 mm', '5', 'm', null]]);
    expect(read('MMJ 3x1,5 100 m')).toEqual([['MMJ 3x1,5', '100', 'm', null]]);
  });

  it('reads a number word before a pack\'s content as so many packs of it, not as digits of one number', () => {
    expect(extractLines('two 100 m coils halogen free MMJ 3x1,5').map((l) => [l.description, l.quantity, l.unit, l.per])).toEqual([
      ['halogen free MMJ 3x1,5', '2', 'rll', { quantity: '100', unit: 'm' }],
    ]);
  });

  it('leaves a number word joined to the next word alone: it is part of that word', () => {
    expect(spelledOut('12 pcs two-way switch flush white').line).toBe('12 pcs two-way switch flush white');
  });

  it('keeps the customer’s own words as the line’s text', () => {
    expect(extractLines('Palloventtiili DN20 kuusi kappaletta')[0]?.text).toBe('Palloventtiili DN20 kuusi kappaletta');
  });

  it('takes linear time', { timeout: LINEAR_TIME_TEST_TIMEOUT_MS }, async () => {
    await expectLinearTime(run('1-', 'Putki ', '2 kpl'), spelledOut);
    await expectLinearTime(run('noin ', 'Putki ', '2 kpl'), spelledOut);
  });
});
