import { describe, expect, it } from 'vitest';
import type { Product } from '../../src/domain/product.js';
import { conversionsInName, parseConversions, toSalesUnits, type AskedQuantity } from '../../src/domain/sales-units.js';

function product(name: string, unit: string, extra: Partial<Product> = {}): Product {
  return { sku: '1', name, extraName: null, ean: null, supplierCodes: [], unit, units: [], listPrice: '1', vatRate: '25.5', group: null, ...extra };
}

const asked = (quantity: string, unit: string | null, per: AskedQuantity['per'] = null): AskedQuantity => ({ quantity, unit, per });

describe('the units column', () => {
  it('reads conversions, in the seller unit codes', () => {
    expect(parseConversions('rll=200 m')).toEqual([{ unit: 'rll', quantity: '200', of: 'm' }]);
    expect(parseConversions('pkt=100 kpl | ltk = 1000 st')).toEqual([
      { unit: 'pkt', quantity: '100', of: 'kpl' },
      { unit: 'ltk', quantity: '1000', of: 'kpl' },
    ]);
    expect(parseConversions('kela=0,5 km')).toEqual([{ unit: 'kela', quantity: '0.5', of: 'km' }]);
  });

  it.each(['rll 200 m', 'rll=m', 'rll=0 m', 'rll=200 m|pkt'])('refuses %s', (text) => {
    expect(parseConversions(text)).toBeNull();
  });
});

describe('what a product name says about its pack', () => {
  it.each([
    ['PEX-putki 16x2,0 rulla 200 m', 'm', [{ unit: 'rll', quantity: '200', of: 'm' }]],
    ['Kupariputki 10x0,8 pehmeä kiepillä 25 m', 'rll', [{ unit: 'rll', quantity: '25', of: 'm' }]],
    ['Komposiittiputki 20x2,0 200 m coil', 'm', [{ unit: 'rll', quantity: '200', of: 'm' }]],
    ['MMJ 3x1,5S kela 500m', 'm', [{ unit: 'kela', quantity: '500', of: 'm' }]],
    ['Nippuside 4,8x200 musta 100 kpl/pkt', 'pkt', [{ unit: 'pkt', quantity: '100', of: 'kpl' }]],
    ['Nippuside 4,8x200 musta (100 kpl)', 'pkt', [{ unit: 'pkt', quantity: '100', of: 'kpl' }]],
    ['Kuusioruuvi M8x40 A2 (200 kpl)', 'ltk', [{ unit: 'ltk', quantity: '200', of: 'kpl' }]],
    [
      'Aluslevy M8 Zn à 100 kpl',
      'kpl',
      [
        { unit: 'pkt', quantity: '100', of: 'kpl' },
        { unit: 'ltk', quantity: '100', of: 'kpl' },
      ],
    ],
    ['Kupariputki 15x1,0 kova', 'm', []],
    ['Paisunta-astia 18 l', 'kpl', []],
  ])('%s (sold per %s)', (name, unit, expected) => {
    expect(conversionsInName(product(name, unit))).toEqual(expected);
  });

  it('reads the second name line too', () => {
    expect(conversionsInName(product('Kupariputki 15x1,0 kova', 'm', { extraName: 'tanko 5 m, EN 1057' }))).toEqual([{ unit: 'tnk', quantity: '5', of: 'm' }]);
  });
});

