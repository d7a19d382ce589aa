import type { RequestedLine } from '../domain/requested-line.js';
import { conversionsOf, unitCode } from '../domain/sales-units.js';
import type { ScoredProduct } from './catalog-index.js';
import { alikeSizes, fold, inRange, isStandard, rangeOf, termsOf } from './terms.js';
import { toCatalogWords } from './trade-vocabulary.js';
import { commonPrefix, wordSimilarity } from './word-similarity.js';

/** Candidates this close to the best fit the request equally well; what sets them apart decides. */
const CLOSE = 0.9;
/** A candidate whose pack holds just what the customer said may score this much lower and still be theirs. */
const PACK_NAMED = 0.85;

/** What the customer said besides the line's words: its unit and pack, and the words of the mail's other lines. */
export interface Asked {
  unit?: string | null;
  per?: RequestedLine['per'];
  preferredBrands?: (group: string | null) => readonly string[];
  /** Words of the mail's other lines, as catalog words, with how many lines say each. */
  mailWords?: ReadonlyMap<string, number>;
}

export interface Choice {
  chosen: ScoredProduct;
  /** Which rule chose it, for the salesperson: said on the line. */
  note: string;
}

/**
 * Whether the request may have said this word, inflected in any way: a wrong guess here would
 * choose the variant without a feature the customer did ask for ("liiketunnistimella" is the
 * one with the "liiketunnistin"), so anything sharing a long start counts.
 */
function mayHaveSaid(asked: string[], word: string): boolean {
  return asked.some((q) => wordSimilarity(q, word) > 0 || commonPrefix(q, word) >= Math.min(6, q.length, word.length));
}

/**
 * What a product's name says that the request did not: its features, sizes and brand words. A
 * size the customer wrote another way (DN25 for 1") was asked for; a standard, or how many a
 * box holds, is no feature a customer would have to ask for.
 */
function unasked(name: string, asked: { words: string[]; numbers: string[] }): Set<string> {
  const terms = termsOf(name.replace(PACK_CONTENT, ' '));
  const askedSizes = new Set(asked.numbers.flatMap((n) => [n, ...alikeSizes(n)]));
  const nutGrades = new Set([...name.matchAll(NUT_GRADE)].map((m) => m[1]!));
  const words = terms.words.filter((w) => !mayHaveSaid(asked.words, w) && !IMPLIED_BY_USE[w]?.some((use) => asked.words.includes(use)));
  const numbers = terms.numbers.filter((n) => !askedSizes.has(n) && !isStandard(n) && !isLeftToSeller(n, nutGrades));
  return new Set([...words, ...numbers]);
}

/** Colours the trade gives a use: a vessel for heating is red, one for tap water blue. Asked for the use, the colour was asked for. */
const IMPLIED_BY_USE: Record<string, string[]> = { punainen: ['lammitys'], sininen: ['kayttovesi', 'juomavesi'] };

/** "(25 KPL)", "100 kpl": how many a box holds is how it is sold, not a feature of the product. */
const PACK_CONTENT = /\(?(?<![\p{L}\d.,])\d{1,5}\s?(?:kpl|pcs|st)\)?(?![\p{L}])/giu;

/** A nut's strength class, right after its thread: "Kuusiomutteri M8 8 Zn DIN934". */
const NUT_GRADE = /(?<![\p{L}\d])M\d{1,2}\s+(\d{1,2})(?=\s)/gu;
/** A breaker's breaking capacity, as a size token: "6ka", "10ka". */
const BREAKING_CAPACITY = /^\d+(?:\.\d+)?ka$/;

/** IP20, the class of a device for dry rooms: what a customer means who names no protection. */
const NO_PROTECTION = 'ip20';

/**
 * Ratings a customer who names none leaves to the seller: a nut's strength class (the common
 * class 8), a breaker's breaking capacity (what the brand makes) and IP20. Unasked, they are no
 * feature, so variants that differ by them and a brand go by the seller's brand rule; two
 * variants that differ in them alone still go to a person. Not so a bolt's or a rod's "8.8":
 * for a rod that is the stronger, special one.
 */
function isLeftToSeller(size: string, nutGrades: Set<string>): boolean {
  return nutGrades.has(size) || BREAKING_CAPACITY.test(size) || size === NO_PROTECTION;
}

/**
 * Materials and finishes, as the catalog's words and grades: what a list names once for all its
 * lines. A brand is not one of them: a customer who names one for a line means that line.
 */
