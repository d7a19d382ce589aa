import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/domain/product.js';
import { CatalogIndex, type ScoredProduct } from '../../src/matching/catalog-index.js';
import { CATALOG, product, streamOf } from './catalog.js';

let index: CatalogIndex;

beforeAll(async () => {
  index = await CatalogIndex.build(streamOf(CATALOG));
});

function scoreOf(results: ScoredProduct[], sku: string): number {
  return results.find((r) => r.product.sku === sku)?.score ?? 0;
}

describe('CatalogIndex.build', () => {
  it('indexes every product of the stream', () => {
    expect(index.size).toBe(CATALOG.length);
  });

  it('starts empty and finds nothing', () => {
    const empty = new CatalogIndex();
    expect(empty.size).toBe(0);
    expect(empty.search('Kupariputki 22x1,0', 5)).toEqual([]);
  });

  it('finds a product added after building', () => {
    const small = new CatalogIndex();
    small.add(product('9000001', 'Sadevesikouru 125 mm valkoinen'));
    expect(small.search('sadevesikouru 125', 3).map((r) => r.product.sku)).toEqual(['9000001']);
  });
});

describe('CatalogIndex.findByCode', () => {
  it('finds by sku, EAN and supplier code, ignoring case and separators', () => {
    expect(index.findByCode('1000028').map((p) => p.sku)).toEqual(['1000028']);
    expect(index.findByCode('6417012345670').map((p) => p.sku)).toEqual(['2100016']);
    expect(index.findByCode('mcb b10 1p').map((p) => p.sku)).toEqual(['2100010']);
  });

  it('finds only the newest version of a replaced product', () => {
    const small = new CatalogIndex();
    small.add(product('9000001', 'Sadevesikouru 125 mm', { supplierCodes: ['SVK-125'] }));
    small.replace(product('9000001', 'Sadevesikouru 125 mm valkoinen', { supplierCodes: ['SVK-125'] }));
    expect(small.findByCode('SVK-125').map((p) => p.name)).toEqual(['Sadevesikouru 125 mm valkoinen']);
  });

  it('replaces the product of that very sku, not one that has it as another code or differs only in case', () => {
    const small = new CatalogIndex();
    small.add(product('9000001', 'Sadevesikouru 125 mm'));
    small.add(product('A-100', 'Syöksytorvi 100 mm'));
    small.add(product('7000001', 'Kouruhattu 125 mm', { supplierCodes: ['9000001', 'a100'] }));
    small.replace(product('9000001', 'Sadevesikouru 125 mm valkoinen'));
    small.replace(product('a100', 'Syöksytorvi 100 mm ruskea'));
    expect(small.size).toBe(4);
    expect(small.findByCode('9000001').map((p) => p.name)).toEqual(['Kouruhattu 125 mm', 'Sadevesikouru 125 mm valkoinen']);
    expect(small.findByCode('A100').map((p) => p.name)).toEqual(['Syöksytorvi 100 mm', 'Kouruhattu 125 mm', 'Syöksytorvi 100 mm ruskea']);
  });
});

describe('CatalogIndex.search: the right size wins', () => {
  it.each([
    ['Kupariputki 22x1,0 kova', '1000022'],
    ['kupariputki 15x1,0 kova', '1000015'],
    ['Kupariputki 28x1,2', '1000028'],
    ['kupariputkea 28 mm', '1000028'],
    ['MMJ 3x1,5S', '2000315'],
    ['MMJ 3x1,5N', '2000316'],
    ['MMJ 3x2,5S', '2000325'],
    ['Kuusiomutteri M6', '3000006'],
    ['Kuusiomutteri M8', '3000008'],
    ['kuusiomutteri M10', '3000010'],
    ['mutteri M8', '3000008'],
    ['Palloventtiili DN15', '1100015'],
    ['palloventtiilit 3/4"', '1100020'],
    ['Palloventtiili 1 1/4"', '1100032'],
    ['Johdonsuojakatkaisija C16', '2100016'],
    ['Johdonsuojakatkaisija B10 1-napainen', '2100010'],
  ])('%j -> %s', (query, sku) => {
    const [best, second] = index.search(query, 4);
    expect(best?.product.sku).toBe(sku);
    expect(best!.score).toBeGreaterThan(0.7);
    expect(second === undefined || second.score < best!.score * 0.5).toBe(true);
  });

  it.each([
    ['Kupariputki 22x1,0 kova', '1000015'],
    ['Kupariputki 22x1,0 kova', '1000028'],
    ['MMJ 3x1,5S', '2000316'],
    ['MMJ 3x1,5S', '2000325'],
    ['Kuusiomutteri M8', '3000006'],
    ['Kuusiomutteri M8', '3000010'],
    ['Palloventtiili 1/2"', '1100020'],
  ])('%j scores another size (%s) low', (query, otherSku) => {
    expect(scoreOf(index.search(query, 10), otherSku)).toBeLessThan(0.3);
  });

  it('scores every product low when the asked size does not exist', () => {
    const results = index.search('Kupariputki 18x1,0 kova', 10);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.score).toBeLessThan(0.3);
  });

  it('accepts a size written without its letters, a little below the tagged one', () => {
    const tagged = index.search('Kuusiomutteri M8', 1)[0]!;
    const untagged = index.search('kuusiomutteri 8', 1)[0]!;
    expect(untagged.product.sku).toBe('3000008');
    expect(untagged.score).toBeLessThan(tagged.score);
    expect(untagged.score).toBeGreaterThan(0.7);
  });

  it('ranks two products that differ only by a word the request leaves out equally', () => {
    const [first, second] = index.search('Kupariputki 22x1,0', 4);
    expect([first?.product.sku, second?.product.sku].sort()).toEqual(['1000022', '1000122']);
    expect(first?.score).toBe(second?.score);
  });
});