describe('a requested quantity in the product unit', () => {
  const pexByName = product('PEX-putki 16x2,0 rulla 200 m', 'm');
  const pexByData = product('PEX-putki 16x2,0', 'm', { units: [{ unit: 'rll', quantity: '200', of: 'm' }] });
  const ties = product('Nippuside 4,8x200 musta', 'pkt', { units: [{ unit: 'pkt', quantity: '100', of: 'kpl' }] });

  it('is the same number when the customer asks in that unit or gives none', () => {
    expect(toSalesUnits(asked('25', 'm'), pexByName)).toEqual({ quantity: '25', shown: null, problem: null });
    expect(toSalesUnits(asked('25', null), pexByName)).toEqual({ quantity: '25', shown: null, problem: null });
  });

  it('turns one coil into its metres, by the data or by the name', () => {
    expect(toSalesUnits(asked('1', 'rll'), pexByData)).toEqual({ quantity: '200', shown: '1 rll × 200 m = 200 m', problem: null });
    expect(toSalesUnits(asked('3', 'rll'), pexByName)).toMatchObject({ quantity: '600', problem: null });
  });

  it('tells a coil from a drum only where the catalog does', () => {
    const onCoils = product('MMJ 3x1,5S kela 100 m', 'rll');
    expect(toSalesUnits(asked('3', 'kela'), onCoils)).toEqual({ quantity: '3', shown: null, problem: null });
    const both = product('MMJ 3x1,5S', 'm', { units: [{ unit: 'rll', quantity: '100', of: 'm' }, { unit: 'kela', quantity: '500', of: 'm' }] });
    expect(toSalesUnits(asked('1', 'kela'), both)).toMatchObject({ quantity: '500' });
    expect(toSalesUnits(asked('1', 'rll'), both)).toMatchObject({ quantity: '100' });
  });

  it('multiplies coils of the size the customer gives', () => {
    const pipe = product('PEX-putki 16x2,0', 'm');
    expect(toSalesUnits(asked('2', 'rll', { quantity: '100', unit: 'm' }), pipe)).toEqual({ quantity: '200', shown: '2 rll × 100 m = 200 m', problem: null });
    expect(toSalesUnits(asked('4', null, { quantity: '5', unit: 'm' }), pipe)).toMatchObject({ quantity: '20', shown: '4 × 5 m = 20 m' });
  });

  it('asks when the customer wants coils of another size than the product comes in', () => {
    expect(toSalesUnits(asked('2', 'rll', { quantity: '100', unit: 'm' }), pexByData)).toEqual({
      quantity: '200',
      shown: '2 rll × 100 m = 200 m',
      problem: 'the customer asks for rll of 100 m; this product comes in rll of 200 m',
    });
  });

  it('turns pieces into packs, and asks when they do not come out whole', () => {
    expect(toSalesUnits(asked('1000', 'kpl'), ties)).toEqual({ quantity: '10', shown: '1000 kpl = 10 pkt of 100 kpl', problem: null });
    expect(toSalesUnits(asked('250', 'st'), ties)).toEqual({
      quantity: '3',
      shown: '250 kpl = 2.5 pkt of 100 kpl',
      problem: '250 kpl = 2.5 pkt of 100 kpl is not a whole number of pkt; 3 pkt offered',
    });
  });

  it('reads a count with no unit as pieces when it is whole packs of them, as packs when it is less than one', () => {
    expect(toSalesUnits(asked('1000', null), ties)).toEqual({ quantity: '10', shown: '1000 kpl = 10 pkt of 100 kpl', problem: null });
    expect(toSalesUnits(asked('5', null), ties)).toEqual({ quantity: '5', shown: null, problem: null });
    expect(toSalesUnits(asked('150', null), ties)).toEqual({
      quantity: '150',
      shown: null,
      problem: 'no unit given: 150 pkt assumed; if pieces are meant, that is 150 kpl = 1.5 pkt of 100 kpl',
    });
  });

  it('turns metres into the coils a product is sold in', () => {
    const soft = product('Kupariputki 10x0,8 pehmeä kiepillä 25 m', 'rll');
    expect(toSalesUnits(asked('50', 'm'), soft)).toMatchObject({ quantity: '2', problem: null });
  });

  it('never guesses a conversion it does not know', () => {
    const hard = product('Kupariputki 15x1,0 kova', 'm');
    expect(toSalesUnits(asked('2', 'kpl'), hard)).toEqual({ quantity: '2', shown: null, problem: 'asked in kpl, sold per m, and how many m that is is not known; 2 m assumed' });
    expect(toSalesUnits(asked('1', 'rll'), hard).problem).toMatch(/not known/);
  });

  it('counts a bar of a pipe sold per piece as one piece', () => {
    expect(toSalesUnits(asked('2', 'tnk'), product('Kupariputki kova 54x2,0 5 m', 'kpl'))).toEqual({ quantity: '2', shown: null, problem: null });
    expect(toSalesUnits(asked('6', 'kpl', { quantity: '5', unit: 'm' }), product('Kupariputki kova 22x1,0 5 m', 'm'))).toMatchObject({ quantity: '30', problem: null });
  });

  it('reads a drum of a product that comes only in coils as its coil', () => {
    expect(toSalesUnits(asked('1', 'kela'), product('Kupariputki pehmeä 15x1,0 kieppi 25 m', 'm'))).toMatchObject({ quantity: '25', problem: null });
  });

  it('counts packets and lengths of what one piece is as so many pieces', () => {
    const nails = product('Kampanaula kuumasinkitty 4,0x50 5 kg', 'kpl');
    expect(toSalesUnits(asked('2', 'pkt', { quantity: '5', unit: 'kg' }), nails)).toEqual({ quantity: '2', shown: null, problem: null });
    expect(toSalesUnits(asked('4', 'pkt'), nails)).toEqual({ quantity: '4', shown: null, problem: null });
    expect(toSalesUnits(asked('20', 'kpl', { quantity: '1', unit: 'm' }), product('Kierretanko A4 M10 1 m', 'kpl'))).toEqual({ quantity: '20', shown: null, problem: null });
  });

  it('still asks when the packet or length asked for is not what one piece is', () => {
    expect(toSalesUnits(asked('2', 'pkt', { quantity: '10', unit: 'kg' }), product('Kampanaula 4,0x50 5 kg', 'kpl')).problem).toMatch(/not known/);
    expect(toSalesUnits(asked('6', 'kpl', { quantity: '3', unit: 'm' }), product('Kierretanko A4 M10 1 m', 'kpl')).problem).toMatch(/not known/);
    expect(toSalesUnits(asked('2', 'pkt'), product('Asennuskisko C 41x41 3 m Zn', 'kpl')).problem).toMatch(/not known/);
  });

  it('compares units by what they mean, not how they are spelt', () => {
    expect(toSalesUnits(asked('10', 'pcs'), product('Palloventtiili DN20', 'KPL'))).toEqual({ quantity: '10', shown: null, problem: null });
  });
});
