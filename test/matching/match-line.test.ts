import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/domain/product.js';
import type { RequestedLine } from '../../src/domain/requested-line.js';
import { CatalogIndex } from '../../src/matching/catalog-index.js';
import { confidenceOf, mailWords, matchLine, type MatchSources } from '../../src/matching/match-line.js';
import { CATALOG, product, streamOf } from './catalog.js';

const THRESHOLD = 0.75;
let sources: MatchSources;
const codeLookups: string[] = [];
/** In the ERP but added after the index was built. */
const NEWER = product('7000001', 'Kiertoilmaventtiili KIV-125', { supplierCodes: ['KIV-125'] });

beforeAll(async () => {
  const index = await CatalogIndex.build(streamOf(CATALOG));
  sources = {
    index,
    async findByCode(code: string): Promise<Product[]> {
      codeLookups.push(code);
      return [NEWER].filter((p) => p.supplierCodes.includes(code));
    },
    customerCode: async () => null,
    preferredBrands: () => [],
    learned: async () => null,
  };
});

function line(description: string, code: string | null = null): RequestedLine {
  return { text: description, description, quantity: '1', unit: null, code, per: null, uncertain: null };
}

describe('matchLine by code', () => {
  it.each([
    ['our sku', 'Kupariputki', '1000028', '1000028'],
    ['an EAN', 'Johdonsuojakatkaisija', '6417012345670', '2100016'],
    ['a supplier code', 'MCB-B10-1P', 'MCB-B10-1P', '2100010'],
    ['a code that contradicts the words', 'MMJ 3x2,5S', 'MMJ315N', '2000316'],
  ])('a code that finds exactly one product wins with confidence 1: %s', async (_case, description, code, sku) => {
    const match = await matchLine(line(description, code), sources, THRESHOLD);
    expect(match).toMatchObject({ confidence: 1, method: 'code', alternatives: [] });
    expect(match.product?.sku).toBe(sku);
  });

  it('finds a code in the index without asking the ERP', async () => {
    codeLookups.length = 0;
    const match = await matchLine(line('Johdonsuojakatkaisija', '6417-0123-4567-0'), sources, THRESHOLD);
    expect(match.product?.sku).toBe('2100016');
    expect(codeLookups).toEqual([]);
  });

  it('asks the ERP for a code the index does not know: a product added since the last refresh', async () => {
    const match = await matchLine(line('venttiili', 'KIV-125'), sources, THRESHOLD);
    expect(match).toMatchObject({ method: 'code', confidence: 1 });
    expect(match.product?.sku).toBe(NEWER.sku);
  });

  it('falls back to the name when the code finds nothing', async () => {
    const match = await matchLine(line('Kupariputki 22x1,0 kova', '9999999'), sources, THRESHOLD);
    expect(match).toMatchObject({ method: 'name', confidence: 1 });
    expect(match.product?.sku).toBe('1000022');
  });

  it('falls back to the name when the code fits several products', async () => {
    const twins = [product('5000001', 'Kytkinrasia uppo 60 mm', { supplierCodes: ['KR-60'] }), product('5000002', 'Kytkinrasia uppo 68 mm', { supplierCodes: ['KR-60'] })];
    const index = await CatalogIndex.build(streamOf(twins));
    const match = await matchLine(line('Kytkinrasia uppo 68 mm', 'KR-60'), { index, findByCode: async () => twins, customerCode: async () => null, preferredBrands: () => [], learned: async () => null }, THRESHOLD);
    expect(match.method).toBe('name');
    expect(match.product?.sku).toBe('5000002');
  });

  it('does not look up a code when the line has none', async () => {
    codeLookups.length = 0;
    await matchLine(line('Kuusiomutteri M8'), sources, THRESHOLD);
    expect(codeLookups).toEqual([]);
  });
});

describe('matchLine among near-duplicates', () => {
  it('takes the variant without a feature nobody asked for, and says so on the line', async () => {
    const index = await CatalogIndex.build(
      streamOf([product('5000001', 'Putkieriste Flexterm 22x13 mm 2 m'), product('5000002', 'Putkieriste Flexterm 22x13 mm 2 m itseliimautuva')]),
    );
    const match = await matchLine(line('Putkieriste Flexterm 22x13'), { ...sources, index }, THRESHOLD);
    expect(match).toMatchObject({ product: { sku: '5000001' }, method: 'name', note: 'the only one without what was not asked for (itseliimautuva)' });
  });

  it('takes the finish the mail\'s other lines name for a line that names none', async () => {
    const index = await CatalogIndex.build(streamOf([product('5000011', 'Kiskomutteri jousella M10 Zn'), product('5000012', 'Kiskomutteri jousella M10 A4')]));
    const lines = [line('kierretanko m10 3m sink'), line('kiskomutteri m10 jousella')];
    expect(await matchLine(lines[1]!, { ...sources, index }, THRESHOLD)).toMatchObject({ product: null });
    expect(await matchLine(lines[1]!, { ...sources, index }, THRESHOLD, mailWords(lines).besides(1))).toMatchObject({ product: { sku: '5000011' } });
  });
});

