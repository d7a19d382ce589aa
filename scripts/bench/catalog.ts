/**
 * A generated wholesaler catalog of any size, for benchmarks: size families (pipes, valves,
 * fittings, cables, breakers, fasteners) across many brands, so that near neighbours differ only
 * in a number or a word, as in a real catalog. Seeded: the same size gives the same catalog.
 */
import type { Product } from '../../src/domain/product.js';
import { gtinCheckDigit } from '../../src/domain/product-code.js';
import { seededRandom as seeded } from '../seeded-random.js';

/** The ERP a benchmark's catalog snapshot says it came from. */
export const BENCH_SOURCE = 'bench:generated';

const comma = (n: number) => String(n).replace('.', ',');

/** Each family lists the names of one brand's range; the brand is appended. */
const FAMILIES: { unit: string; names: string[] }[] = [
  {
    unit: 'm',
    names: [10, 12, 15, 18, 22, 28, 35, 42, 54, 64, 76].flatMap((d) =>
      ['0,8', '1,0', '1,2', '1,5', '2,0'].flatMap((w) => ['kova', 'pehmeä', 'muovipinnoitettu'].map((k) => `Kupariputki ${d}x${w} ${k}`)),
    ),
  },
  {
    unit: 'kpl',
    names: [
      ['DN10', '3/8"'],
      ['DN15', '1/2"'],
      ['DN20', '3/4"'],
      ['DN25', '1"'],
      ['DN32', '1 1/4"'],
      ['DN40', '1 1/2"'],
      ['DN50', '2"'],
      ['DN65', '2 1/2"'],
    ].flatMap(([dn, inch]) =>
      ['Palloventtiili', 'Sulkuventtiili', 'Takaiskuventtiili', 'Linjasäätöventtiili'].flatMap((type) =>
        ['sk/sk', 'sk/uk', 'uk/uk'].flatMap((ends) => ['vipukahva', 'perhoskahva', 'PN16', 'PN25'].map((h) => `${type} ${dn} ${inch} ${ends} ${h}`)),
      ),
    ),
  },
  {
    unit: 'kpl',
    names: [12, 15, 18, 22, 28, 35, 42, 54].flatMap((d) =>
      ['Puristuskulma 90°', 'Puristuskulma 45°', 'Puristusmuhvi', 'Puristus-T', 'Juotoskulma 90°', 'Juotosmuhvi', 'Juotos-T', 'Puserrusliitin'].flatMap((t) =>
        ['Cu', 'CuSi', 'RST', 'messinki'].map((m) => `${t} ${d} mm ${m}`),
      ),
    ),
  },
  {
    unit: 'm',
    names: ['MMJ', 'MCMK', 'AXMK', 'MMO', 'FKKJ'].flatMap((type) =>
      [2, 3, 4, 5, 7].flatMap((cores) => [1.5, 2.5, 4, 6, 10, 16, 25, 35].flatMap((area) => ['S', 'N'].map((v) => `${type} ${cores}x${comma(area)}${v}`))),
    ),
  },
  {
    unit: 'kpl',
    names: ['B', 'C', 'D'].flatMap((curve) =>
      [2, 4, 6, 10, 13, 16, 20, 25, 32, 40, 50, 63].flatMap((a) => [1, 2, 3, 4].map((p) => `Johdonsuojakatkaisija ${curve}${a} ${p}-napainen`)),
    ),
  },
  {
    unit: 'kpl',
    names: ['Kuusioruuvi DIN 933', 'Kuusioruuvi DIN 931', 'Kuusiokoloruuvi DIN 912', 'Kupukantaruuvi ISO 7380', 'Lieriökantaruuvi ISO 7045'].flatMap((t) =>
      [4, 5, 6, 8, 10, 12, 14, 16, 20, 24].flatMap((d) =>
        [10, 12, 16, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 120, 140, 160].flatMap((l) =>
          ['sinkitty', 'kuumasinkitty', 'RST A2', 'RST A4', 'musta'].map((f) => `${t} M${d}x${l} ${f}`),
        ),
      ),
    ),
  },
];

const BRANDS = [
  'Aqvatek', 'Nordpro', 'Kupro', 'Valvio', 'Presto', 'Volttiset', 'Kiinto', 'Ruuvila', 'Polarflow', 'Termix', 'Sähkömax', 'Lumo', 'Kaarna', 'Routa',
  'Virta', 'Hanki', 'Kelo', 'Tuisku', 'Halla', 'Saaristo', 'Kuura', 'Rapa', 'Viima', 'Kajo', 'Loimu', 'Usva', 'Helle', 'Kide', 'Lieko', 'Tyrsky',
];

function ean(random: () => number): string {
  const body = `64${String(Math.floor(random() * 1e10)).padStart(10, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
}

/** Brand series ("Aqvatek", "Aqvatek 2", ...) until the catalog has `size` products. */
/** One empty list for every product: a million empty arrays would be the harness's memory, not the engine's. */
const NO_UNITS: Product['units'] = [];

export function generateCatalog(size: number, seed = 1): Product[] {
  const random = seeded(seed);
  const products: Product[] = [];
  for (let series = 1; products.length < size; series += 1) {
    for (const brand of BRANDS) {
      const label = series === 1 ? brand : `${brand} ${series}`;
      for (const [f, family] of FAMILIES.entries()) {
        for (const name of family.names) {
          if (products.length >= size) return products;
          const n = products.length;
          products.push({
            sku: String(10_000_000 + n),
            name: `${name} ${label}`,
            extraName: null,
            ean: random() < 0.8 ? ean(random) : null,
            supplierCodes: [`${brand.slice(0, 3).toUpperCase()}-${series}-${f}${String(n % 100_000).padStart(5, '0')}`],
            unit: family.unit,
            units: NO_UNITS,
            listPrice: (1 + random() * 200).toFixed(2),
            vatRate: '25.5',
            group: `G${f}`,
          });
        }
      }
    }
  }
  return products;
}

export interface BenchQuery {
  kind: string;
  text: string;
  sku: string;
}

function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, at) + word.slice(at + 1);
}

/** How customers write a catalog name: typos, inflections, plain a/o, spaced sizes, codes. */
const VARIATIONS: [string, (p: Product, random: () => number) => string][] = [
  ['lower case', (p) => p.name.toLowerCase()],
  ['typo', (p, r) => p.name.replace(/\p{L}{7,}/u, (w) => typo(w, r))],
  ['inflection', (p) => p.name.replace(/^(\p{L}+)/u, (w) => (/[aou]/.test(w) ? `${w}a` : `${w}ä`))],
  ['plain a/o', (p) => p.name.replace(/ä/g, 'a').replace(/ö/g, 'o')],
  ['spaced sizes', (p) => p.name.replace(/(\d)x(\d)/g, '$1 x $2').replace(/DN(\d)/g, 'DN $1').replace(/(\d),(\d)/g, '$1.$2')],
  ['ean', (p) => p.ean ?? p.sku],
  ['supplier code', (p) => p.supplierCodes[0]!.toLowerCase().replace(/-/g, ' ')],
];

export function benchQueries(catalog: Product[], count: number, seed = 2): BenchQuery[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const product = catalog[Math.floor(random() * catalog.length)]!;
    const [kind, vary] = VARIATIONS[i % VARIATIONS.length]!;
    return { kind, text: vary(product, random), sku: product.sku };
  });
}
