import { describe, expect, it } from 'vitest';
import { alikeSizes, fold, sizeValue, termsOf } from '../../src/matching/terms.js';

describe('fold', () => {
  it.each([
    ['Kupariputki', 'kupariputki'],
    ['Lämpöpatteri', 'lampopatteri'],
    ['Kopparrör hårt', 'kopparror hart'],
    ['Kupariputki 22x1,0', 'kupariputki 22x1.0'],
    ['600×600', '600x600'],
    ['Palloventtiili sk/sk', 'palloventtiili sksk'],
    ['Putkieriste 22/20 mm', 'putkieriste 22/20 mm'],
    ['Kaapeli, 3 kpl', 'kaapeli, 3 kpl'],
  ])('%j -> %j', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });
});

describe('termsOf', () => {
  it.each([
    ['1 1/4"', [], ['1.25"']],
    ['1-1/4"', [], ['1.25"']],
    ['3/4 tuumaa', [], ['0.75"']],
    ['RST kulma 90 1/2" sk/sk', ['rst', 'kulma', 'sksk'], ['0.5"', '90']],
    ['Putki 1,5"', ['putki'], ['1.5"']],
    ['DN15 1/2"', [], ['0.5"', 'dn15']],
    ['Kuusiomutteri M8', ['kuusiomutteri'], ['m8']],
    ['Kuusioruuvi M8x30', ['kuusioruuvi'], ['m8', '30']],
    ['3x1,5S', [], ['3', '1.5s']],
    ['MMJ 3x1,5N', ['mmj'], ['3', '1.5n']],
    ['Kupariputki 22x1,0 kova', ['kupariputki', 'kova'], ['22', '1']],
    ['Johdonsuojakatkaisija C16 1-napainen', ['johdonsuojakatkaisija'], ['c16', '1p']],
    ['Lämpöpatteri 22-600-1000', ['lampopatteri'], ['22', '600', '1000']],
    ['Palloventtiili DN20 3/4" sk/sk', ['palloventtiili', 'sksk'], ['0.75"', 'dn20']],
  ])('%j', (text, words, numbers) => {
    expect(termsOf(text)).toEqual({ words, numbers });
  });

  it('writes one size the same however the customer typed it', () => {
    expect(termsOf('22x1.0').numbers).toEqual(termsOf('22 x 1,00').numbers);
    expect(termsOf('1 1/4"').numbers).toEqual(termsOf('1,25"').numbers);
    expect(termsOf('M8').numbers).toEqual(termsOf('m8').numbers);
    expect(termsOf('pallov. dn 20 sk/sk').numbers).toEqual(termsOf('PALLOVENTTIILI DN20 SK/SK').numbers);
  });

  it('leaves units of measure out of the words', () => {
    expect(termsOf('Puristusmuhvi 15 mm 20 kpl').words).toEqual(['puristusmuhvi']);
    expect(termsOf('Kopparrör 22 mm 10 st').words).toEqual(['kopparror']);
  });

  it('reads letters glued to a number as part of the size, not as a word', () => {
    expect(termsOf('Kuusiomutteri M10 A2 DIN934')).toEqual({ words: ['kuusiomutteri'], numbers: ['m10', 'a2', 'din934'] });
    expect(termsOf('JOHDONSUOJA C16 1P 10KA').words).toEqual(['johdonsuojakatkaisija']);
  });

  it('reads a brand made of a word also as that word, and a tee written as its letter', () => {
    expect(termsOf('NordPress Cu muhvi 22').words).toEqual(['nordpress', 'puristus', 'cu', 'muhvi']);
    expect(termsOf('Puristus-T 22 mm').words).toEqual(['puristus', 'haara']);
    expect(termsOf('PEX-putki 20x2,0').words).toEqual(['pex', 'putki']);
  });

  it('reads a switch by the number the trade gives it', () => {
    expect(termsOf('Kytkin 6 (vaihto) Elvora uppo').words).toEqual(termsOf('VAIHTOKYTKIN ELVORA UPPO').words);
    expect(termsOf('Kytkin 1 (yksinapainen) uppo')).toEqual(termsOf('1-napainen kytkin uppo'));
    expect(termsOf('Kytkin 5 uppo').words).toEqual(['sarjakytkin', 'uppo']);
    expect(termsOf('Kytkin 6 uppo').words).not.toEqual(termsOf('Kytkin 7 uppo').words);
  });

  it('tells a pole with the neutral from a pole alone', () => {
    for (const poles of ['1+N', '1P+N', '1-nap. + N']) expect(termsOf(`Johdonsuojakatkaisija C16 ${poles}`).numbers).toEqual(['c16', '1pn']);
    expect(termsOf('Ylijännitesuoja tyyppi 2, 3+N').numbers).toEqual(['2', '3pn']);
  });

  it('writes poles and gangs one way in every language', () => {
    for (const poles of ['1-napainen', '1-nap.', '1P', '1-pol', 'enpolig', 'single pole', 'yksinapainen']) expect(termsOf(`Kytkin ${poles}`).numbers).toEqual(['1p']);
    for (const gangs of ['2-os.', '2-osainen', '2-vägs', '2-gang']) expect(termsOf(`Pistorasia ${gangs}`).numbers).toEqual(['2os']);
    expect(termsOf('Kytkin 3-pol').numbers).not.toEqual(termsOf('Kytkin 1-pol').numbers);
  });

  it('reads a length in metres and in millimetres as one size', () => {
    expect(alikeSizes('3m')).toContain('3000');
    expect(alikeSizes('1000')).toEqual(['1m']);
    expect(alikeSizes('2.5m')).toContain('2500mm');
    expect(alikeSizes('300')).not.toContain('3m');
    expect(alikeSizes('3')).toEqual([]);
    expect(termsOf('Kierretanko M12 3 m').numbers).toEqual(['m12', '3m']);
  });

  it('reads inch sizes written without the mark, as fittings are', () => {
    expect(termsOf('joustoletku 1/2 sk - 1/2 sk 300mm').numbers).toEqual(['0.5"', '0.5"', '300mm']);
    expect(termsOf('eurokartio liitin 16x2,2 x 3/4').numbers).toEqual(['0.75"', '16', '2.2']);
    expect(termsOf('Hydrotek palloventtiili 1 sk-sk vipu').numbers).toEqual(['1"']);
    expect(termsOf('Pallov. 1 1/4 sk/sk').numbers).toEqual(['1.25"']);
  });

  it('reads the diameters a clamp fits as one size, and no other dash between numbers', () => {
    expect(termsOf('Putkikannake kumilla 25-28 mm M8 Zn').numbers).toEqual(['25-28mm', 'm8']);
    expect(termsOf('Putkikannake 20 - 23mm').numbers).toEqual(['20-23mm']);
    expect(termsOf('Pikaliitin 0,2-4 mm²').numbers).toEqual(['0.2', '4']);
    expect(termsOf('Lämpöpatteri 22-600-1000').numbers).toEqual(['22', '600', '1000']);
    expect(termsOf('Reikäsaha 10-500 mm').numbers).toEqual(['10', '500']);
  });

  it('reads an insulation\'s pipe and wall as its catalog name writes them', () => {
    expect(termsOf('Pipe insulation Flexterm 22 mm pipe, 13 mm wall').numbers).toEqual(termsOf('Putkieriste Flexterm 22x13').numbers);
    expect(termsOf('Rörisolering 28 mm rör, 19 mm vägg').numbers).toEqual(['28', '19']);
  });

  it('reads a stainless grade by its AISI number as the catalog\'s A4 or A2', () => {
    expect(termsOf('RST AISI316').numbers).toEqual(['a4']);
    expect(termsOf('Nippuside 4,6x200 A316').numbers).toEqual(['4.6', '200', 'a4']);
    expect(termsOf('Kuusioruuvi AISI 304 M8').numbers).toEqual(termsOf('Kuusioruuvi A2 M8').numbers);
  });

  it('reads no inch size in what is not one', () => {
    expect(termsOf('Putkieriste 15/9 mm').numbers).toEqual(['15', '9']);
    expect(termsOf('MK 1,5 sk').numbers).toEqual(['1.5']);
    expect(termsOf('Putki 5/4').numbers).toEqual(['5', '4']);
  });

  it('reads a DN and its inch size as one pipe size', () => {
    expect(alikeSizes('dn25')).toEqual(['1"']);
    expect(alikeSizes('0.75"')).toEqual(['dn20']);
    expect(alikeSizes('dn20')).not.toContain('1"');
  });

  it('writes a cable\'s cross-section and a connector\'s conductors one way', () => {
    expect(termsOf('MK 4mm2 yellow/green').numbers).toEqual(termsOf('MK 4 kelt/vihr').numbers);
    expect(termsOf('Single core wire 4 mm² black').numbers).toEqual(['4']);
    expect(termsOf('lever connectors 3-wire').numbers).toEqual(termsOf('Pikaliitin 3-johtiminen vipu').numbers);
  });

  it('writes a volume one way', () => {
    for (const volume of ['18 l', '18L', '18 litraa', '18 litres']) expect(termsOf(`Paisunta-astia ${volume}`).numbers).toEqual(['18l']);
  });

  it('reads a washer\'s dimensions as its bolt size too', () => {
    expect(termsOf('Aluslevy 13x24 kuumasinkitty DIN125').numbers).toContain('m12');
    expect(termsOf('Aluslevy 10,5x20 A2').numbers).toContain('m10');
    expect(termsOf('Laippa 13x24').numbers).not.toContain('m12');
  });

  it('leaves filler words out: they never name a product', () => {
    expect(termsOf('Expansion vessel for the heating, or equivalent').words).toEqual(['expansion', 'vessel', 'lammitys']);
    expect(termsOf('Kulventil med spak eller motsvarande').words).toEqual(['kulventil', 'vipukahva']);
  });

  it('keeps different sizes apart', () => {
    expect(termsOf('MMJ 3x1,5S').numbers).not.toEqual(termsOf('MMJ 3x1,5N').numbers);
    expect(termsOf('Palloventtiili 1/2"').numbers).not.toEqual(termsOf('Palloventtiili 1 1/2"').numbers);
  });
});