const MATERIALS = new Set(['zn', 'hdg', 'keltasinkitty', 'rst', 'a2', 'a4', 'cu', 'messinki', 'ppsu']);

/** "8-25l", a bracket's vessels, when the mail's other lines ask for a vessel of a size it holds ("Varmo 18 l"). */
function holdsVesselOf(size: string, mailWords: ReadonlyMap<string, number>): boolean {
  const range = rangeOf(size);
  return range?.unit === 'l' && [...mailWords.keys()].some((word) => inRange(word, range));
}

/** How many of the mail's other lines say what sets a variant apart: 0 when any of it is unsaid, or no material. */
function saidInLines(differences: string[], mailWords: ReadonlyMap<string, number>): number {
  if (differences.length === 0) return 0;
  const counts = differences.map((d) => (holdsVesselOf(d, mailWords) ? 1 : MATERIALS.has(d) ? (mailWords.get(d) ?? 0) : 0));
  return Math.min(...counts);
}

/**
 * The variant the mail's other lines speak for: said by more than twice as many lines as any
 * other ("varmforsinket" on three lines, "forsinket" on one), so that a mail naming both
 * finishes about equally leaves the choice to a person.
 */
function fromOtherLines(close: ScoredProduct[], differences: string[][], mailWords: ReadonlyMap<string, number>): Choice | null {
  const said = differences.map((d) => saidInLines(d, mailWords));
  const most = Math.max(...said);
  const at = said.indexOf(most);
  if (most === 0 || said.some((n, i) => i !== at && n * 2 >= most)) return null;
  return { chosen: close[at]!, note: `the line names none, the mail's other lines say ${differences[at]!.join(', ')}` };
}

const isSubset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));

interface Brand {
  written: string;
  /** Capitalised in a name written in lower case: surely a brand. A word of a name in capitals only may be one. */
  sure: boolean;
}

/**
 * The brands a catalog name may hold, by their folded word: proper words after the first
 * ("Pallov. Aquaflux 1"", "NordPress Cu kulma"), and in a name written in capitals, its long
 * words after the first ("PISTORASIA 2-OS UPPO VALK NORVOLT"). The first word is a brand too
 * when what the product is comes after it, in the request's own word ("Hydrotek palloventtiili").
 */
function brandWords(name: string, askedWords: string[]): Map<string, Brand> {
  const [first, ...rest] = name.split(/[^\p{L}]+/u).filter(Boolean);
  const capitals = !/\p{Ll}/u.test(name);
  const brands = new Map<string, Brand>();
  const proper = (w: string) => /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?$/u.test(w);
  const named = rest.some((w) => w.length >= 6 && askedWords.includes(termsOf(w).words[0] ?? ''));
  if (first && proper(first) && named) brands.set(termsOf(first).words[0] ?? '', { written: first, sure: true });
  for (const w of rest.filter((word) => word.length >= 4)) {
    const sure = proper(w);
    if (sure || capitals) brands.set(termsOf(w).words[0] ?? '', { written: w, sure });
  }
  return brands;
}

/** Whether a product is sold in this unit, or in one it converts to: a coil of cable sold per metre "takes" coils. */
function takes(product: ScoredProduct['product'], unit: string): boolean {
  return unitCode(product.unit) === unit || conversionsOf(product).some((c) => c.unit === unit);
}

/**
 * Chooses among near-duplicates as a salesperson would. The only one sold in the unit the
 * customer asked in wins ("3 rll" of the cable that comes in coils, not the one on a drum), and
 * of those the only one whose pack holds what the customer said ("à 200 m"). A
 * variant with everything the customer wrote and nothing more wins over those that add a
 * feature nobody asked for (a butterfly handle, a self-adhesive seam). Variants that differ
 * only by brand, when the customer named none, go to the brand the seller prefers for that
 * product group, else to the cheaper one. A material or finish the line leaves out but the
 * mail's other lines all name ("mutteri m10 sink", … "kiskomutteri m10 jousella") is theirs,
 * as is the bracket for the size of vessel they ask for.
 * Anything else that sets them apart (a thread, a curve, a size) the customer did not say,
 * and a person must choose: null.
 */
