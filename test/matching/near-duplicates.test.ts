import { describe, expect, it } from 'vitest';
import type { Product } from '../../src/domain/product.js';
import type { ScoredProduct } from '../../src/matching/catalog-index.js';
import { chooseAmongNearDuplicates, misfitsUnit } from '../../src/matching/near-duplicates.js';
import { product } from './catalog.js';

const scored = (score: number, sku: string, name: string, extra: Partial<Product> = {}): ScoredProduct => ({ score, product: product(sku, name, extra) });

describe('choosing among near-duplicates', () => {
  it('takes the variant without a feature nobody asked for', () => {
    const ranked = [
      scored(0.97, '1', 'Putkieriste Flexterm 22x13 mm 2 m'),
      scored(0.94, '2', 'Putkieriste Flexterm 22x13 mm 2 m itseliimautuva'),
    ];
    expect(chooseAmongNearDuplicates('Putkieriste Flexterm 22x13', ranked)).toEqual({
      chosen: ranked[0],
      note: 'the only one without what was not asked for (itseliimautuva)',
    });
  });

  it('keeps the feature the customer asked for, however it is inflected', () => {
    const ranked = [
      scored(0.75, '1', 'LED-kattovalaisin IP44 18 W 4000K valkoinen'),
      scored(0.73, '2', 'LED-kattovalaisin IP44 18 W 4000K valkoinen liiketunnistin'),
    ];
    expect(chooseAmongNearDuplicates('LED-kattovalaisin IP44 18 W 4000K liiketunnistimella', ranked)).toBeNull();
  });

  it('takes the cheaper when they differ only by a brand the customer did not name, and says so', () => {
    const ranked = [
      scored(0.9, '1', 'Pistorasia 2-os uppo IP20 valkoinen Norvolt', { listPrice: '9.80' }),
      scored(0.9, '2', 'Pistorasia 2-os uppo IP20 valkoinen Elvora', { listPrice: '7.40' }),
    ];
    expect(chooseAmongNearDuplicates('pistorasia 2-os uppo valkoinen IP20', ranked)).toEqual({
      chosen: ranked[1],
      note: 'no brand named: the cheaper of Norvolt, Elvora',
    });
  });

  it('takes the brand the seller prefers for the product group, when the customer named none', () => {
    const ranked = [
      scored(0.9, '1', 'Pistorasia 2-os uppo IP20 valkoinen Norvolt', { listPrice: '9.80', group: 'SAHKO-ASENNUS' }),
      scored(0.9, '2', 'Pistorasia 2-os uppo IP20 valkoinen Elvora', { listPrice: '7.40', group: 'SAHKO-ASENNUS' }),
    ];
    const prefer = (group: string | null) => (group === 'SAHKO-ASENNUS' ? ['Abba', 'NORVOLT'] : []);
    expect(chooseAmongNearDuplicates('pistorasia 2-os uppo valkoinen IP20', ranked, { preferredBrands: prefer })).toEqual({
      chosen: ranked[0],
      note: 'no brand named: Norvolt, the brand preferred for SAHKO-ASENNUS',
    });
    expect(chooseAmongNearDuplicates('pistorasia 2-os uppo valkoinen IP20', ranked, { preferredBrands: () => ['Abba'] })).toMatchObject({ chosen: ranked[1] });
  });

  it('reads a brand in a name written in capitals, when the other name surely names a brand', () => {
    const ranked = [
      scored(0.97, '1', 'PISTORASIA 2-OS MAAD UPPO IP20 VALK NORVOLT', { listPrice: '15.90' }),
      scored(0.97, '2', 'Pistorasia Elvora 2-os. maadoitettu uppo valkoinen IP20', { listPrice: '13.90' }),
    ];
    expect(chooseAmongNearDuplicates('Vägguttag 2-vägs jordat infällt vitt IP20', ranked)).toEqual({ chosen: ranked[1], note: 'no brand named: the cheaper of NORVOLT, Elvora' });
    const handles = [
      scored(0.9, '1', 'PALLOVENTTIILI TAMMER DN25 SK/SK VIPUKAHVA', { listPrice: '20.00' }),
      scored(0.9, '2', 'PALLOVENTTIILI TAMMER DN25 SK/SK PERHOSKAHVA', { listPrice: '19.00' }),
    ];
    expect(chooseAmongNearDuplicates('palloventtiili DN25 sk/sk', handles)).toBeNull();
  });

  it('asks a person when variants differ only in a material the customer did not name: it may stand outside the line', () => {
    const ranked = [scored(0.97, '1', 'Kiskomutteri jousella M10 A4'), scored(0.97, '2', 'Kiskomutteri jousella M10 Zn')];
    expect(chooseAmongNearDuplicates('kiskomutteri m10 jousella', ranked)).toBeNull();
  });

  it('takes the material the mail\'s other lines name, and asks when they name both about equally', () => {
    const ranked = [scored(0.97, '1', 'Kiskomutteri jousella M10 A4'), scored(0.97, '2', 'Kiskomutteri jousella M10 Zn')];
    expect(chooseAmongNearDuplicates('kiskomutteri m10 jousella', ranked, { mailWords: new Map([['kierretanko', 1], ['zn', 1]]) })).toEqual({
      chosen: ranked[1],
      note: "the line names none, the mail's other lines say zn",
    });
    expect(chooseAmongNearDuplicates('kiskomutteri m10 jousella', ranked, { mailWords: new Map([['zn', 2], ['a4', 1]]) })).toBeNull();
    expect(chooseAmongNearDuplicates('kiskomutteri m10 jousella', ranked, { mailWords: new Map([['zn', 1], ['a4', 3]]) })?.chosen).toBe(ranked[0]);
  });

  it('takes the bracket for the size of vessel the mail\'s other lines ask for', () => {
    const brackets = [scored(0.94, '1', 'Seinäkiinnike paisunta-astialle 8-25 l'), scored(0.94, '2', 'Seinäkiinnike paisunta-astialle 35-80 l')];
    expect(chooseAmongNearDuplicates('seinäkiinnike paisunta-astialle', brackets, { mailWords: new Map([['varmo', 1], ['18l', 1]]) })?.chosen).toBe(brackets[0]);
    expect(chooseAmongNearDuplicates('seinäkiinnike paisunta-astialle', brackets, { mailWords: new Map([['varmo', 1]]) })).toBeNull();
  });

  it('takes no brand from the mail\'s other lines: a brand named for one line is that line\'s', () => {
    const ranked = [scored(0.9, '1', 'VIKAVIRTASUOJA NORVOLT 4P 40A 30MA A', { listPrice: '69' }), scored(0.9, '2', 'Vikavirtasuojakytkin Elvora 4P 40A 30MA A', { listPrice: '57' })];
    expect(chooseAmongNearDuplicates('jordfelsbrytare 4-pol 40A 30mA typ A', ranked, { mailWords: new Map([['norvolt', 3]]) })?.chosen).toBe(ranked[1]);
  });

  it('reads a brand that starts a name, before what the product is', () => {
    const valves = [
      scored(0.97, '1', 'Pallov. Aquaflux 1" sk/sk vipukahva', { listPrice: '22.87' }),
      scored(0.97, '2', 'Hydrotek palloventtiili 1 sk-sk vipu', { listPrice: '13.96' }),
    ];
    expect(chooseAmongNearDuplicates('kulventil DN25 inv/inv med spak', valves)).toEqual({ chosen: valves[1], note: 'no brand named: the cheaper of Aquaflux, Hydrotek' });
    const withPotable = [...valves, scored(0.91, '3', 'Pallov. Aquaflux DZR 1" sk/sk vipukahva juomavesi', { listPrice: '9.00' })];
    expect(chooseAmongNearDuplicates('kulventil DN25 inv/inv med spak', withPotable)).toEqual({ chosen: valves[1], note: 'no brand named: the cheaper of Aquaflux, Hydrotek' });
    const fittings = [scored(0.9, '1', 'Kulma 90 Zn 1/2" sk/sk', { listPrice: '2.00' }), scored(0.9, '2', 'Käyrä 90 Zn 1/2" sk/sk', { listPrice: '3.00' })];
    expect(chooseAmongNearDuplicates('90 Zn 1/2" sk/sk', fittings)).toBeNull();
  });

  it('reads the colour the trade gives a use as asked for with the use: a heating vessel is red', () => {
    const vessels = [
      scored(0.97, '1', 'Paisunta-astia Varmo 18 l lämmitys', { listPrice: '38.90' }),
      scored(0.94, '2', 'KALVOPAISUNTA-ASTIA TERMOPLUS 18L PUNAINEN', { listPrice: '34.23', extraName: 'Membrane expansion vessel 18 l red (heating)' }),
    ];
    expect(chooseAmongNearDuplicates('paisunta-astia 18 litraa lämmitykseen', vessels)).toEqual({ chosen: vessels[1], note: 'no brand named: the cheaper of Varmo, TERMOPLUS' });
    expect(chooseAmongNearDuplicates('paisunta-astia 18 litraa juomavedelle', vessels)).toBeNull();
  });

  it('counts a size written another way as asked for, and a standard as no feature', () => {
    const valves = [
      scored(1, '1', 'Pallov. Aquaflux 1" uk/uk perhoskahva', { listPrice: '18.00' }),
      scored(1, '2', 'PALLOVENTTIILI TAMMER DN25 UK/UK PERHOSKAHVA', { listPrice: '21.00' }),
    ];
    expect(chooseAmongNearDuplicates('Ball valve 1" MM butterfly handle', valves)).toEqual({ chosen: valves[0], note: 'no brand named: the cheaper of Aquaflux, TAMMER' });
    const rods = [scored(0.97, '1', 'Kierretanko M10 8.8 Zn 1 m'), scored(0.97, '2', 'Kierretanko M10x1000 Zn DIN976')];
    expect(chooseAmongNearDuplicates('kierretanko M10 1m sinkitty', rods)).toEqual({ chosen: rods[1], note: 'the only one without what was not asked for (8.8)' });
  });

  it('takes a nut of the common class over a loose one when the customer names neither, and asks between two classes', () => {
    const boxed = scored(0.97, '1', 'Kuusiomutteri M8 8 Zn DIN934', { listPrice: '7.65' });
    const loose = scored(0.97, '2', 'Kuusiomutteri M8 Zn DIN934 irto', { listPrice: '0.06' });
    expect(chooseAmongNearDuplicates('Kuusiomutteri M8 Zn DIN934', [boxed, loose])).toEqual({ chosen: boxed, note: 'the only one without what was not asked for (irto)' });
    const stronger = scored(0.97, '3', 'Kuusiomutteri M8 10 Zn DIN934');
    expect(chooseAmongNearDuplicates('Kuusiomutteri M8 Zn DIN934', [boxed, stronger])).toBeNull();
  });

  it('leaves an unasked breaking capacity to the seller: brands that differ by it go by the brand rule', () => {
    const elvora = scored(0.97, '1', 'Johdonsuojakatkaisija Elvora B16 1-nap. 6 kA', { listPrice: '6.40' });
    const norvolt = scored(0.94, '2', 'JOHDONSUOJA NORVOLT B16 1P 10KA', { listPrice: '8.00' });
    expect(chooseAmongNearDuplicates('Johdonsuojakatkaisija B16 1-napainen', [elvora, norvolt])).toEqual({ chosen: elvora, note: 'no brand named: the cheaper of Elvora, NORVOLT' });
    const stronger = scored(0.97, '3', 'Johdonsuojakatkaisija Elvora B16 1-nap. 10 kA');
    expect(chooseAmongNearDuplicates('Johdonsuojakatkaisija B16 1-napainen', [elvora, stronger])).toBeNull();
  });

  it('counts how many a box holds as no feature', () => {
    const boxed = scored(0.94, '1', 'KUUSIORUUVI KUUMASINKITTY M12X120 DIN933 (25 KPL)');
    const partial = scored(0.94, '2', 'Kuusioruuvi osakierre M12x120 kuumasinkitty DIN931');
    expect(chooseAmongNearDuplicates('sexkantskruv M12x120 varmförzinkad', [boxed, partial])).toEqual({ chosen: boxed, note: 'the only one without what was not asked for (osakierre)' });
  });

  it('takes IP20 for a customer who names no protection class', () => {
    const norvolt = scored(0.97, '1', 'VAIHTOKYTKIN UPPO VALK NORVOLT', { listPrice: '14.50' });
    const elvora = scored(0.94, '2', 'Kytkin 6 (vaihto) Elvora uppo valkoinen IP20', { listPrice: '12.90' });
    expect(chooseAmongNearDuplicates('vaihtokytkin uppo valkoinen', [norvolt, elvora])).toEqual({ chosen: elvora, note: 'no brand named: the cheaper of NORVOLT, Elvora' });
    const wet = [scored(0.97, '3', 'Pistorasia 2-os. uppo valkoinen IP20'), scored(0.97, '4', 'Pistorasia 2-os. uppo valkoinen IP44')];
    expect(chooseAmongNearDuplicates('pistorasia 2-os uppo valkoinen', wet)?.chosen).toBe(wet[0]);
  });

  it('asks a person when they differ in something that matters and was not said', () => {
    const curves = [scored(0.9, '1', 'Johdonsuojakatkaisija B16 1-napainen'), scored(0.9, '2', 'Johdonsuojakatkaisija C16 1-napainen')];
    expect(chooseAmongNearDuplicates('Johdonsuojakatkaisija 16 A 1-napainen', curves)).toBeNull();
    const threads = [scored(0.9, '1', 'Palloventtiili DN20 sk/sk vipukahva'), scored(0.9, '2', 'Palloventtiili DN20 sk/uk vipukahva')];
    expect(chooseAmongNearDuplicates('Palloventtiili DN20 vipukahva', threads)).toBeNull();
  });

  it('does nothing when one candidate is clearly the best', () => {
    expect(chooseAmongNearDuplicates('MMJ 3x2,5S', [scored(0.97, '1', 'MMJ 3x2,5S'), scored(0.5, '2', 'MMJ 3x1,5S')])).toBeNull();
  });
});