describe('CatalogIndex.search: words', () => {
  it('searches the extra name too', () => {
    expect(index.search('solukumi 22', 3)[0]?.product.sku).toBe('1200022');
  });

  it('takes sizes from the name only, not from the extra name', () => {
    // "kiepillä 25 m" in the extra name is no size: a 25 in the request is not found there.
    expect(scoreOf(index.search('Kupariputki 22x1,0 pehmeä kiepillä', 4), '1000122')).toBeGreaterThan(0.9);
    expect(scoreOf(index.search('Kupariputki 25', 4), '1000122')).toBeLessThan(0.3);
  });

  it('finds nothing when no word is in the catalog vocabulary', () => {
    expect(index.search('Sadevesikouru 125 mm', 5)).toEqual([]);
    expect(index.search('22x1,0', 5)).toEqual([]);
  });

  it('returns at most limit results, best first', () => {
    const results = index.search('Kupariputki', 2);
    expect(results).toHaveLength(2);
    expect(results[0]!.score).toBeGreaterThanOrEqual(results[1]!.score);
  });
});

describe('CatalogIndex.search: as customers write the name', () => {
  let family: CatalogIndex;
  beforeAll(async () => {
    family = await CatalogIndex.build(
      streamOf([
        product('1205004', 'NordPress RST muhvi 28', { extraName: 'Stainless press coupling 28 mm' }),
        product('1205031', 'NordPress RST T-haara 28', { extraName: 'Stainless press tee 28 mm' }),
        product('1205038', 'NordPress RST tulppa 28 mm', { extraName: 'Stainless press end cap 28 mm' }),
        product('1200002', 'NordPress Cu muhvi 15'),
        product('1200015', 'NordPress Cu liukumuhvi 15', { extraName: 'Copper press slip coupling 15 mm' }),
        product('3300011', 'Kierretanko M12x1000 Zn DIN976'),
        product('3300013', 'Kierretanko M12x3000 Zn DIN976'),
        product('3300052', 'Kierretanko A4 M12 1 m'),
        product('2200114', 'JOHDONSUOJA NORVOLT C16 1P 10KA'),
        product('2200016', 'Johdonsuojakatkaisija Elvora C16 3-nap. 6 kA'),
        product('1300017', 'Putkieriste Flexterm 22x13 mm 2 m'),
        product('1100008', 'Kupariputki kova 22x1,0 5 m'),
        product('1100045', 'Kupariputki pehmeä 22x1,0 kieppi 25 m'),
        product('1010024', 'PALLOVENTTIILI TAMMER DN25 SK/UK VIPUKAHVA'),
        product('1010020', 'PALLOVENTTIILI TAMMER DN20 SK/UK VIPUKAHVA'),
        product('3500030', 'Kiila-ankkuri M10x90 A4', { extraName: 'Wedge anchor M10x90 stainless A4 acid-proof' }),
        product('3500004', 'Kiila-ankkuri M10x90 Zn', { extraName: 'betoniin, CE' }),
        product('3500007', 'Kiila-ankkuri M12x100 Zn', { extraName: 'Wedge anchor M12x100 zinc plated' }),
        product('1300118', 'Putkieriste Flexterm 22x13 mm 2 m itseliimautuva'),
      ]),
    );
  });
  const best = (text: string) => family.search(text, 3)[0]?.product.sku;

  it('finds an English request in the second name line word for word, where the translation would lose a word', () => {
    expect(best('Stainless press tee 28 mm')).toBe('1205031');
  });

  it('takes, for each product, the better of the request as written and as translated', () => {
    // Written, it fits the A4 anchor's English line by two words; translated, the Zn anchor by all three.
    expect(best('Wedge anchor M10x90 zinc plated')).toBe('3500004');
  });

  it('reads a length in metres as the millimetres of the name', () => {
    expect(best('Kierretanko M12 3 m sinkitty')).toBe('3300013');
    expect(best('Kierretanko DIN 976 M12 x 1000 A4')).toBe('3300052');
  });

  it('does not let a standard the product name leaves out rule the product out', () => {
    expect(scoreOf(family.search('Kierretanko A4 M12 1 m DIN 976', 3), '3300052')).toBeGreaterThan(0.8);
  });

  it('reads abbreviations, other languages and poles as the catalog writes them', () => {
    expect(best('MCB 1P C16 10kA')).toBe('2200114');
    expect(best('dvärgbrytare 3-pol C16')).toBe('2200016');
  });

  it('counts a compound that only contains the requested word as a feature nobody asked for', () => {
    expect(best('pressmuff koppar 15 mm')).not.toBe('1200015');
    expect(best('Cu press muhvi 15')).toBe('1200002');
  });

  it('reads a compound the catalog writes as two words, and leaves a typo alone', () => {
    expect(scoreOf(family.search('puristusmuhvi kupari 15 mm', 3), '1200002')).toBeGreaterThan(0.9);
    expect(scoreOf(family.search('pressimuhvi 28 RST', 3), '1205004')).toBeGreaterThan(0.9);
    expect(best('kuparputki kova 22x1')).toBe('1100008');
  });

  it('reads a compound whose parts the catalog writes in its own words, but not a word it holds inflected', async () => {
    const fittings = await CatalogIndex.build(streamOf([product('1240036', 'Kulma 90° messinki 1" sk/uk'), product('1250011', 'Kulma 90 Zn 1" sk/uk')]));
    expect(fittings.search('Mässingsvinkel 90° inv/utv 1"', 2).map((r) => [r.product.sku, r.score > 0.9])).toEqual([
      ['1240036', true],
      ['1250011', false],
    ]);
    const elbows = await CatalogIndex.build(streamOf([product('1100215', 'Puristuskulma 90° 22 mm Cu'), product('1200026', 'NordPress Cu kulma 90° 22')]));
    expect(elbows.search('puristuskulmia 90° 22mm', 2)[0]?.product.sku).toBe('1100215');
  });

  it('finds the compound a word ends when nothing is sure with the word alone, and only then', async () => {
    const tapes = await CatalogIndex.build(
      streamOf([product('1600017', 'PTFE-kierreteippi 12 mm x 12 m'), product('2600022', 'Vulkanoiva teippi 19 mm x 10 m'), product('2600030', 'Teippi 12 mm musta')]),
    );
    expect(scoreOf(tapes.search('PTFE-teippi 12 mm', 3), '1600017')).toBeGreaterThan(0.8);
    expect(tapes.search('teippi 12 mm musta', 3)[0]?.product.sku).toBe('2600030');
    expect(scoreOf(tapes.search('teippi 12 mm musta', 3), '1600017')).toBeLessThan(0.5);
  });

  it('reads a compound cut short with a dot, and a DN as its inch size', () => {
    expect(best('kup.putki kova 22 x 1')).toBe('1100008');
    expect(best('Tammer pallov. 1" sk/uk vipukahva')).toBe('1010024');
  });

  it('reads two words the catalog writes as one compound as that compound, but not two thread ends', async () => {
    const parts = await CatalogIndex.build(
      streamOf([
        product('1400083', 'Lattialämmitysjakotukki 5-piiri virtausmittarein'),
        product('1030002', 'Joustoletku 1/2" sk - 1/2" sk 300 mm'),
        product('1030009', 'Joustoletku 1/2" sk - 1/2" uk 300 mm'),
        product('1100065', 'Palloventtiili DN15 sk/sk'),
      ]),
    );
    expect(scoreOf(parts.search('lattialämmityksen jakotukki 5-piiri', 2), '1400083')).toBeGreaterThan(0.9);
    expect(parts.search('joustoletku 1/2 sk - 1/2 sk 300mm', 2)[0]?.product.sku).toBe('1030002');
  });

  it('finds a clamp by a diameter inside the range it fits, and not the clamp of the next range', async () => {
    const clamps = await CatalogIndex.build(
      streamOf([
        product('3600009', 'Putkikannake kumilla 20-23 mm M8 Zn'),
        product('3600010', 'Putkikannake kumilla 25-28 mm M8 Zn'),
        product('3600018', 'Putkikannake kumilla 108-116 mm M10 Zn'),
      ]),
    );
    const [first, second] = clamps.search('putkikannake kumilla 22mm putkelle M8', 3);
    expect([first?.product.sku, first!.score > 0.9]).toEqual(['3600009', true]);
    expect(second!.score).toBeLessThan(0.3);
    expect(clamps.search('Pipe clamps with rubber for 110 mm pipe M10', 1)[0]?.product.sku).toBe('3600018');
    expect(clamps.search('putkikannake kumilla 24 mm M8', 3).every((r) => r.score < 0.3)).toBe(true);
  });

  it('takes a colour asked for that the product does not have as another product, however alike its English name reads', async () => {
    const pipes = await CatalogIndex.build(
      streamOf([
        product('1110203', 'PEX-putki suojaputkessa 15x2,5/28 punainen rll 100 m', { extraName: 'PEX pipe in conduit 15x2.5/28 red, 100 m coil' }),
        product('1110206', 'PEX-putki suojaputkessa 15x2,5/28 sininen rll 100 m'),
      ]),
    );
    const [first, second] = pipes.search('PEX pipe in conduit, blue, 100 m coil 15x2,5/28', 2);
    expect(first?.product.sku).toBe('1110206');
    expect(second!.score).toBeLessThan(0.3);
    const sealants = await CatalogIndex.build(streamOf([product('1600002', 'Saniteettisilikoni läpikuultava 300 ml'), product('1600001', 'Saniteettisilikoni valkoinen 300 ml')]));
    expect(sealants.search('sanitary silicone transparent 300 ml', 2).map((r) => [r.product.sku, r.score > 0.5])).toEqual([
      ['1600002', true],
      ['1600001', false],
    ]);
    const onlyRed = await CatalogIndex.build(streamOf([product('1110203', 'PEX-putki suojaputkessa 15x2,5/28 punainen rll 100 m')]));
    expect(onlyRed.search('PEX-putki suojaputkessa 15x2,5/28 sininen', 1)[0]!.score).toBeLessThan(0.3);
  });

  it('leaves out what the customer says is not wanted', () => {
    expect(best('Flexterm 22x13 (not self-adhesive)')).toBe('1300017');
    expect(best('Rörisolering Flexterm 22x13 självhäftande')).toBe('1300118');
  });
});