export function chooseAmongNearDuplicates(request: string, ranked: ScoredProduct[], asked: Asked = {}): Choice | null {
  const { unit: askedUnit = null, per = null } = asked;
  const [top] = ranked;
  if (!top) return null;
  const close = ranked.filter((s) => s.score >= top.score * CLOSE);
  const unit = askedUnit === null ? null : unitCode(askedUnit);
  const inUnit = unit === null || unit === 'kpl' ? [] : close.filter((s) => takes(s.product, unit));
  const soldIn = `sold in ${unit}`;
  if (close.length > 1 && inUnit.length === 1) return { chosen: inUnit[0]!, note: `the only one ${soldIn}` };
  // The pack named with its content ("2 coils of 100 m") is what the product's data says of it: that outweighs the words its name adds ("100 m rll").
  const holding = per && unit ? ranked.filter((s) => s.score >= top.score * PACK_NAMED && takes(s.product, unit) && holds(s.product, unit, per)) : [];
  if (holding.length === 1 && (close.length > 1 || holding[0] !== top)) return { chosen: holding[0]!, note: `the only one of ${per!.quantity} ${per!.unit} per ${unit}` };
  if (close.length < 2) return null;
  const among = inUnit.length > 1 ? inUnit : close;
  const choice = byFeatures(request, among, asked);
  return choice && inUnit.length > 1 ? { ...choice, note: `of those ${soldIn}, ${choice.note}` } : choice;
}

/** Whether one pack of the product holds what the customer said each holds: "2 rullaa à 200 m" is the 200 m coil. */
function holds(product: ScoredProduct['product'], unit: string, per: NonNullable<RequestedLine['per']>): boolean {
  return conversionsOf(product).some((c) => c.unit === unit && c.of === unitCode(per.unit) && Number(c.quantity) === Number(per.quantity));
}

/** Whether the customer asked in a unit this product is not sold in, with no conversion known. */
export function misfitsUnit(product: ScoredProduct['product'], askedUnit: string | null): boolean {
  const unit = askedUnit === null ? null : unitCode(askedUnit);
  return unit !== null && unit !== 'kpl' && !takes(product, unit);
}

function byFeatures(request: string, close: ScoredProduct[], { preferredBrands = () => [], mailWords = new Map() }: Asked): Choice | null {
  const asked = termsOf(toCatalogWords(request));
  const extras = close.map((s) => unasked(s.product.name, asked));
  const plainest = extras.findIndex((mine, i) => extras.every((other, j) => j === i || (isSubset(mine, other) && other.size > mine.size)));
  if (plainest >= 0) {
    const added = [...new Set(extras.flatMap((e, j) => (j === plainest ? [] : [...e].filter((x) => !extras[plainest]!.has(x)))))];
    return { chosen: close[plainest]!, note: `the only one without what was not asked for (${added.join(', ')})` };
  }
  // A variant that adds a feature to another's ("DZR … juomavesi" to a plain valve) is out of the running.
  const kept = close.flatMap((s, i) => (extras.some((other, j) => j !== i && isSubset(other, extras[i]!) && other.size < extras[i]!.size) ? [] : [{ s, extra: extras[i]! }]));
  const among = kept.map((k) => k.s);
  const common = kept.map((k) => k.extra).reduce((shared, e) => new Set([...shared].filter((x) => e.has(x))));
  const differences = kept.map((k) => [...k.extra].filter((x) => !common.has(x)));
  const elsewhere = fromOtherLines(among, differences, mailWords);
  if (elsewhere) return elsewhere;
  const brands = among.map((s, i) => (differences[i]!.length === 1 ? brandWords(s.product.name, asked.words).get(differences[i]![0]!) : undefined));
  // Two words of names in capitals may as well be two features ("VIPUKAHVA", "PERHOSKAHVA"): one must surely be a brand.
  if (brands.some((b) => b === undefined) || !brands.some((b) => b!.sure)) return null;
  const written = brands.map((b) => b!.written);
  const group = among[0]!.product.group;
  const preferred = preferredBrands(group).map((brand) => written.findIndex((w) => fold(w) === fold(brand))).find((at) => at >= 0);
  if (preferred !== undefined) return { chosen: among[preferred]!, note: `no brand named: ${written[preferred]}, the brand preferred for ${group}` };
  const cheapest = [...among].sort((a, b) => Number(a.product.listPrice) - Number(b.product.listPrice))[0]!;
  return { chosen: cheapest, note: `no brand named: the cheaper of ${written.join(', ')}` };
}
