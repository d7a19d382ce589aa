import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogIndex } from '../../src/matching/catalog-index.js';
import { CatalogTypeahead, type TypeaheadHit } from '../../src/matching/catalog-typeahead.js';
import { CATALOG, product, streamOf } from './catalog.js';

const TYPEAHEAD_CATALOG = [
  ...CATALOG,
  product('KV-15', 'Kulmaventtiili 15 mm kromattu', { ean: '6412345678903' }),
  product('KV-150', 'Kulmaventtiili 15 mm messinki'),
  product('KV-22', 'Kulmaventtiili 22 mm kromattu', { ean: '6412399999996' }),
  product('4000001', 'Juotosmuhvi 15 mm Cu', { extraName: 'Lödmuff 15 mm koppar' }),
];

let index: CatalogIndex;
let typeahead: CatalogTypeahead;

beforeAll(async () => {
  index = await CatalogIndex.build(streamOf(TYPEAHEAD_CATALOG));
  typeahead = await CatalogTypeahead.make(index.terms());
});

const skus = (hits: TypeaheadHit[]) => hits.map((h) => h.product.sku);

describe('CatalogTypeahead codes', () => {
  it('puts the exact code first, then the codes starting with it, with or without separators', () => {
    for (const typed of ['KV-15', 'kv15', 'kv 15']) {
      const hits = typeahead.search(typed, 10);
      expect(skus(hits)).toEqual(['KV-15', 'KV-150']);
      expect(hits.map((h) => h.fit)).toEqual(['code', 'code_prefix']);
    }
  });

  it('finds a code by its start as it is typed, and a GTIN by its first digits', () => {
    expect(skus(typeahead.search('kv', 10))).toEqual(['KV-15', 'KV-150', 'KV-22']);
    expect(typeahead.search('kv', 10).map((h) => h.fit)).toEqual(['code_prefix', 'code_prefix', 'code_prefix']);
    expect(skus(typeahead.search('kv-2', 10))).toEqual(['KV-22']);
    expect(skus(typeahead.search('641239', 10))).toEqual(['KV-22']);
    expect(skus(typeahead.search('6412', 10))).toEqual(['KV-15', 'KV-22']);
  });

  it('finds supplier codes typed with other separators', () => {
    expect(skus(typeahead.search('mcb c16', 10))[0]).toBe('2100016');
    expect(typeahead.search('MCB-C16-1P', 10)[0]).toMatchObject({ fit: 'code', product: { sku: '2100016' } });
  });

  it('puts words before the codes that start with letters alone', async () => {
    const lettered = await CatalogIndex.build(streamOf([product('1', 'Kupariputki 15x1,0 kova'), product('2', 'Palloventtiili DN15', { supplierCodes: ['KUP-15'] })]));
    const hits = (await CatalogTypeahead.make(lettered.terms())).search('kup', 10);
    expect(hits.map((h) => [h.product.sku, h.fit])).toEqual([['1', 'word_prefixes'], ['2', 'code_prefix']]);
  });

  it('keeps to the limit', () => {
    expect(typeahead.search('kv', 2)).toHaveLength(2);
    expect(typeahead.search('kv', 0)).toEqual([]);
  });
});