describe('termsOf: materials and finishes', () => {
  it.each([
    ['Kuusiomutteri M8 sinkitty', 'Kuusiomutteri M8 Zn', 'zn'],
    ['Mutter M8 förzinkad', 'Kuusiomutteri M8 Zn', 'zn'],
    ['Aluslevy M10 kuumasinkitty', 'Aluslevy M10 HDG', 'hdg'],
    ['Washer M10 hot-dip galvanised', 'Aluslevy M10 HDG', 'hdg'],
    ['Kiila-ankkuri haponkestävä', 'Kiila-ankkuri A4', 'a4'],
    ['Skruv syrafast', 'Ruuvi A4', 'a4'],
    ['Kulma rostfri', 'RST kulma', 'rst'],
    ['Kulma mässing', 'Kulma messinki', 'messinki'],
    ['MMJ 3x1,5S halogen-free', 'MMJ-HF 3x1,5S', 'hf'],
    ['MMJ 3x1,5S halogeeniton', 'MMJ-HF 3x1,5S', 'hf'],
    ['Pistorasia vit jordad', 'PISTORASIA MAAD VALK', 'valkoinen'],
    ['Pistorasia white earthed', 'PISTORASIA MAAD VALK', 'maadoitettu'],
    ['MCB C16', 'JOHDONSUOJA C16', 'johdonsuojakatkaisija'],
    ['Dvärgbrytare C16', 'Johdonsuojakatkaisija C16', 'johdonsuojakatkaisija'],
    ['Tammer pallov. 1"', 'PALLOVENTTIILI TAMMER 1"', 'palloventtiili'],
    ['MK 4 yellow/green', 'MK 4 kelt/vihr', 'keltavihrea'],
    ['Cu press T 22', 'Puristus-T 22 mm Cu', 'haara'],
    ['paisunta-astia 18 litraa lämmitykseen', 'Membrane expansion vessel 18 l red (heating)', 'lammitys'],
    ['Rörisolering självhäftande', 'Putkieriste itseliimautuva', 'itseliimautuva'],
    ['Kuusiokolo M8x30 12.9', 'Kuusiokoloruuvi M8x30 12.9', 'kuusiokoloruuvi'],
    ['Roofing screw 4.8x20 brick red', 'Kattoruuvi 4,8x20 tiilenpunainen', 'tiilenpunainen'],
    ['LED-kattovalaisin liiketunnistimella', 'LED-kattovalaisin liiketunnistin', 'liiketunnistin'],
  ])('%j and %j both say %j', (asked, catalog, term) => {
    const termsIn = (text: string) => [...termsOf(text).words, ...termsOf(text).numbers];
    expect(termsIn(asked)).toContain(term);
    expect(termsIn(catalog)).toContain(term);
  });

  it('reads "hot-dip galvanised" as one finish, and the trade abbreviations', () => {
    expect(termsOf('Hex nut M8 hot-dip galvanized DIN 934').words).toEqual(['hex', 'mutteri', 'hdg']);
    expect(termsOf('kiila-ankkuri m10x90 sink').words).toContain('zn');
  });

  it('drops what the customer says is not wanted', () => {
    expect(termsOf('Flexterm 35x13 (not self-adhesive)').words).toEqual(['flexterm']);
    expect(termsOf('Flexterm eriste 12x13, EI itseliimautuva').words).toEqual(['flexterm', 'eriste']);
  });

  it('reads "RST A2" as the A2 a name gives alone', () => {
    expect(termsOf('Kuusiokoloruuvi M6x20 RST A2 DIN912')).toEqual(termsOf('Kuusiokoloruuvi M6x20 A2 DIN912'));
    expect(termsOf('Kulma 90° RST').words).toContain('rst');
  });

  it('keeps stainless grades apart: A2 is not A4', () => {
    expect(termsOf('Kuusioruuvi A2').numbers).not.toContain('a4');
    expect(termsOf('haponkestävä')).toEqual({ words: [], numbers: ['a4'] });
  });
});

