import { describe, expect, it } from 'vitest';
import { extractLineItems, extractLines } from '../../src/extraction/line-items.js';

/** The single item a line is expected to hold, or null. */
function extractLine(line: string) {
  const items = extractLines(line);
  expect(items.length).toBeLessThanOrEqual(1);
  return items[0] ?? null;
}

/** 6417012345670 has a valid GS1 check digit; ...671 does not. */
const EAN = '6417012345670';
const NOT_EAN = '6417012345671';

describe('extractLine: free-text item lines', () => {
  it.each([
    ['Kupariputki 22x1,0 kova 60 m', 'Kupariputki 22x1,0 kova', '60', 'm'],
    ['Kupariputki 22x1,0 kova 60 metriä', 'Kupariputki 22x1,0 kova', '60', 'm'],
    ['Kuusiomutteri M8 100kpl', 'Kuusiomutteri M8', '100', 'kpl'],
    ['500 kpl Kuusioruuvi DIN 933 M8x30', 'Kuusioruuvi DIN 933 M8x30', '500', 'kpl'],
    ['kpl 10 Kuusiomutteri M8', 'Kuusiomutteri M8', '10', 'kpl'],
    ['Kuusiomutteri M8 kpl 10', 'Kuusiomutteri M8', '10', 'kpl'],
    ['Palloventtiili DN20 3/4" sk/sk x 6', 'Palloventtiili DN20 3/4" sk/sk', '6', null],
    ['6 x Palloventtiili DN20 3/4" sk/sk', 'Palloventtiili DN20 3/4" sk/sk', '6', null],
    ['Kupariputki 28x1,2 kova 37,5 m', 'Kupariputki 28x1,2 kova', '37.5', 'm'],
    ['Kupariputki 35x1,5 kova 22.5 m', 'Kupariputki 35x1,5 kova', '22.5', 'm'],
    ['- Puristus-T 22 mm 12 kpl', 'Puristus-T 22 mm', '12', 'kpl'],
    ['• Puristusmuhvi 15 mm 20 kpl', 'Puristusmuhvi 15 mm', '20', 'kpl'],
    ['1. LED panel 600x600 36W 4000K - 24 pcs', 'LED panel 600x600 36W 4000K', '24', 'kpl'],
    ['2) Putkieriste 22/20 mm 60 m', 'Putkieriste 22/20 mm', '60', 'm'],
    ['MMJ 5x2,5S, 300 m', 'MMJ 5x2,5S', '300', 'm'],
    ['Kopparrörsklammer 22 mm 80 st', 'Kopparrörsklammer 22 mm', '80', 'kpl'],
    ['Rör 22 mm: 10 st.', 'Rör 22 mm', '10', 'kpl'],
    ['Kopparrör 22 mm 10 stycken', 'Kopparrör 22 mm', '10', 'kpl'],
    ['Eristysteippi 19 mm musta 20 rll', 'Eristysteippi 19 mm musta', '20', 'rll'],
    ['Kupariputki 22x1,0 (kova) 60 m', 'Kupariputki 22x1,0 kova', '60', 'm'],
  ])('%j', (line, description, quantity, unit) => {
    expect(extractLine(line)).toEqual({ text: line, description, quantity, unit, code: null, per: null, uncertain: null });
  });

  it('keeps the customer\'s original line, list marker included, in text', () => {
    expect(extractLine('   - Puristuskulma 90° 22 mm 24 kpl  ')).toMatchObject({ text: '- Puristuskulma 90° 22 mm 24 kpl', description: 'Puristuskulma 90° 22 mm' });
  });

  it('does not take the size inside a name for the quantity', () => {
    expect(extractLine('Lämpöpatteri 22-600-1000 4 kpl')).toMatchObject({ description: 'Lämpöpatteri 22-600-1000', quantity: '4', unit: 'kpl' });
  });
});