describe('CatalogTypeahead words', () => {
  it('reads the last word as a prefix while it is being typed', () => {
    expect(skus(typeahead.search('kupariput', 10))).toEqual(['1000015', '1000022', '1000028', '1000122']);
    expect(skus(typeahead.search('Kulmav', 10))).toEqual(['KV-15', 'KV-150', 'KV-22']);
  });

  it('narrows by each further word and size', () => {
    expect(skus(typeahead.search('kupariputki 22', 10))).toEqual(['1000022', '1000122']);
    expect(skus(typeahead.search('kupariputki 22x1,0 peh', 10))).toEqual(['1000122']);
    expect(skus(typeahead.search('palloventtiili dn2', 10))).toEqual(['1100020']);
    expect(skus(typeahead.search('kulmaventtiili 15 mess', 10))).toEqual(['KV-150']);
  });

  it('reads a standard or a size as the index does while it is typed: "din 9", "din", "m1"', () => {
    expect(skus(typeahead.search('kuusiomutteri din 9', 10))).toEqual(['3000006', '3000008', '3000010']);
    expect(skus(typeahead.search('kuusiomutteri din', 10))).toEqual(['3000006', '3000008', '3000010']);
    expect(skus(typeahead.search('kuusiomutteri m1', 10))).toEqual(['3000010']);
  });

  it('finds the few products holding two common words, however far into their postings', async () => {
    const common = [
      ...Array.from({ length: 21_000 }, (_, i) => product(`a${i}`, 'Kupariputki Alfa')),
      ...Array.from({ length: 21_000 }, (_, i) => product(`b${i}`, 'Lumo Beta')),
      product('both', 'Kupariputki Lumo'),
    ];
    const large = await CatalogTypeahead.make((await CatalogIndex.build(streamOf(common))).terms());
    expect(skus(large.search('kupariputki lumo', 10))).toEqual(['both']);
    expect(skus(large.search('lumo kupariputki ', 10))).toEqual(['both']);
  });

  it('puts products holding the word typed before those holding only a longer one', () => {
    const hits = typeahead.search('kuusiomutteri m8', 10);
    expect(hits[0]).toMatchObject({ fit: 'words', product: { sku: '3000008' } });
    expect(hits.slice(1).every((h) => h.fit === 'word_prefixes')).toBe(true);
  });

  it('reads words as the index does: Nordic letters either way, a material in another language', () => {
    expect(skus(typeahead.search('putkieriste 22', 10))).toEqual(['1200022']);
    expect(skus(typeahead.search('kupariputki 22x1,0 pehme', 10))).toEqual(['1000122']);
    expect(skus(typeahead.search('lödmuff', 10))).toEqual(['4000001']);
    expect(skus(typeahead.search('juotosmuhvi copper', 10))).toEqual(['4000001']);
  });

  it('takes a word no prefix finds, a typo, for the catalog words like it', () => {
    const hits = typeahead.search('kupariputik 28x1,2', 3);
    expect(hits.map((h) => [h.product.sku, h.fit])).toEqual([['1000028', 'similar']]);
    expect(typeahead.search('xyzzy 28', 3)).toEqual([]);
  });

  it('finds nothing in nothing typed', () => {
    expect(typeahead.search('', 10)).toEqual([]);
    expect(typeahead.search('   ', 10)).toEqual([]);
  });
});

describe('CatalogTypeahead on a changing index', () => {
  it('finds products added after it was made, and not the versions they replaced', async () => {
    const small = await CatalogIndex.build(streamOf([product('9000001', 'Sadevesikouru 125 mm valkoinen', { supplierCodes: ['SVK-125'] })]));
    const over = await CatalogTypeahead.make(small.terms());
    small.replace(product('9000001', 'Sadevesikouru 125 mm musta', { supplierCodes: ['SVK-125'] }));
    small.add(product('9000002', 'Syöksytorvi 100 mm ruskea', { supplierCodes: ['STR-100'] }));
    expect(over.search('sadevesikouru', 10).map((h) => h.product.name)).toEqual(['Sadevesikouru 125 mm musta']);
    expect(over.search('svk-1', 10).map((h) => h.product.name)).toEqual(['Sadevesikouru 125 mm musta']);
    expect(skus(over.search('syöksyt', 10))).toEqual(['9000002']);
    expect(skus(over.search('str-100', 10))).toEqual(['9000002']);
  });

  it('says how many bytes it holds beside the index', () => {
    expect(typeahead.bytes).toBeGreaterThan(0);
    expect(typeahead.bytes).toBeLessThan(64 * 1024);
  });
});