describe('matchLine by name', () => {
  it.each([
    ['Kupariputki 22x1,0 kova', '1000022'],
    ['kupariputki 22x1,0 KOVA', '1000022'],
    ['Kupariputki 22x1,0 pehmeä', '1000122'],
    ['Johdonsuojakatkaisija C16 1 napainen', '2100016'],
  ])('the exact product name %j wins with confidence 1', async (description, sku) => {
    const match = await matchLine(line(description), sources, THRESHOLD);
    expect(match).toMatchObject({ method: 'name', confidence: 1 });
    expect(match.product?.sku).toBe(sku);
    expect(match.alternatives.map((a) => a.sku)).not.toContain(sku);
    for (const a of match.alternatives) expect(a.confidence).toBeLessThan(0.5);
  });

  it('accepts a clear best match above the threshold and lists the others as alternatives', async () => {
    const match = await matchLine(line('Kuusiomutteri M8'), sources, THRESHOLD);
    expect(match.product?.sku).toBe('3000008');
    expect(match.method).toBe('name');
    expect(match.confidence).toBeGreaterThanOrEqual(THRESHOLD);
    expect(match.confidence).toBeLessThan(1);
    expect(match.alternatives.map((a) => a.sku).sort()).toEqual(['3000006', '3000010']);
  });

  it('leaves the choice to a person when the best match is under the threshold', async () => {
    const match = await matchLine(line('Kuusiomutteri M8'), sources, 0.95);
    expect(match.product).toBeNull();
    expect(match.alternatives[0]).toEqual({ sku: '3000008', name: 'Kuusiomutteri M8 DIN 934 sinkitty', confidence: match.confidence });
  });

  it.each([
    ['MMJ 3x1,5', ['2000315', '2000316']],
    ['Kupariputki 22x1,0', ['1000022', '1000122']],
  ])('two equally good candidates for %j give low confidence, no product, both as alternatives', async (description, skus) => {
    const match = await matchLine(line(description), sources, THRESHOLD);
    expect(match.product).toBeNull();
    expect(match.method).toBe('name');
    expect(match.confidence).toBeLessThan(0.5);
    expect(match.alternatives.slice(0, 2).map((a) => a.sku).sort()).toEqual(skus);
  });

  it('finds nothing for a product the wholesaler does not sell', async () => {
    expect(await matchLine(line('Sadevesikouru 125 mm valkoinen'), sources, THRESHOLD)).toEqual({ product: null, confidence: 0, method: 'none', alternatives: [] });
  });
});

describe('confidenceOf', () => {
  const scored = (score: number) => ({ product: product(String(score), `Tuote ${score}`), score });

  it('is 0 without candidates', () => {
    expect(confidenceOf([])).toBe(0);
  });

  it('is the score of a lone candidate', () => {
    expect(confidenceOf([scored(0.9)])).toBe(0.9);
  });

  it('is halved when the runner-up is as good', () => {
    expect(confidenceOf([scored(0.9), scored(0.9)])).toBe(0.45);
  });

  it('is the full score when the runner-up is far behind', () => {
    expect(confidenceOf([scored(0.9), scored(0.2)])).toBe(0.9);
  });

  it('grows with the gap to the runner-up', () => {
    expect(confidenceOf([scored(0.9), scored(0.8)])).toBeLessThan(confidenceOf([scored(0.9), scored(0.7)]));
  });
});

describe('matchLine: the customer\'s own part numbers', () => {
  it('takes the product a customer code stands for before our own codes and any search, and says so on the line', async () => {
    const theirs = CATALOG[2]!;
    const withCodes: MatchSources = { ...sources, customerCode: async (code) => (code === CATALOG[1]!.sku ? { product: theirs, learnedFrom: null } : null) };
    const match = await matchLine(line('Kupariputki', CATALOG[1]!.sku), withCodes, THRESHOLD);
    expect(match).toEqual({ product: theirs, confidence: 1, method: 'code', note: `the customer's own code ${CATALOG[1]!.sku}`, alternatives: [] });
    expect((await matchLine(line('Kupariputki', CATALOG[0]!.sku), withCodes, THRESHOLD)).product?.sku).toBe(CATALOG[0]!.sku);
  });
});

describe('matchLine: what salespeople taught', () => {
  it('takes a taught product before the name search, but after an exact catalog code', async () => {
    const taught = CATALOG[0]!;
    const teaching: MatchSources = { ...sources, learned: async () => ({ product: taught, confidence: 0.9, learnedFrom: null }) };

    const byWords = await matchLine(line('ne meidän tavalliset putket'), teaching, THRESHOLD);
    const byCode = await matchLine(line('x', CATALOG[1]!.sku), teaching, THRESHOLD);

    expect(byWords).toEqual({ product: taught, confidence: 0.9, method: 'learned', alternatives: [] });
    expect(byCode.method).toBe('code');
    expect(byCode.product?.sku).toBe(CATALOG[1]!.sku);
  });

  it('says on the line who taught it and when, for a code or words a person taught', async () => {
    const learnedFrom = { by: { id: 'sanna@seller.fi', name: 'Sanna Sähkö' }, at: '2026-11-20T08:00:00.000Z' };
    const teaching: MatchSources = {
      ...sources,
      customerCode: async (code) => (code === 'PO-1' ? { product: CATALOG[2]!, learnedFrom } : null),
      learned: async () => ({ product: CATALOG[0]!, confidence: 1, learnedFrom }),
    };

    expect((await matchLine(line('ne meidän tavalliset putket'), teaching, THRESHOLD)).learnedFrom).toEqual(learnedFrom);
    expect((await matchLine(line('x', 'PO-1'), teaching, THRESHOLD)).learnedFrom).toEqual(learnedFrom);
  });
});