describe('termsOf: a type by its letters', () => {
  it('keeps the letters of "tyyppi A" and "type AC", in any of the languages', () => {
    expect(termsOf('Vikavirtasuojakytkin 40 A 30 mA tyyppi A').words).toContain('typa');
    expect(termsOf('RCCB 4P 40 A 30 mA type A').words).toContain('typa');
    expect(termsOf('Jordfelsbrytare typ AC').words).toContain('typac');
    expect(termsOf('tyyppi B').words).not.toContain('typa');
  });
});

describe('termsOf: sizes written with or without a space', () => {
  it.each([
    ['Aluslevy DIN 125', 'Aluslevy DIN125'],
    ['LED-paneeli 36 W', 'LED-paneeli 36W'],
    ['Vikavirtasuojakytkin 40 A 30 mA', 'Vikavirtasuojakytkin 40A 30mA'],
  ])('%j is %j', (spaced, joined) => {
    expect(termsOf(spaced)).toEqual(termsOf(joined));
  });
});

describe('sizeValue', () => {
  it.each([
    ['m8', '8'],
    ['1.5s', '1.5'],
    ['dn15', '15'],
    ['c16', '16'],
    ['22', '22'],
    ['1.25"', '1.25"'],
  ])('%s -> %s', (size, value) => {
    expect(sizeValue(size)).toBe(value);
  });
});