describe('extractLine: packs of a size the customer gives', () => {
  it.each([
    ['PEX-putki 16x2,2 2 rullaa à 100 m', 'PEX-putki 16x2,2', '2', 'rll', { quantity: '100', unit: 'm' }],
    ['PEX-rör 16x2,2 2 rullar á 100 m', 'PEX-rör 16x2,2', '2', 'rll', { quantity: '100', unit: 'm' }],
    ['MMJ 3x2,5S 3 kelaa a 500 m', 'MMJ 3x2,5S', '3', 'kela', { quantity: '500', unit: 'm' }],
    ['Composite pipe 20x2,0 - 2 coils of 100 m', 'Composite pipe 20x2,0', '2', 'rll', { quantity: '100', unit: 'm' }],
    ['Kupariputki 22x1,0 kova 6 tankoa 5 m', 'Kupariputki 22x1,0 kova', '6', 'tnk', { quantity: '5', unit: 'm' }],
    ['Kopparrör 15x1,0 4 x 5 m', 'Kopparrör 15x1,0', '4', null, { quantity: '5', unit: 'm' }],
    ['PEX 16x2,0 2 x 200 m rulla', 'PEX 16x2,0', '2', 'rll', { quantity: '200', unit: 'm' }],
    ['Nippuside 4,8x200 5 pkt à 100 kpl', 'Nippuside 4,8x200', '5', 'pkt', { quantity: '100', unit: 'kpl' }],
    ['1 drum halogen-free MMJ 3x1,5S (500 m)', 'halogen-free MMJ 3x1,5S', '1', 'kela', { quantity: '500', unit: 'm' }],
    ['2 rolls DPC membrane 300 mm x 20 m', 'DPC membrane 300 mm', '2', 'rll', { quantity: '20', unit: 'm' }],
    ['Flexterm 35x13 12 lengths (2 m)', 'Flexterm 35x13', '12', 'tnk', { quantity: '2', unit: 'm' }],
  ])('%j', (line, description, quantity, unit, per) => {
    expect(extractLine(line)).toEqual({ text: line, description, quantity, unit, code: null, per, uncertain: null });
  });

  it('does not read sizes or a price as what each pack holds', () => {
    expect(extractLine('Kuusioruuvi M8 x 40 kpl')).toMatchObject({ per: null, uncertain: null });
    expect(extractLine('Kupariputki 15x1,0 kova 10 m à 8,50 €')).toMatchObject({ per: null, uncertain: null });
    expect(extractLine('Kupariputki 15x1,0 kova 12 m')).toMatchObject({ quantity: '12', unit: 'm', per: null, uncertain: null });
  });
});

describe('extractLine: codes', () => {
  it.each([
    ['1100088 Palloventtiili DN25 1" sk/sk - 10 st', 'Palloventtiili DN25 1" sk/sk', '10', '1100088'],
    ['Art. 1100215, 40 st', 'Art', '40', '1100215'],
    [`EAN ${EAN} - 120 m`, 'EAN', '120', EAN],
    [`${EAN}, 10 kpl`, '', '10', EAN],
    [`${NOT_EAN} 10 kpl`, '', '10', NOT_EAN],
    ['Johdonsuojakatkaisija MCB-C16-1P 12 kpl', 'Johdonsuojakatkaisija MCB-C16-1P', '12', 'MCB-C16-1P'],
    ['1100088 x 6', '', '6', '1100088'],
    ['MCB-C16-1P, 12 st', 'MCB-C16-1P', '12', 'MCB-C16-1P'],
    ['12 st MCB-B10-1P', 'MCB-B10-1P', '12', 'MCB-B10-1P'],
    ['6 x 1100088', '', '6', '1100088'],
  ])('%j', (line, description, quantity, code) => {
    expect(extractLine(line)).toMatchObject({ description, quantity, code });
  });

  it('keeps a mistyped EAN as the code, so the line reaches review instead of vanishing', () => {
    expect(extractLine(`Kupariputki 15x1,0 kova ${NOT_EAN} 10 m`)).toMatchObject({ description: 'Kupariputki 15x1,0 kova', quantity: '10', unit: 'm', code: NOT_EAN });
  });

  it('prefers a valid EAN over another long number on the line', () => {
    expect(extractLine(`${NOT_EAN} / ${EAN} 10 kpl`)?.code).toBe(EAN);
  });

  it('does not join a standard’s number and the quantity after it into thousands', () => {
    expect(extractLine('Aluslevy M10 kuumasinkitty (DIN 440) 200 kpl')).toMatchObject({ quantity: '200', unit: 'kpl' });
  });

  it('reads thousands written with a space', () => {
    expect(extractLine('Maakaapeli AXMK 4x16S 1 000 m')).toMatchObject({ description: 'Maakaapeli AXMK 4x16S', quantity: '1000', unit: 'm' });
    expect(extractLine('Kupariputki 22x1,0 kova 1 234,5 m')).toMatchObject({ description: 'Kupariputki 22x1,0 kova', quantity: '1234.5' });
  });

  it('does not take sizes and dimensions for a code', () => {
    for (const line of ['Lämpöpatteri 22-600-1000 4 kpl', 'Kuusioruuvi DIN 933 M8x30 500 kpl', 'Vikavirtasuojakytkin 40A 30mA 4-napainen 2 kpl', 'Kaapelikenkä 1,5 mm2 100 kpl']) {
      expect(extractLine(line)?.code).toBeNull();
    }
  });
});

