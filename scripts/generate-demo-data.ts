/**
 * Generates the demo wholesaler "Teknotukku Oy" into demo/data/*.csv. Seeded, so every run
 * writes the same bytes; the files are committed and `offerflow demo` imports them.
 *
 * The files deliberately use the formats sellers export: products and customers as
 * semicolon-separated with decimal commas (Finnish Excel), persons and price lists as
 * comma-separated with decimal points.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { businessIdFromDigits } from '../src/domain/business-id.js';
import { gtinCheckDigit } from '../src/domain/product-code.js';
import { seededRandom } from './seeded-random.js';

const OUT = join(import.meta.dirname, '..', 'demo', 'data');

/** One stream per section, so adding products never changes the customers the sample emails name. */
let random = seededRandom(20261124);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const jitter = (value: number, spread = 0.08) => value * (1 - spread + 2 * spread * random());

interface ProductRow {
  sku: string;
  name: string;
  extra_name: string;
  ean: string;
  supplier_code: string;
  unit: string;
  price: number;
  group: string;
}

const products: ProductRow[] = [];
let nextSku = 1_100_000;

function ean(): string {
  const body = `64${String(Math.floor(random() * 1e10)).padStart(10, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
}

function add(group: string, name: string, unit: string, price: number, extra = '', supplierCode = ''): void {
  nextSku += 1 + Math.floor(random() * 3);
  products.push({
    sku: String(nextSku),
    name,
    extra_name: extra,
    ean: random() < 0.85 ? ean() : '',
    supplier_code: supplierCode,
    unit,
    price: Math.round(jitter(price) * 100) / 100,
    group,
  });
}

const comma = (n: number | string) => String(n).replace('.', ',');

/* Plumbing and heating */
const COPPER = [
  [10, 0.8],
  [12, 1.0],
  [15, 1.0],
  [18, 1.0],
  [22, 1.0],
  [28, 1.2],
  [35, 1.5],
  [42, 1.5],
  [54, 2.0],
] as const;
for (const [d, wall] of COPPER) {
  const size = `${d}x${comma(wall.toFixed(1))}`;
  add('LVI-KUPARI', `Kupariputki ${size} kova`, 'm', 0.45 * d + 1.2, 'tanko 5 m, EN 1057', `CU${d}${String(wall * 10)}K`);
  if (d <= 22) add('LVI-KUPARI', `Kupariputki ${size} pehmeä`, 'rll', (0.45 * d + 1.0) * 25, 'kiepillä 25 m', `CU${d}${String(wall * 10)}P`);
  add('LVI-KUPARI', `Kupariputki ${size} muovipinnoitettu`, 'm', 0.55 * d + 2, 'valkoinen PVC-pinnoite');
}

const VALVE_SIZES = [
  ['DN10', '3/8"', 9],
  ['DN15', '1/2"', 11],
  ['DN20', '3/4"', 15],
  ['DN25', '1"', 22],
  ['DN32', '1 1/4"', 36],
  ['DN40', '1 1/2"', 52],
  ['DN50', '2"', 79],
] as const;
for (const [dn, inch, base] of VALVE_SIZES) {
  for (const [ends, factor] of [['sk/sk', 1], ['sk/uk', 1.05], ['uk/uk', 1.1]] as const) {
    add('LVI-VENTTIILIT', `Palloventtiili ${dn} ${inch} ${ends} vipukahva`, 'kpl', base * factor, 'messinki, PN25', `BV${dn.slice(2)}-${ends.replace('/', '').toUpperCase()}`);
  }
  add('LVI-VENTTIILIT', `Palloventtiili ${dn} ${inch} sk/sk perhoskahva`, 'kpl', base * 0.95, 'messinki, PN25');
  add('LVI-VENTTIILIT', `Sulkuventtiili ${dn} ${inch} suora`, 'kpl', base * 1.4, 'pronssi');
  add('LVI-VENTTIILIT', `Takaiskuventtiili ${dn} ${inch} sk/sk`, 'kpl', base * 1.2, 'jousikuormitteinen');
  add('LVI-VENTTIILIT', `Linjasäätöventtiili ${dn} ${inch}`, 'kpl', base * 4.5, 'mittausnipoilla');
}
for (const [dn, inch, base] of VALVE_SIZES.slice(0, 3)) {
  add('LVI-VENTTIILIT', `Termostaattiventtiili ${dn} ${inch} suora`, 'kpl', base * 2.1, 'patteriventtiili');
  add('LVI-VENTTIILIT', `Termostaattiventtiili ${dn} ${inch} kulma`, 'kpl', base * 2.1, 'patteriventtiili');
}

const PRESS = [12, 15, 18, 22, 28, 35, 42, 54];
for (const d of PRESS) {
  const p = 2 + d * 0.18;
  add('LVI-LIITTIMET', `Puristuskulma 90° ${d} mm Cu`, 'kpl', p * 1.2, 'V-profiili, kupari', `PK90-${d}`);
  add('LVI-LIITTIMET', `Puristuskulma 45° ${d} mm Cu`, 'kpl', p * 1.25, 'V-profiili, kupari');
  add('LVI-LIITTIMET', `Puristusmuhvi ${d} mm Cu`, 'kpl', p, 'V-profiili, kupari', `PM-${d}`);
  add('LVI-LIITTIMET', `Puristus-T ${d} mm Cu`, 'kpl', p * 1.6, 'V-profiili, kupari', `PT-${d}`);
  add('LVI-LIITTIMET', `Juotoskulma 90° ${d} mm`, 'kpl', p * 0.35, 'kupari');
  add('LVI-LIITTIMET', `Juotosmuhvi ${d} mm`, 'kpl', p * 0.25, 'kupari');
  add('LVI-LIITTIMET', `Juotos-T ${d} mm`, 'kpl', p * 0.5, 'kupari');
  add('LVI-LIITTIMET', `Puserrusliitin ${d} mm suora`, 'kpl', p * 1.1, 'messinki');
  for (const smaller of PRESS.filter((s) => s < d).slice(-2)) {
    add('LVI-LIITTIMET', `Puristussupistus ${d}x${smaller} mm Cu`, 'kpl', p * 1.1, 'V-profiili, kupari');
  }
}

for (const [d, wall] of [[16, 2.0], [20, 2.0], [26, 3.0], [32, 3.0]] as const) {
  const size = `${d}x${comma(wall.toFixed(1))}`;
  add('LVI-MUOVIPUTKET', `PEX-putki ${size}`, 'm', 0.9 + d * 0.05, 'happidiffuusiosuojattu');
  add('LVI-MUOVIPUTKET', `PEX-putki ${size} suojaputkessa`, 'm', 1.6 + d * 0.07, 'punainen/sininen suojaputki');
  add('LVI-MUOVIPUTKET', `Komposiittiputki ${size}`, 'm', 1.8 + d * 0.09, 'PE-RT/AL/PE-RT');
}

for (const d of [32, 40, 50, 75, 110]) {
  for (const len of [250, 500, 1000, 2000, 3000]) {
    add('LVI-VIEMÄRI', `PP-viemäriputki ${d}x${len} mm`, 'kpl', 1.2 + d * len * 0.00004, 'muhvillinen, harmaa');
  }
  for (const angle of [15, 30, 45, 87]) add('LVI-VIEMÄRI', `PP-viemärikäyrä ${d} mm ${angle}°`, 'kpl', 0.9 + d * 0.03, 'harmaa');
  add('LVI-VIEMÄRI', `PP-haaraputki ${d}/${d} mm 45°`, 'kpl', 1.5 + d * 0.05, 'harmaa');
  add('LVI-VIEMÄRI', `PP-tulppa ${d} mm`, 'kpl', 0.5 + d * 0.01, 'harmaa');
}

for (const type of [11, 21, 22, 33]) {
  for (const height of [300, 500, 600, 900]) {
    for (let length = 400; length <= 2000; length += 200) {
      add('LVI-PATTERIT', `Lämpöpatteri ${type}-${height}-${length}`, 'kpl', 40 + type * 1.5 + (height * length) / 9000, 'teräs, valkoinen, kompakti');
    }
  }
}

for (const d of [12, 15, 18, 22, 28, 35, 42, 54]) {
  for (const thickness of [9, 13, 20, 30]) {
    add('LVI-ERISTEET', `Putkieriste ${d}/${thickness} mm`, 'm', 0.8 + d * 0.02 + thickness * 0.08, 'solukumi, 2 m kappaleina');
  }
}

/* Electrical */
const CABLE_SIZES = [1.5, 2.5, 4, 6, 10, 16];
for (const cores of [2, 3, 4, 5]) {
  for (const area of CABLE_SIZES) {
    const per = 0.25 + cores * area * 0.09;
    const size = `${cores}x${comma(area)}`;
    const variants = cores === 2 ? ['S'] : ['S', 'N'];
    for (const variant of variants) {
      add('SÄH-KAAPELIT', `MMJ ${size}${variant}`, 'm', per, 'asennuskaapeli 300/500 V', `MMJ${cores}${String(area).replace('.', '')}${variant}`);
      add('SÄH-KAAPELIT', `MMJ ${size}${variant} kela 100 m`, 'rll', per * 92, 'asennuskaapeli 300/500 V');
    }
  }
}
for (const area of [16, 25, 35, 50, 70, 95]) {
  add('SÄH-KAAPELIT', `AXMK 4x${area}S`, 'm', 1.2 + area * 0.08, 'maakaapeli 0,6/1 kV');
  add('SÄH-KAAPELIT', `MCMK 4x${area}+${Math.round(area / 2)}`, 'm', 2.5 + area * 0.25, 'voimakaapeli 0,6/1 kV');
}
for (const area of [1.5, 2.5, 4, 6]) {
  for (const colour of ['sininen', 'musta', 'ruskea', 'keltavihreä', 'harmaa']) {
    add('SÄH-KAAPELIT', `MK ${comma(area)} ${colour}`, 'm', 0.12 + area * 0.06, 'H07V-U johdin');
  }
}
add('SÄH-KAAPELIT', 'Cat6 U/UTP asennuskaapeli', 'm', 0.65, 'LSZH, harmaa');
add('SÄH-KAAPELIT', 'Cat6A F/FTP asennuskaapeli', 'm', 1.35, 'LSZH, oranssi');

for (const curve of ['B', 'C']) {
  for (const amps of [6, 10, 13, 16, 20, 25, 32, 40, 50, 63]) {
    for (const poles of [1, 3]) {
      add('SÄH-KESKUKSET', `Johdonsuojakatkaisija ${curve}${amps} ${poles}-napainen`, 'kpl', (poles === 1 ? 7 : 24) + amps * 0.05, '6 kA', `MCB-${curve}${amps}-${poles}P`);
    }
  }
}
for (const amps of [25, 40, 63]) {
  for (const sensitivity of [30, 300]) {
    add('SÄH-KESKUKSET', `Vikavirtasuojakytkin ${amps}A ${sensitivity}mA 4-napainen`, 'kpl', 45 + amps * 0.6, 'tyyppi A');
  }
}
for (const ways of [12, 24, 36, 48]) add('SÄH-KESKUKSET', `Ryhmäkeskus ${ways} moduulia uppo`, 'kpl', 40 + ways * 2.2, 'IP30');

for (const d of [16, 20, 25, 32, 40, 50]) {
  add('SÄH-ASENNUS', `Asennusputki ${d} mm harmaa`, 'm', 0.35 + d * 0.03, 'jäykkä, 3 m tanko');
  add('SÄH-ASENNUS', `Taipuisa suojaputki ${d} mm`, 'm', 0.25 + d * 0.02, 'harmaa, kiepillä');
  add('SÄH-ASENNUS', `Putkikiinnike ${d} mm`, 'kpl', 0.15 + d * 0.005, 'harmaa');
}
for (const colour of ['valkoinen', 'musta']) {
  add('SÄH-ASENNUS', `Pistorasia 1-os. maadoitettu uppo ${colour}`, 'kpl', 6.5, 'IP21');
  add('SÄH-ASENNUS', `Pistorasia 2-os. maadoitettu uppo ${colour}`, 'kpl', 9.5, 'IP21');
  add('SÄH-ASENNUS', `Pistorasia 2-os. maadoitettu pinta ${colour}`, 'kpl', 11.5, 'IP44');
  add('SÄH-ASENNUS', `Kytkin 1-napainen uppo ${colour}`, 'kpl', 7.2, 'vaihtokytkin');
  add('SÄH-ASENNUS', `Kytkin 2-napainen uppo ${colour}`, 'kpl', 8.9, 'ryhmävaihtokytkin');
}
add('SÄH-ASENNUS', 'Kytkinrasia uppo 1-os.', 'kpl', 0.9, 'halogeeniton');
add('SÄH-ASENNUS', 'Jatkorasia pinta IP55', 'kpl', 4.2, '8 läpivientiä');
add('SÄH-ASENNUS', 'Kojerasia 60 mm kipsilevyyn', 'kpl', 1.1, 'halogeeniton');

for (const [size, watts] of [['300x1200', 36], ['600x600', 36], ['600x1200', 60]] as const) {
  for (const kelvin of [3000, 4000]) {
    add('SÄH-VALAISTUS', `LED-paneeli ${size} ${watts}W ${kelvin}K`, 'kpl', 38 + watts * 0.9, 'UGR<19');
  }
}
for (const watts of [5, 7, 10]) add('SÄH-VALAISTUS', `LED-downlight ${watts}W 3000K IP44`, 'kpl', 14 + watts * 1.2, 'himmennettävä');

for (const area of [6, 10, 16, 25, 35, 50, 70, 95, 120]) {
  for (const bolt of [6, 8, 10, 12]) {
    add('SÄH-ASENNUS', `Kaapelikenkä Cu ${area} mm² M${bolt}`, 'kpl', 0.4 + area * 0.03, 'puristettava, tinattu');
    add('SÄH-ASENNUS', `Kaapelikenkä Al ${area} mm² M${bolt}`, 'kpl', 0.6 + area * 0.035, 'puristettava');
  }
}
for (const [width, lengths] of [[2.5, [100, 140, 200]], [3.6, [140, 200, 280]], [4.8, [200, 280, 370, 430]], [7.6, [280, 370, 450]]] as const) {
  for (const length of lengths) {
    for (const colour of ['musta', 'luonnonvalkoinen']) {
      add('SÄH-ASENNUS', `Nippuside ${comma(width)}x${length} mm ${colour}`, 'pkt', 1.5 + (width * length) / 200, '100 kpl/pkt');
    }
  }
}
for (const diameter of [3.2, 4.8, 6.4, 9.5, 12.7, 19, 25.4]) {
  for (const colour of ['musta', 'punainen', 'sininen', 'keltavihreä']) {
    add('SÄH-ASENNUS', `Kutisteletku ${comma(diameter)} mm ${colour}`, 'm', 0.5 + diameter * 0.08, 'kutistuma 2:1');
  }
}

/* Fasteners */
const FINISHES = [
  ['sinkitty', 1],
  ['kuumasinkitty', 1.6],
  ['RST A2', 2.8],
  ['RST A4', 4.2],
] as const;
const BOLT_LENGTHS: Record<number, number[]> = {
  5: [10, 12, 16, 20, 25, 30, 40, 50],
  6: [10, 12, 16, 20, 25, 30, 35, 40, 50, 60, 70, 80],
  8: [16, 20, 25, 30, 35, 40, 50, 60, 70, 80, 90, 100],
  10: [20, 25, 30, 35, 40, 50, 60, 70, 80, 100, 120],
  12: [25, 30, 35, 40, 50, 60, 70, 80, 100, 120],
  16: [40, 50, 60, 70, 80, 100, 120, 150],
  20: [50, 60, 80, 100, 120, 150],
};
for (const [diameter, lengths] of Object.entries(BOLT_LENGTHS).map(([d, l]) => [Number(d), l] as const)) {
  for (const [finish, factor] of FINISHES) {
    for (const length of lengths) {
      const steel = diameter * diameter * length * 0.000045 + 0.02;
      add('KIIN-RUUVIT', `Kuusioruuvi DIN 933 M${diameter}x${length} 8.8 ${finish}`.replace(' 8.8 RST', ' RST'), 'kpl', steel * factor, 'täyskierre');
      if (diameter <= 12) add('KIIN-RUUVIT', `Kuusiokoloruuvi DIN 912 M${diameter}x${length} ${finish}`, 'kpl', steel * factor * 1.3, 'lieriökanta');
      if (length >= 30) add('KIIN-RUUVIT', `Kuusioruuvi DIN 931 M${diameter}x${length} 8.8 ${finish}`.replace(' 8.8 RST', ' RST'), 'kpl', steel * factor * 1.05, 'osakierre');
      if (diameter <= 8) add('KIIN-RUUVIT', `Kupukantaruuvi ISO 7380 M${diameter}x${length} ${finish}`, 'kpl', steel * factor * 1.4, 'kuusiokolo');
    }
    add('KIIN-MUTTERIT', `Kuusiomutteri DIN 934 M${diameter} ${finish}`, 'kpl', (0.01 + diameter * diameter * 0.0004) * factor, 'lujuusluokka 8');
    add('KIIN-MUTTERIT', `Lukkomutteri DIN 985 M${diameter} ${finish}`, 'kpl', (0.03 + diameter * diameter * 0.0006) * factor, 'nylon-lukitus');
    add('KIIN-MUTTERIT', `Laippamutteri DIN 6923 M${diameter} ${finish}`, 'kpl', (0.03 + diameter * diameter * 0.0005) * factor, 'hammastettu');
    add('KIIN-MUTTERIT', `Aluslevy DIN 9021 M${diameter} ${finish}`, 'kpl', (0.01 + diameter * diameter * 0.0003) * factor, 'iso ulkohalkaisija');
    add('KIIN-MUTTERIT', `Aluslevy DIN 125 M${diameter} ${finish}`, 'kpl', (0.005 + diameter * diameter * 0.0002) * factor, '');
    add('KIIN-MUTTERIT', `Kierretanko DIN 975 M${diameter}x1000 ${finish}`, 'kpl', (0.8 + diameter * diameter * 0.02) * factor, '1 m');
  }
}
for (const diameter of [8, 10, 12, 16]) {
  for (const length of [75, 100, 120, 150]) {
    add('KIIN-ANKKURIT', `Kiila-ankkuri M${diameter}x${length} sinkitty`, 'kpl', 0.3 + diameter * length * 0.0006, 'betoniin');
  }
}
for (const diameter of [4, 5, 6]) {
  for (const length of [20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 120]) {
    if (diameter === 4 && length > 60) continue;
    for (const [finish, factor] of [['keltasinkitty', 1], ['RST A2', 2.6], ['C4 pinnoitettu', 1.5]] as const) {
      add('KIIN-RUUVIT', `Puuruuvi ${diameter}x${length} TX${diameter * 5} ${finish}`, 'ltk', (6 + diameter * length * 0.02) * factor, '200 kpl/ltk');
      add('KIIN-RUUVIT', `Terassiruuvi ${diameter}x${length} TX${diameter * 5} ${finish}`, 'ltk', (8 + diameter * length * 0.025) * factor, '250 kpl/ltk');
    }
  }
}

/* Customers */
random = seededRandom(20261125);
interface CustomerSeed {
  name: string;
  domain: string;
  city: string;
  postal: string;
  street: string;
  country?: string;
}
const CUSTOMER_SEEDS: CustomerSeed[] = [
  { name: 'Putkityö Virtanen Oy', domain: 'putkityovirtanen.fi', city: 'Tampere', postal: '33100', street: 'Hatanpään valtatie 12' },
  { name: 'LVI-Asennus Korhonen Oy', domain: 'lvikorhonen.fi', city: 'Jyväskylä', postal: '40100', street: 'Vapaudenkatu 48' },
  { name: 'Sähkö-Nieminen Oy', domain: 'sahkonieminen.fi', city: 'Oulu', postal: '90100', street: 'Isokatu 22' },
  { name: 'Rakennusliike Mäkinen Oy', domain: 'rakennusmakinen.fi', city: 'Espoo', postal: '02150', street: 'Tekniikantie 4' },
  { name: 'Kiinteistöhuolto Laine Oy', domain: 'khlaine.fi', city: 'Vantaa', postal: '01510', street: 'Lentoasemantie 1' },
  { name: 'Rör & Värme Lindqvist Ab', domain: 'rorvarme.fi', city: 'Vaasa', postal: '65100', street: 'Hovrättsesplanaden 9' },
  { name: 'Elinstallation Holmberg Ab', domain: 'holmbergel.fi', city: 'Porvoo', postal: '06100', street: 'Mannerheimgatan 15' },
  { name: 'Nordic Facility Services Oy', domain: 'nordicfacility.fi', city: 'Helsinki', postal: '00180', street: 'Ruoholahdenkatu 21' },
  { name: 'Asennuspojat Oy', domain: 'asennuspojat.fi', city: 'Lahti', postal: '15110', street: 'Aleksanterinkatu 7' },
  { name: 'Lämpö-Heikkilä Ky', domain: 'lampoheikkila.fi', city: 'Kuopio', postal: '70100', street: 'Puijonkatu 30' },
  { name: 'Turun Talotekniikka Oy', domain: 'turuntalotekniikka.fi', city: 'Turku', postal: '20100', street: 'Linnankatu 18' },
  { name: 'Metallirakenne Salonen Oy', domain: 'msalonen.fi', city: 'Pori', postal: '28100', street: 'Satakunnankatu 5' },
];
const PREFIXES = ['Putki', 'LVI', 'Sähkö', 'Rakennus', 'Talotekniikka', 'Asennus', 'Lämpö', 'Kiinteistö'];
const SURNAMES = ['Lehtinen', 'Hämäläinen', 'Koskinen', 'Järvinen', 'Heinonen', 'Rantanen', 'Lahtinen', 'Saarinen', 'Tuominen', 'Rinne', 'Kallio', 'Peltonen', 'Aaltonen', 'Hiltunen', 'Manninen', 'Leinonen', 'Karjalainen', 'Vainio', 'Savolainen', 'Kinnunen', 'Mattila', 'Salminen', 'Pitkänen', 'Jokinen', 'Ahonen', 'Mustonen', 'Seppälä', 'Hakala'];
const CITIES = [
  ['Helsinki', '00100'],
  ['Tampere', '33200'],
  ['Turku', '20500'],
  ['Oulu', '90500'],
  ['Hämeenlinna', '13100'],
  ['Seinäjoki', '60100'],
  ['Joensuu', '80100'],
  ['Kouvola', '45100'],
] as const;
const ascii = (s: string) => s.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/å/g, 'a').replace(/[^a-z]/g, '');
for (const surname of SURNAMES) {
  const prefix = pick(PREFIXES);
  const [city, postal] = pick(CITIES);
  CUSTOMER_SEEDS.push({
    name: `${prefix}-${surname} Oy`,
    domain: `${ascii(prefix)}${ascii(surname)}.fi`,
    city,
    postal,
    street: `${pick(['Teollisuuskatu', 'Konepajankatu', 'Varastotie', 'Ratakatu'])} ${1 + Math.floor(random() * 40)}`,
  });
}

function businessId(): string {
  for (;;) {
    const id = businessIdFromDigits(String(1_000_000 + Math.floor(random() * 8_999_999)));
    if (id) return id;
  }
}

const PERSONS = [
  ['101', 'Mikko Lehtonen', 'mikko.lehtonen@teknotukku.fi', '+358 40 123 4501', 'Myyjä, LVI'],
  ['102', 'Sanna Koivisto', 'sanna.koivisto@teknotukku.fi', '+358 40 123 4502', 'Myyjä, sähkö'],
  ['103', 'Johan Sundström', 'johan.sundstrom@teknotukku.fi', '+358 40 123 4503', 'Säljare, Österbotten'],
  ['104', 'Pekka Heikkinen', 'pekka.heikkinen@teknotukku.fi', '+358 40 123 4504', 'Myyjä, kiinnitystekniikka'],
  ['105', 'Laura Salo', 'laura.salo@teknotukku.fi', '+358 40 123 4505', 'Myyntipäällikkö'],
] as const;
const PRICELISTS = ['URAKOITSIJA', 'AVAINASIAKAS', 'ASENNUS'];

const customers = CUSTOMER_SEEDS.map((seed, i) => {
  const sellerNumber = seed.domain === 'rorvarme.fi' || seed.domain === 'holmbergel.fi' ? '103' : PERSONS[i % 4]![0];
  return {
    number: String(20001 + i),
    name: seed.name,
    business_id: businessId(),
    vat: '',
    email: `tilaukset@${seed.domain}`,
    domains: i % 7 === 3 ? `${seed.domain}|${seed.domain.replace('.fi', '.com')}` : seed.domain,
    seller_number: sellerNumber,
    pricelist: i % 5 === 4 ? '' : PRICELISTS[i % 3]!,
    street: seed.street,
    postal_code: seed.postal,
    city: seed.city,
    country: seed.country ?? 'FI',
  };
});

/* Price lists: group discounts for each list, net prices with quantity breaks for key products */
const GROUP_DISCOUNTS: Record<string, Record<string, number>> = {
  URAKOITSIJA: { 'LVI-KUPARI': 18, 'LVI-VENTTIILIT': 25, 'LVI-LIITTIMET': 30, 'SÄH-KAAPELIT': 22, 'KIIN-RUUVIT': 35 },
  AVAINASIAKAS: { 'LVI-KUPARI': 25, 'LVI-VENTTIILIT': 32, 'LVI-LIITTIMET': 38, 'LVI-PATTERIT': 20, 'SÄH-KAAPELIT': 28, 'SÄH-KESKUKSET': 25, 'KIIN-RUUVIT': 42, 'KIIN-MUTTERIT': 40 },
  ASENNUS: { 'LVI-VENTTIILIT': 15, 'SÄH-ASENNUS': 20, 'SÄH-KAAPELIT': 12 },
};
const priceRules: Record<string, string>[] = [];
for (const [list, groups] of Object.entries(GROUP_DISCOUNTS)) {
  for (const [group, discount] of Object.entries(groups)) {
    priceRules.push({ pricelist: list, sku: '', group, price: '', discount: String(discount), min_qty: '', valid_from: '', valid_to: '' });
  }
}
const netPriced = products.filter((p) => /^(Kupariputki 15x1,0 kova|Kupariputki 22x1,0 kova|MMJ 3x1,5S|MMJ 3x2,5S|Palloventtiili DN15 1\/2" sk\/sk vipukahva)$/.test(p.name));
for (const product of netPriced) {
  priceRules.push({ pricelist: 'AVAINASIAKAS', sku: product.sku, group: '', price: (product.price * 0.7).toFixed(2), discount: '', min_qty: '1', valid_from: '2026-01-01', valid_to: '2027-12-31' });
  priceRules.push({ pricelist: 'AVAINASIAKAS', sku: product.sku, group: '', price: (product.price * 0.62).toFixed(2), discount: '', min_qty: '100', valid_from: '2026-01-01', valid_to: '2027-12-31' });
  priceRules.push({ pricelist: 'URAKOITSIJA', sku: product.sku, group: '', price: (product.price * 0.5).toFixed(2), discount: '', min_qty: '1', valid_from: '2025-01-01', valid_to: '2025-12-31' });
}

function csv(rows: Record<string, string | number>[], delimiter: string, decimalComma: boolean): string {
  const header = Object.keys(rows[0]!);
  const cell = (value: string | number) => {
    const text = typeof value === 'number' ? (decimalComma ? comma(value) : String(value)) : value;
    return text.includes(delimiter) || text.includes('"') ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[header.join(delimiter), ...rows.map((r) => header.map((h) => cell(r[h]!)).join(delimiter))].join('\n')}\n`;
}

mkdirSync(OUT, { recursive: true });
const productRows = products.map((p) => ({ ...p, price: p.price, vat_rate: 25.5 }));
writeFileSync(join(OUT, 'products.csv'), `\uFEFF${csv(productRows, ';', true)}`);
writeFileSync(join(OUT, 'customers.csv'), csv(customers, ';', false));
writeFileSync(join(OUT, 'persons.csv'), csv(PERSONS.map(([number, name, email, phone, role]) => ({ number, name, email, phone, role })), ',', false));
writeFileSync(join(OUT, 'pricelists.csv'), csv(priceRules, ',', false));
console.log(`${products.length} products, ${customers.length} customers, ${PERSONS.length} persons, ${priceRules.length} price rules → ${OUT}`);
