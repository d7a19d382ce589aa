import { parseDecimal } from '../domain/money.js';
import type { RequestedLine } from '../domain/requested-line.js';
import { codeIn } from './items/codes.js';
import { freeTextItems } from './items/free-text.js';
import { takePackContent } from './items/pack-phrase.js';
import type { ParsedItem } from './items/parsed-item.js';
import { spelledOut, type Doubt } from './items/spelled-quantities.js';
import { parseRow, tableCells } from './items/table-row.js';
import { normalizeUnit } from '../domain/units.js';

/**
 * Rule-based line items: no external service, so it runs on the embedded default. A line is a
 * table row, a list entry or a sentence that may name several items; each rule reads one way
 * people write them.
 */

const LIST_MARKER = /^\s*(?:[-*•·]|\d{1,3}[.)])\s+/;

/** The trailing run is matched only from its first character: tried from every one, a long run of dots would be scanned again each time. */
function tidy(description: string): string {
  return description
    .replace(/^[\s,:;–-]+/, '')
    .replace(/(?<![\s,:;.–-])[\s,:;.–-]+$/, '')
    .replace(/\s+/g, ' ');
}

/**
 * Brackets are dropped: "(kova)" reads as "kova". Each bracket with the spaces around it becomes
 * one space, so "(a) (b)" keeps its two spaces between; the whole run is taken at once, since
 * matching from inside a long run of spaces would scan it again from every space.
 */
function withoutBrackets(line: string): string {
  return line.replace(/(?<! ) *[()][ ()]*/g, (run) => ' '.repeat(run.replace(/ /g, '').length));
}

function toRequestedLine(item: ParsedItem, uncertain: string | null): RequestedLine | null {
  const quantity = parseDecimal(item.quantity.replace(/[ \u00a0](?=\d{3})/g, ''));
  if (quantity === null || Number(quantity) <= 0) return null;
  const packed = takePackContent(tidy(item.description), item.unit);
  const description = packed.description;
  const code = item.code ?? codeIn(description);
  if (!/\p{L}/u.test(description) && code === null) return null;
  const written = item.per ?? packed.per;
  const perQuantity = written && parseDecimal(written.quantity.replace(/[ \u00a0](?=\d{3})/g, ''));
  const per = written && perQuantity && Number(perQuantity) > 0 ? { quantity: perQuantity, unit: written.unit } : null;
  return { text: item.text.trim(), description, quantity, unit: item.unit ? normalizeUnit(item.unit.split('/')[0]!.trim()) : null, code, per, uncertain };
}

/**
 * A row is one item. A row that is no item may still hold whole items in its cells (a web
 * form's message), and space-aligned "columns" may just be a sentence.
 */
function itemsOf(rawLine: string, line: string): ParsedItem[] {
  const text = rawLine.trim();
  if (!/\p{L}|\d{6,}/u.test(line)) return [];
  const table = tableCells(line);
  const row = table && parseRow(text, table.cells);
  if (row) return [row];
  if (table && !table.aligned) return table.cells.flatMap(freeTextItems);
  return freeTextItems(line).map((item) => (item.text === line ? { ...item, text } : item));
}

const sameCount = (a: string, b: string) => Number(a.replace(/\s/g, '').replace(',', '.')) === Number(b);

/** Why an item's count is not certain: the approximations and ranges it was read from. */
function doubtsOf(item: ParsedItem, doubts: Doubt[]): string | null {
  const own = doubts.filter((d) => sameCount(item.quantity, d.count));
  return own.length ? own.map((d) => d.reason).join('; ') : null;
}

export function extractLines(rawLine: string): RequestedLine[] {
  // "glömde ett par saker i gårdagens lista, lägg till:", "Piha on KG 160:": a line that introduces the items after it.
  if (rawLine.trimEnd().endsWith(':')) return [];
  const line = withoutBrackets(rawLine.trim().replace(LIST_MARKER, '')).trim();
  let spelled = spelledOut(line);
  let items = itemsOf(rawLine, spelled.line);
  // "seinäkiinnike 8-25 l 2 kpl": the range counts nothing, so it is the size of what is asked for.
  if (spelled.doubts.some((d) => d.range && !items.some((item) => sameCount(item.quantity, d.count)))) {
    spelled = spelledOut(line, { ranges: false });
    items = itemsOf(rawLine, spelled.line);
  }
  return items.map((item) => toRequestedLine(item, doubtsOf(item, spelled.doubts))).filter((l): l is RequestedLine => l !== null);
}

export function extractLineItems(body: string): RequestedLine[] {
  return body.split('\n').flatMap(extractLines);
}