describe('extractLine: where the quantity stands', () => {
  it.each([
    ['3 kpl Varmo 18 l lämmitys', 'Varmo 18 l lämmitys', '3', 'kpl'],
    ['4 pcs extension cord 25 m IP44', 'extension cord 25 m IP44', '4', 'kpl'],
    ['10 x DIN rail 35 mm 1 m', 'DIN rail 35 mm 1 m', '10', null],
    ['KG branch 110/110 45° - 4', 'KG branch 110/110 45°', '4', null],
    ['Tarvitsisin 5 kpl palloventtiileitä DN20', 'palloventtiileitä DN20', '5', 'kpl'],
    ['bimetal cable lug Al/Cu 95mm² M12, a dozen', 'bimetal cable lug Al/Cu 95mm² M12', '12', null],
    ['1,000 cable ties 4.8x290 black', 'cable ties 4.8x290 black', '1000', null],
  ])('%j', (line, description, quantity, unit) => {
    expect(extractLine(line)).toMatchObject({ description, quantity, unit });
  });

  it('does not read a size inside the name as the quantity', () => {
    expect(extractLine('kierretanko M10 1m sinkitty')).toBeNull();
    expect(extractLine('kierretanko M10 1m sinkitty, 50 kpl')).toMatchObject({ description: 'kierretanko M10 1m sinkitty', quantity: '50', unit: 'kpl' });
    expect(extractLine('asennuskisko 41x41 3m sinkitty, 10 kpl')).toMatchObject({ description: 'asennuskisko 41x41 3m sinkitty', quantity: '10' });
  });

  it('keeps a few words after a count with the description: where it goes, or what it is', () => {
    expect(extractLine('- Vägguttag 2-vägs jordat IP44 vit, 8 st (tekniska utrymmen)')).toMatchObject({ description: 'Vägguttag 2-vägs jordat IP44 vit tekniska utrymmen', quantity: '8', unit: 'kpl' });
    expect(extractLine('komposiittiputki 16x2,0 1 kpl, merkillä ei väliä')).toMatchObject({ description: 'komposiittiputki 16x2,0 merkillä ei väliä', quantity: '1' });
    expect(extractLine('Kupariputki 15x1,0 kova 10 m punainen')).toBeNull();
  });

  it('reads no count from a sentence that starts with a number but names nothing with a size', () => {
    expect(extractLine('2 weeks ago we ordered pipes')).toBeNull();
  });

  it('reads no item from a line that introduces the items after it', () => {
    expect(extractLines('glömde ett par saker i gårdagens lista, lägg till:')).toEqual([]);
    expect(extractLines('Tarvitsemme seuraavat 3 tuotetta:')).toEqual([]);
  });

  it('reads no count from how long each bar is', () => {
    expect(extractLines('Putket normaalisti 5 m tankoina niinkuin ennenkin. Jos jotain ei ole hyllyssä niin kerro heti.')).toEqual([]);
  });

  it('leaves a unit price at the end out', () => {
    expect(extractLine('Kupariputki 15x1,0 kova 10 m à 8,50 €')).toMatchObject({ description: 'Kupariputki 15x1,0 kova', quantity: '10', unit: 'm' });
  });
});

