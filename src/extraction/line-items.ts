import { parseDecimal } from '../domain/money.js';
import { isValidGtin } from '../domain/product-code.js';
import type { RequestedLine } from '../domain/requested-line.js';
import { normalizeUnit, UNIT_PATTERN } from './units.js';

/**
 * Rule-based line items: no external service, so it runs on the embedded default. Each rule
 * reads one way people write an item line; the first that fits wins.
 */

const QTY = String.raw`(\d+(?:[.,]\d+)?)`;
const UNIT = String.raw`(${UNIT_PATTERN})\.?`;
const END_QTY = new RegExp(String.raw`^(.+?)(?<![àá@]\s?)[\s,:;–-]+(?:x\s*)?${QTY}\s*${UNIT}$`, 'i');
const START_QTY = new RegExp(String.raw`^(?:.*?\s)?${QTY}\s*${UNIT}\s+(.+)$`, 'i');
const UNIT_THEN_QTY_START = new RegExp(String.raw`^${UNIT}\s+${QTY}\s+(.+)$`, 'i');
const UNIT_THEN_QTY_END = new RegExp(String.raw`^(.+?)\s+${UNIT}\s+${QTY}$`, 'i');
const TIMES_START = /^(\d+)\s*[x×]\s+(.+)$/i;
const TIMES_END = /^(.+?)\s+[x×]\s?(\d+)$/i;
const LIST_MARKER = /^\s*(?:[-*•·]|\d{1,3}[.)])\s+/;
const SKU_LIKE = /(?<![\d,.x])\d{6,8}(?![\d,.x])/;
const GTIN_LIKE = /(?<!\d)\d{13}(?!\d)/;
/** One token of letters and digits, maybe with - / . inside: "MCB-C16-1P", "MMJ325S". */
const CODE_CELL = /^(?=.{5,})(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*$/;

interface Parsed {
  description: string;
  quantity: string;
  unit: string | null;
  code: string | null;
}

function tidy(description: string): string {
  return description.replace(/^[\s,:;–-]+|[\s,:;.–-]+$/g, '').replace(/\s+/g, ' ');
}

/** An EAN or sku-like number anywhere in the text, or a text that is nothing but a supplier code. */
function codeIn(text: string): string | null {
  const gtin = GTIN_LIKE.exec(text)?.[0];
  if (gtin && isValidGtin(gtin)) return gtin;
  return SKU_LIKE.exec(text)?.[0] ?? (CODE_CELL.test(text) ? text : null);
}

function parseFreeText(line: string): Parsed | null {
  const attempts: [RegExp, (m: RegExpExecArray) => Parsed][] = [
    [END_QTY, (m) => ({ description: m[1]!, quantity: m[2]!, unit: m[3]!, code: null })],
    [UNIT_THEN_QTY_START, (m) => ({ description: m[3]!, quantity: m[2]!, unit: m[1]!, code: null })],
    [START_QTY, (m) => ({ description: m[3]!, quantity: m[1]!, unit: m[2]!, code: null })],
    [UNIT_THEN_QTY_END, (m) => ({ description: m[1]!, quantity: m[3]!, unit: m[2]!, code: null })],
    [TIMES_START, (m) => ({ description: m[2]!, quantity: m[1]!, unit: null, code: null })],
    [TIMES_END, (m) => ({ description: m[1]!, quantity: m[2]!, unit: null, code: null })],
  ];
  for (const [pattern, read] of attempts) {
    const m = pattern.exec(line);
    if (m) return read(m);
  }
  return null;
}

function isNumberCell(cell: string): boolean {
  return /^\d{1,5}(?:[.,]\d+)?$/.test(cell);
}

/** A table row: quantity, unit, code and description are told apart by what each cell holds. */
function parseCells(cells: string[]): Parsed | null {
  const unitAt = cells.findIndex((c) => normalizeUnit(c) !== null);
  const numberAts = cells.map((c, i) => (isNumberCell(c) ? i : -1)).filter((i) => i >= 0);
  if (numberAts.length === 0) return null;
  const qtyAt =
    unitAt >= 0
      ? numberAts.reduce((best, i) => (Math.abs(i - unitAt) < Math.abs(best - unitAt) ? i : best))
      : numberAts[numberAts.length - 1]!;
  const codeAt = cells.findIndex((c, i) => i !== qtyAt && (codeIn(c) === c || CODE_CELL.test(c)));
  const description = cells
    .filter((c, i) => i !== qtyAt && i !== unitAt && i !== codeAt && /\p{L}{2}/u.test(c))
    .sort((a, b) => b.length - a.length)[0];
  const code = codeAt >= 0 ? cells[codeAt]! : null;
  if (!description && !code) return null;
  return { description: description ?? code ?? '', quantity: cells[qtyAt]!, unit: unitAt >= 0 ? cells[unitAt]! : null, code };
}

function splitCells(line: string): string[] | null {
  const separator = line.includes('\t') ? '\t' : (line.match(/\|/g)?.length ?? 0) >= 2 ? '|' : line.includes(';') ? ';' : null;
  if (!separator) return null;
  const cells = line.split(separator).map((c) => c.trim()).filter(Boolean);
  return cells.length >= 2 ? cells : null;
}

export function extractLine(rawLine: string): RequestedLine | null {
  const text = rawLine.trim();
  const line = text.replace(LIST_MARKER, '').replace(/[()]/g, ' ').trim();
  if (!/\p{L}|\d{6,}/u.test(line)) return null;
  const cells = splitCells(line);
  const parsed = cells ? parseCells(cells) : parseFreeText(line);
  if (!parsed) return null;
  const quantity = parseDecimal(parsed.quantity);
  if (quantity === null || Number(quantity) <= 0) return null;
  const description = tidy(parsed.description);
  const code = parsed.code ?? codeIn(description);
  if (!/\p{L}/u.test(description) && code === null) return null;
  return { text, description, quantity, unit: parsed.unit ? normalizeUnit(parsed.unit) : null, code };
}

export function extractLineItems(body: string): RequestedLine[] {
  return body
    .split('\n')
    .map(extractLine)
    .filter((l): l is RequestedLine => l !== null);
}
