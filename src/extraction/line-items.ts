import { parseDecimal } from '../domain/money.js';
import { isValidGtin } from '../domain/product-code.js';
import type { RequestedLine } from '../domain/requested-line.js';
import { normalizeUnit, UNIT_PATTERN } from './units.js';

/**
 * Rule-based line items: no external service, so it runs on the embedded default. Each rule
 * reads one way people write an item line; the first that fits wins.
 */

/** "12", "12,5", and thousands written with a space: "1 000", "12 500,5". */
const QTY = String.raw`(\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)`;
const UNIT = String.raw`(${UNIT_PATTERN})\.?`;
const END_QTY = new RegExp(String.raw`^(.+?)(?<![àá@]\s?)[\s,:;–-]+(?:x\s*)?${QTY}\s*${UNIT}$`, 'i');
const START_QTY = new RegExp(String.raw`^(?:.*?\s)?${QTY}\s*${UNIT}\s+(.+)$`, 'i');
const UNIT_THEN_QTY_START = new RegExp(String.raw`^${UNIT}\s+${QTY}\s+(.+)$`, 'i');
const UNIT_THEN_QTY_END = new RegExp(String.raw`^(.+?)\s+${UNIT}\s+${QTY}$`, 'i');
const TIMES_START = /^(\d+)\s*[x×]\s+(.+)$/i;
const TIMES_END = /^(.+?)\s+[x×]\s?(\d+)$/i;
const LIST_MARKER = /^\s*(?:[-*•·]|\d{1,3}[.)])\s+/;
const QTY_ONLY = new RegExp(String.raw`^[\s,:;–-]*(?:[x×]\s*)?${QTY}\s*(?:[x×]|${UNIT})?$`, 'i');
/** Bare numbers that are product codes, never quantities: skus (6–8 digits) and GTINs (12–14). */
const NUMBER_CODE = /(?<![\d,.x-])(?:\d{12,14}|\d{6,8})(?![\d.x-]|,\d)/g;
/** A supplier code inside a description: capitals and digits, at least two letters, "MCB-C16-1P". */
const SUPPLIER_CODE = /(?<![\w-])(?=[A-Z0-9/-]{5,}(?![\w-]))(?=[A-Z/-]*\d)(?=(?:[0-9/-]*[A-Z]){2})[A-Z0-9]+(?:[-/][A-Z0-9]+)*(?![\w-])/;
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

/** The product number of a line: a valid GTIN first, then a sku, then any other 12–14 digit number. */
function numberCodeIn(text: string): string | null {
  const numbers = [...text.matchAll(NUMBER_CODE)].map((m) => m[0]);
  return (
    numbers.find((n) => n.length >= 12 && isValidGtin(n)) ??
    numbers.find((n) => n.length <= 8) ??
    numbers[0] ??
    null
  );
}

/** A number code anywhere in the text, a supplier code inside it, or a text that is nothing but a code. */
function codeIn(text: string): string | null {
  return numberCodeIn(text) ?? SUPPLIER_CODE.exec(text)?.[0] ?? (CODE_CELL.test(text) ? text : null);
}

/** A product number is taken out first, so that "1100088 x 6" is six of 1100088, not the reverse. */
function parseFreeText(line: string): Parsed | null {
  const code = numberCodeIn(line);
  const parsed = parseWords(code ? line.replace(code, ' ').replace(/\s+/g, ' ').trim() : line);
  return parsed && { ...parsed, code };
}

function parseWords(line: string): Parsed | null {
  const attempts: [RegExp, (m: RegExpExecArray) => Parsed][] = [
    [END_QTY, (m) => ({ description: m[1]!, quantity: m[2]!, unit: m[3]!, code: null })],
    [UNIT_THEN_QTY_START, (m) => ({ description: m[3]!, quantity: m[2]!, unit: m[1]!, code: null })],
    [START_QTY, (m) => ({ description: m[3]!, quantity: m[1]!, unit: m[2]!, code: null })],
    [UNIT_THEN_QTY_END, (m) => ({ description: m[1]!, quantity: m[3]!, unit: m[2]!, code: null })],
    [TIMES_START, (m) => ({ description: m[2]!, quantity: m[1]!, unit: null, code: null })],
    [TIMES_END, (m) => ({ description: m[1]!, quantity: m[2]!, unit: null, code: null })],
    [QTY_ONLY, (m) => ({ description: '', quantity: m[1]!, unit: m[2] ?? null, code: null })],
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
  const quantity = parseDecimal(parsed.quantity.replace(/[ \u00a0](?=\d{3})/g, ''));
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