describe('extractLine: table rows', () => {
  it.each([
    ['MMJ 3x2,5S\tMMJ325S\t500\tm', 'MMJ 3x2,5S', '500', 'm', 'MMJ325S'],
    ['Johdonsuojakatkaisija C16 1-napainen\tMCB-C16-1P\t20\tkpl', 'Johdonsuojakatkaisija C16 1-napainen', '20', 'kpl', 'MCB-C16-1P'],
    ['Vikavirtasuojakytkin 40A 30mA 4-napainen\t\t4\tkpl', 'Vikavirtasuojakytkin 40A 30mA 4-napainen', '4', 'kpl', null],
    ['3\tkpl\tRyhmäkeskus 24 moduulia uppo', 'Ryhmäkeskus 24 moduulia uppo', '3', 'kpl', null],
    ['Kupariputki 22x1,0 kova | 1000022 | 60 | m', 'Kupariputki 22x1,0 kova', '60', 'm', '1000022'],
    ['Puristusmuhvi 28 mm;16;kpl', 'Puristusmuhvi 28 mm', '16', 'kpl', null],
    ['10\tKuusioruuvi DIN 933\tM12x40\tA4\t100\tkpl', 'Kuusioruuvi DIN 933 M12x40 A4', '100', 'kpl', null],
    ['Kulma 90° sk/sk\t1"\tRST\t6\tkpl\t12,40 €', 'Kulma 90° sk/sk 1" RST', '6', 'kpl', null],
    ['Komposiittiputki\t16x2,0\t200\tm', 'Komposiittiputki 16x2,0', '200', 'm', null],
    ['H-LVI-010\tHT-käyrä\t50x45°\t16\tkpl', 'HT-käyrä 50x45°', '16', 'kpl', 'H-LVI-010'],
    ['5\tComposite press male adapter\t20 x 3/4"\t12\tpcs', 'Composite press male adapter 20 x 3/4"', '12', 'kpl', null],
    ['4\tComposite press tee, PPSU\t20\t16\tpcs', 'Composite press tee, PPSU 20', '16', 'kpl', null],
    ['Jatkojohto 3-os. maad. IP44\t10 m\t3\tkpl', 'Jatkojohto 3-os. maad. IP44 10 m', '3', 'kpl', null],
    ['LED-paneeli 4000K\t600x600 30 W\t20\tkpl', 'LED-paneeli 4000K 600x600 30 W', '20', 'kpl', null],
    ['28\tLämpömatto\t150 W/m², 3 m²\t2\tkpl\tKPH 1 ja 2', 'Lämpömatto 150 W/m², 3 m²', '2', 'kpl', null],
    ['210\tLaippatiiviste\tDN50 PN16\tEPDM\t8\tkpl\tjos löytyy', 'Laippatiiviste DN50 PN16 EPDM', '8', 'kpl', null],
  ])('%j', (line, description, quantity, unit, code) => {
    expect(extractLine(line)).toEqual({ text: line, description, quantity, unit, code, per: null, uncertain: null });
  });

  it('reads what each pack holds from the end of a sentence that counts the packs', () => {
    expect(extractLine('Kan du ge pris på 2 rullar MK 2,5 blå à 100 m')).toMatchObject({ description: 'MK 2,5 blå', quantity: '2', unit: 'rll', per: { quantity: '100', unit: 'm' } });
  });

  it('reads cans of what a can holds', () => {
    expect(extractLine('- Propylene glycol -30, two cans (20 l)')).toMatchObject({ description: 'Propylene glycol -30', quantity: '2', unit: 'pkt', per: { quantity: '20', unit: 'l' } });
  });

  it('reads what each holds from the unit cell', () => {
    expect(extractLine('H-LVI-008\tPutkieriste Flexterm\t22x13 mm\t15\tkpl (2 m)')).toMatchObject({ description: 'Putkieriste Flexterm 22x13 mm', quantity: '15', unit: 'kpl', per: { quantity: '2', unit: 'm' } });
  });

  it('reads what each pack holds from the quantity cell', () => {
    expect(extractLine('MMJ 3x1,5S\t2 rullar à 100 m')).toMatchObject({ description: 'MMJ 3x1,5S', quantity: '2', unit: 'rll', per: { quantity: '100', unit: 'm' } });
  });

  it('takes what a pack holds out of the description: it is no size of the product', () => {
    expect(extractLine('H-K-002\tKuusiomutteri Zn DIN934 (100 kpl/ltk)\tM10\t3\tltk')).toMatchObject({ description: 'Kuusiomutteri Zn DIN934 M10', quantity: '3', unit: 'ltk', per: { quantity: '100', unit: 'kpl' } });
    expect(extractLine('Vipuliitin 3-johtiminen (50 kpl pss)\t2 pss')).toMatchObject({ description: 'Vipuliitin 3-johtiminen', unit: 'pkt', per: { quantity: '50', unit: 'kpl' } });
    expect(extractLine('Nippuside 4,8x290 100 kpl/pss 300 kpl')).toMatchObject({ description: 'Nippuside 4,8x290', quantity: '300', unit: 'kpl', per: null });
  });

  it('reads how long each bar or coil is when the customer counts bars or pieces', () => {
    expect(extractLine('Kopparrör 22x1,0 hårt, 5 m längder\tsex st')).toMatchObject({ quantity: '6', unit: 'kpl', per: { quantity: '5', unit: 'm' } });
    expect(extractLine('Kupariputki kova 22x1,0 5 m tanko\t30\tm')).toMatchObject({ quantity: '30', unit: 'm', per: null });
    expect(extractLine('pexatec 16x2,2 200m rulla 1kpl')).toMatchObject({ quantity: '1', unit: 'kpl', per: { quantity: '200', unit: 'm' } });
    expect(extractLine('MMJ 3x1,5S 100 m rll 2 rll')).toMatchObject({ quantity: '2', unit: 'rll', per: null });
    expect(extractLine('3. Flexterm eriste 12x13, EI itseliimautuva - 20 putkea (2 m)')).toMatchObject({ quantity: '20', unit: 'tnk', per: { quantity: '2', unit: 'm' } });
  });

  it('ignores the header row', () => {
    expect(extractLine('Tuote\tKoodi\tMäärä\tYksikkö')).toBeNull();
    expect(extractLine('Product | Code | Qty | Unit')).toBeNull();
  });
});