describe('CatalogIndex on a catalog of many near neighbours', () => {
  const products: Product[] = [];
  for (const brand of ['Aqvatek', 'Nordpro', 'Kupro', 'Valvio']) {
    for (const d of [5, 6, 8, 10, 12, 16]) {
      for (const l of [20, 25, 30, 35, 40, 50, 60, 80]) {
        for (const finish of ['sinkitty', 'kuumasinkitty', 'RST A2', 'RST A4']) {
          products.push(product(String(2_000_000 + products.length), `Kuusioruuvi DIN 933 M${d}x${l} ${finish} ${brand}`));
        }
      }
    }
    for (const [dn, inch] of [['DN15', '1/2"'], ['DN20', '3/4"'], ['DN25', '1"'], ['DN32', '1 1/4"']]) {
      products.push(product(String(2_000_000 + products.length), `Palloventtiili ${dn} ${inch} sk/sk ${brand}`));
    }
  }
  let big: CatalogIndex;
  beforeAll(async () => {
    big = await CatalogIndex.build(streamOf(products));
  });
  const top = (text: string) => big.search(text, 1)[0]?.product.name;

  it.each([
    ['kuusioruuvi M8x30 sinkitty Kupro', 'Kuusioruuvi DIN 933 M8x30 sinkitty Kupro'],
    ['kuusioruuvi M8x35 sinkitty Kupro', 'Kuusioruuvi DIN 933 M8x35 sinkitty Kupro'],
    ['Kuusioruuvia DIN 933 M10x40 kuumasinkitty Valvio', 'Kuusioruuvi DIN 933 M10x40 kuumasinkitty Valvio'],
    ['palloventtiili 1" sk/sk Nordpro', 'Palloventtiili DN25 1" sk/sk Nordpro'],
    ['palloventtiili DN20 sk/sk Nordpro', 'Palloventtiili DN20 3/4" sk/sk Nordpro'],
  ])('finds %j among many siblings', (query, expected) => {
    expect(top(query)).toBe(expected);
  });
});