describe('choosing by the unit asked in', () => {
  it('takes the only one sold in the unit the customer asked in', () => {
    const ranked = [
      scored(0.97, '1', 'MMJ 3x1,5S kela', { unit: 'kela', units: [{ unit: 'kela', quantity: '500', of: 'm' }] }),
      scored(0.94, '2', 'MMJ 3x1,5S 100 m rll', { unit: 'm', units: [{ unit: 'rll', quantity: '100', of: 'm' }] }),
    ];
    expect(chooseAmongNearDuplicates('MMJ 3x1,5S', ranked, { unit: 'm' })).toEqual({ chosen: ranked[1], note: 'the only one sold in m' });
    expect(chooseAmongNearDuplicates('MMJ 3x1,5S', ranked, { unit: 'kpl' })).toBeNull();
    expect(chooseAmongNearDuplicates('MMJ 3x1,5S', [ranked[0]!, scored(0.94, '3', 'MMJ 3x1,5S 100 m', { unit: 'm' })], { unit: 'kela' })).toEqual({
      chosen: ranked[0],
      note: 'the only one sold in kela',
    });
  });

  it('tells a coil from a drum, and chooses the plainest of those sold in the unit asked in', () => {
    const ranked = [
      scored(0.97, '1', 'MMJ 3x1,5S kela', { unit: 'm', units: [{ unit: 'kela', quantity: '500', of: 'm' }] }),
      scored(0.94, '2', 'MMJ 3x1,5S 100 m rll', { unit: 'm', units: [{ unit: 'rll', quantity: '100', of: 'm' }] }),
      scored(0.93, '3', 'MMJ-HF 3x1,5S rll 100m', { unit: 'rll' }),
    ];
    expect(chooseAmongNearDuplicates('MMJ 3x1,5S', ranked, { unit: 'rll' })).toEqual({ chosen: ranked[1], note: 'of those sold in rll, the only one without what was not asked for (hf)' });
  });

  it('takes the coil that holds what the customer said each holds', () => {
    const ranked = [
      scored(0.85, '1', 'Komposiittiputki 16x2,0 rll 100 m', { unit: 'm' }),
      scored(0.85, '2', 'Komposiittiputki 16x2,0 rll 200 m', { unit: 'm' }),
    ];
    expect(chooseAmongNearDuplicates('Komposiittiputki 16x2', ranked, { unit: 'rll', per: { quantity: '200', unit: 'm' } })).toEqual({ chosen: ranked[1], note: 'the only one of 200 m per rll' });
    expect(chooseAmongNearDuplicates('Komposiittiputki 16x2', ranked, { unit: 'rll', per: { quantity: '50', unit: 'm' } })).toBeNull();
  });

  it('takes the coil that holds what the customer said even when its name adds words they did not write', () => {
    const ranked = [
      scored(0.97, '1', 'MMJ 3x2,5S kela', { unit: 'm', units: [{ unit: 'kela', quantity: '500', of: 'm' }] }),
      scored(0.94, '2', 'MMJ 3X2,5S HF KELA', { unit: 'm', units: [{ unit: 'kela', quantity: '500', of: 'm' }] }),
      scored(0.85, '3', 'MMJ 3x2,5S 100 m rll', { unit: 'm', units: [{ unit: 'rll', quantity: '100', of: 'm' }] }),
      scored(0.8, '4', 'MMJ-HF 3x2,5S rll 100m', { unit: 'm', units: [{ unit: 'rll', quantity: '100', of: 'm' }] }),
    ];
    expect(chooseAmongNearDuplicates('MMJ 3x2.5', ranked, { unit: 'rll', per: { quantity: '100', unit: 'm' } })).toEqual({ chosen: ranked[2], note: 'the only one of 100 m per rll' });
    expect(chooseAmongNearDuplicates('MMJ 3x2.5', [ranked[0]!, ranked[3]!], { unit: 'rll', per: { quantity: '100', unit: 'm' } })).toBeNull();
  });

  it('says when a product is not sold in the unit asked for', () => {
    const cable = scored(1, '1', 'MMJ-HF 3x1,5S halogeeniton', { unit: 'm' }).product;
    expect(misfitsUnit(cable, 'rll')).toBe(true);
    expect(misfitsUnit(cable, 'm')).toBe(false);
    expect(misfitsUnit(cable, 'kpl')).toBe(false);
    expect(misfitsUnit(cable, null)).toBe(false);
  });
});