describe('extractLine: lines that are not items', () => {
  it.each([
    'Hei Mikko,',
    'Hej,',
    'pyytäisin tarjousta seuraavista Hervannan kohteeseen:',
    'Toimitus Tampereelle viikolla 50.',
    'Kohde: As Oy Kuokkala, 24 asuntoa',
    'Tarjous voimassa 30 päivää',
    'Delivery to Turku within 2 weeks',
    'Could you quote the following by Friday?',
    'puh. 040 555 1234',
    'Y-tunnus 5056401-5',
    'Aikataulu: asennus alkaa 1.12.',
    'Tack på förhand!',
    '',
    '2 kpl',
    'Kupariputki 22x1,0 kova 0 m',
    'Kaapeli à 2 m',
  ])('%j', (line) => {
    expect(extractLine(line)).toBeNull();
  });
});

describe('extractLineItems', () => {
  it('reads the items of a request and nothing else, in order', () => {
    const body = [
      'Hei Mikko,',
      '',
      'pyytäisin tarjousta seuraavista Hervannan kohteeseen:',
      '',
      '- Kupariputki 22x1,0 kova 60 m',
      '- Puristuskulma 90° 22 mm 24 kpl',
      '- Palloventtiili DN20 3/4" sk/sk vipukahva 6 kpl',
      '- Putkieriste 22/20 mm 37,5 m',
      '',
      'Toimitus Tampereelle viikolla 50.',
    ].join('\n');
    expect(extractLineItems(body)).toEqual([
      { text: '- Kupariputki 22x1,0 kova 60 m', description: 'Kupariputki 22x1,0 kova', quantity: '60', unit: 'm', code: null, per: null, uncertain: null },
      { text: '- Puristuskulma 90° 22 mm 24 kpl', description: 'Puristuskulma 90° 22 mm', quantity: '24', unit: 'kpl', code: null, per: null, uncertain: null },
      { text: '- Palloventtiili DN20 3/4" sk/sk vipukahva 6 kpl', description: 'Palloventtiili DN20 3/4" sk/sk vipukahva', quantity: '6', unit: 'kpl', code: null, per: null, uncertain: null },
      { text: '- Putkieriste 22/20 mm 37,5 m', description: 'Putkieriste 22/20 mm', quantity: '37.5', unit: 'm', code: null, per: null, uncertain: null },
    ]);
  });

  it('reads a tab-separated table and skips its header', () => {
    const body = [
      'Hei,',
      'Pyydän tarjousta alla olevista tuotteista.',
      'Tuote\tKoodi\tMäärä\tYksikkö',
      'MMJ 3x2,5S\tMMJ325S\t500\tm',
      'Johdonsuojakatkaisija C16 1-napainen\tMCB-C16-1P\t20\tkpl',
      'Ryhmäkeskus 24 moduulia uppo\t2\tkpl',
    ].join('\n');
    expect(extractLineItems(body).map((l) => [l.description, l.quantity, l.unit, l.code])).toEqual([
      ['MMJ 3x2,5S', '500', 'm', 'MMJ325S'],
      ['Johdonsuojakatkaisija C16 1-napainen', '20', 'kpl', 'MCB-C16-1P'],
      ['Ryhmäkeskus 24 moduulia uppo', '2', 'kpl', null],
    ]);
  });

  it('finds nothing in a thank-you note', () => {
    expect(extractLineItems('Hi Pekka,\n\nthanks for the quick delivery last week, everything arrived fine.\nWe will be in touch about the next phase in January.')).toEqual([]);
  });
});

