import { beforeAll, describe, expect, it } from 'vitest';
import { benchQueries, generateCatalog } from '../../scripts/bench/catalog.js';
import type { Product } from '../../src/domain/product.js';
import { CatalogIndex } from '../../src/matching/catalog-index.js';
import { decodeCatalogSnapshot, encodeCatalogSnapshot, INDEX_FORMAT } from '../../src/matching/catalog-snapshot.js';
import { product, streamOf } from './catalog.js';

const SOURCE = 'local:0123abcd';
const META = { source: SOURCE, asOf: '2025-03-03T08:00:00.000Z', builtAt: '2025-03-03T07:00:00.000Z' };

/** The file as a reader gets it: one buffer of its own. */
function fileOf(chunks: Uint8Array[]): Uint8Array {
  const file = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    file.set(chunk, at);
    at += chunk.length;
  }
  return file;
}

function loaded(file: Uint8Array): CatalogIndex {
  const decoded = decodeCatalogSnapshot(file, SOURCE);
  if ('reason' in decoded) throw new Error(decoded.reason);
  return decoded.index;
}

const roundTrip = (index: CatalogIndex) => loaded(fileOf(encodeCatalogSnapshot(index, META)));

function answers(index: CatalogIndex, queries: string[]) {
  return queries.map((q) => ({ search: index.search(q, 10), byCode: index.findByCode(q) }));
}

const catalog = generateCatalog(10_000);
const queries = [
  ...benchQueries(catalog, 400).map((q) => q.text),
  'Kupariputki 22x1,0 kova',
  'palloventtiili 1" sk/sk',
  'kuusioruuvi M8x30 sinkitty uusi',
  'Sadevesikouru 125 mm',
  catalog[7]!.sku,
];

/** Built, then changed as refreshes change it: renamed products, and ones new to the catalog. */
async function changedIndex(): Promise<CatalogIndex> {
  const index = await CatalogIndex.build(streamOf(catalog));
  for (let i = 0; i < 40; i += 1) {
    const old = catalog[(i * 2_477) % catalog.length]!;
    index.replace({ ...old, name: `${old.name} uusi`, supplierCodes: [...old.supplierCodes, `NEW-${i}`] });
  }
  index.add(product('99000001', 'Sadevesikouru 125 mm valkoinen', { ean: '6419999999999', extraName: 'PVC "Ränni" 3 m' }));
  return index;
}

describe('catalog snapshot round trip', () => {
  let built: CatalogIndex;
  beforeAll(async () => {
    built = await changedIndex();
  });

  it('answers every search and code lookup as the index it was made from', () => {
    const copy = roundTrip(built);
    expect(copy.size).toBe(built.size);
    expect(answers(copy, queries)).toEqual(answers(built, queries));
    expect(copy.findByCode('NEW-3').map((p) => p.name)).toEqual(built.findByCode('NEW-3').map((p) => p.name));
  });

  it('says what it was made from and when', () => {
    const decoded = decodeCatalogSnapshot(fileOf(encodeCatalogSnapshot(built, META)), SOURCE);
    expect('meta' in decoded && decoded.meta).toEqual({ ...META, products: built.size });
  });

  it('takes changes after loading, as the built index does, and keeps them through the next round trip', async () => {
    const copy = roundTrip(await CatalogIndex.build(streamOf(catalog)));
    const twin = await CatalogIndex.build(streamOf(catalog));
    const changes: Product[] = [
      { ...catalog[100]!, name: 'Kupariputki 22x1,0 kova erikoismalli', supplierCodes: ['ERIKOIS-1'] },
      product('99000002', 'Kuusioruuvi DIN 933 M8x30 sinkitty Uusimerkki', { supplierCodes: ['UUSI-8-30'] }),
      product('99000003', 'Sinkkipelti 0,5 mm', { ean: '6418888888888' }),
    ];
    for (const change of changes) {
      copy.replace(change);
      twin.replace(change);
    }
    const asked = [...queries, 'kupariputki erikoismalli', 'Uusimerkki M8x30', 'sinkkipelti 0,5', 'ERIKOIS-1', catalog[100]!.sku];
    expect(answers(copy, asked)).toEqual(answers(twin, asked));
    expect(copy.findByCode(catalog[100]!.sku).map((p) => p.name)).toEqual(['Kupariputki 22x1,0 kova erikoismalli']);
    expect(answers(roundTrip(copy), asked)).toEqual(answers(twin, asked));
  });

  it('keeps an empty index empty', () => {
    const copy = roundTrip(new CatalogIndex());
    expect(copy.size).toBe(0);
    expect(copy.search('kupariputki', 5)).toEqual([]);
  });
});

describe('a snapshot that cannot be used', () => {
  let file: Uint8Array;
  beforeAll(async () => {
    file = fileOf(encodeCatalogSnapshot(await changedIndex(), META));
  });

  const reasonOf = (bytes: Uint8Array, source = SOURCE) => {
    const decoded = decodeCatalogSnapshot(bytes, source);
    return 'reason' in decoded ? decoded.reason : null;
  };

  /** The file with one piece of its header's text replaced, in place, by another of the same length. */
  function withHeader(from: string, to: string): Uint8Array {
    const copy = file.slice();
    const text = new TextDecoder().decode(copy.subarray(0, 4096));
    const at = Buffer.from(text.slice(0, text.indexOf(from))).length;
    copy.set(new TextEncoder().encode(to), at);
    return copy;
  }

  it('is one from another ERP or installation', () => {
    expect(reasonOf(file, 'local:ffffffff')).toBe('made from another ERP (local:0123abcd, this is local:ffffffff)');
  });

  it('is one of another index format', () => {
    expect(reasonOf(withHeader(`"indexFormat":${INDEX_FORMAT}`, `"indexFormat":${INDEX_FORMAT - 1}`))).toBe(`index format ${INDEX_FORMAT - 1}, this Offerflow builds ${INDEX_FORMAT}`);
  });

  it('is one of another file format', () => {
    const copy = file.slice();
    new DataView(copy.buffer).setUint32(8, 2, true);
    expect(reasonOf(copy)).toBe('file format 2, this Offerflow reads 1');
  });

  it('is a truncated one', () => {
    expect(reasonOf(file.subarray(0, file.length - 100))).toMatch(/^truncated: \d+ bytes, its codeHashes section ends at \d+$/);
    expect(reasonOf(file.subarray(0, 40))).toBe('truncated in its header');
  });

  it('is a corrupt one', () => {
    const copy = file.slice();
    copy[Math.floor(copy.length / 2)]! ^= 0xff;
    expect(reasonOf(copy)).toMatch(/^its \w+ section is corrupt \(checksum\)$/);
  });

  it('is no snapshot at all', () => {
    expect(reasonOf(new TextEncoder().encode('sku;name\n1000015;Kupariputki\n'))).toBe('not a catalog snapshot');
    expect(reasonOf(new Uint8Array(0))).toBe('not a catalog snapshot');
  });
});