describe('extractLines: several items on one line', () => {
  const read = (line: string) => extractLines(line).map((l) => [l.description, l.quantity, l.unit]);

  it('cuts a Finnish sentence at conjunctions and sentence ends', () => {
    expect(read('tarvitsisin 20 metriä kupariputkea 22x1,0 kova ja 6 kpl palloventtiileitä DN20. Lisäksi pari (2 kpl) puristusmuhvia 22 mm.')).toEqual([
      ['kupariputkea 22x1,0 kova', '20', 'm'],
      ['palloventtiileitä DN20', '6', 'kpl'],
      ['puristusmuhvia 22 mm', '2', 'kpl'],
    ]);
  });

  it('reads a bare count in a sentence that lists several items', () => {
    expect(read('We need 2 pcs radiator 22-900-600. Also 5 thermostatic valves DN15 straight and 40 metres of PEX pipe 20x2,0.')).toEqual([
      ['radiator 22-900-600', '2', 'kpl'],
      ['thermostatic valves DN15 straight', '5', null],
      ['of PEX pipe 20x2,0', '40', 'm'],
    ]);
  });

  it('joins a description with the bare quantity after its comma', () => {
    expect(read('Kupariputki 22x1,0 kova, 60 m, Palloventtiili DN20, 6 kpl')).toEqual([
      ['Kupariputki 22x1,0 kova', '60', 'm'],
      ['Palloventtiili DN20', '6', 'kpl'],
    ]);
  });

  it('reads the items inside a web form’s message cell', () => {
    expect(read("Message\tHi, we'd need prices for:  AXMK 4x25S 120 m  Cable ties 7,6x280 black, 2 packs    Thanks!")).toEqual([
      ['AXMK 4x25S', '120', 'm'],
      ['Cable ties 7,6x280 black', '2', 'pkt'],
    ]);
  });

  it('reads space-aligned columns as a row: the last column is the quantity', () => {
    expect(read('MMJ 3x1,5S kela 100 m             3 kelaa')).toEqual([['MMJ 3x1,5S kela 100 m', '3', 'kela']]);
    expect(read('1100071   kpl 7')).toEqual([['', '7', 'kpl']]);
  });

  it('keeps a line with a single quantity whole, however it is punctuated', () => {
    expect(read('Kupariputki 10x0,8 pehmeä (25 m ring) – 2 rll')).toEqual([['Kupariputki 10x0,8 pehmeä 25 m ring', '2', 'rll']]);
    expect(read('Ryhmäkeskus 24 moduulia uppo 1 st')).toEqual([['Ryhmäkeskus 24 moduulia uppo', '1', 'kpl']]);
  });
});

