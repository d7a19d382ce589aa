import { normalizeUnit } from '../../domain/units.js';
import { codeIn, isCodeToken } from './codes.js';
import type { ParsedItem } from './parsed-item.js';
import { takePerUnit, type PerUnit } from './pack-phrase.js';
import { QTY, UNIT } from './patterns.js';

/** A cell that holds a quantity, with or without its unit: "12", "12,5", "50 m", "kpl 4", "x24". */
const QUANTITY_CELL = new RegExp(String.raw`^(?:[x×]\s*)?${QTY}\s*(?:${UNIT})?$|^${UNIT}\s+${QTY}$`, 'i');

interface QuantityCell {
  at: number;
  quantity: string;
  unit: string | null;
}

function quantityCell(cell: string, at: number): QuantityCell | null {
  const m = QUANTITY_CELL.exec(cell);
  // Six digits and more are item numbers and EANs, not quantities.
  if (!m || /^\d{6,}$/.test(m[1] ?? m[4] ?? '')) return null;
  return m[1] !== undefined ? { at, quantity: m[1], unit: m[2] ?? null } : { at, quantity: m[4]!, unit: m[3]! };
}

export interface Cells {
  cells: string[];
  /** Columns aligned with spaces may also be a sentence with a double space in it. */
  aligned: boolean;
}

/** Splits a table row: TABs (HTML and spreadsheet tables), pipes, semicolons, or columns aligned with spaces. */
export function tableCells(line: string): Cells | null {
  const separator = line.includes('\t') ? '\t' : (line.match(/\|/g)?.length ?? 0) >= 2 ? '|' : line.includes(';') ? ';' : /\S {2,}\S/.test(line) ? / {2,}/ : null;
  if (!separator) return null;
  const cells = line.split(separator).map((c) => c.trim()).filter(Boolean);
  return cells.length >= 2 ? { cells, aligned: separator instanceof RegExp } : null;
}

/** A size or a material in a column of its own: "M12x40", "28 mm", "1\"", "DN20", "A4". */
const DETAIL_CELL = /^(?:[A-Z]{1,3}\d+(?:[.,]\d+)?(?:\s*[x×]\s*\d+(?:[.,]\d+)?)*|\d+(?:[.,]\d+)?(?:\s*[x×]\s*\d+(?:[.,]\d+)?)+[A-Z]{0,2}(?:\s*(?:mm|m|"))?(?:\s*[x×]\s*\d+(?:[.,]\d+)?\s*"?)?|\d+(?:[.,]\d+)?\s*(?:mm|"|tuumaa?)|\d+\/\d+\s*")$/i;
/**
 * Sizes and ratings as a column of their own writes them: "50x45°", "20 x 3/4\"", "Ø125 3 m",
 * "600x600 30 W", "3x2,5+2,5", "DN50 PN16": short, with a digit, and no word longer than a
 * unit or a size's letters; a price is none.
 */
const SIZE_CELL_LENGTH = 24;
function isSizeCell(cell: string): boolean {
  return cell.length <= SIZE_CELL_LENGTH && /\d/.test(cell) && !/\p{L}{4}|[€$£]|eur/iu.test(cell);
}

/**
 * Whether a cell says what the product is: words, or a size or material column. Sizes written
 * freely say so only after the name ("Composite press tee | 20 | 16 | pcs"): before it, such a
 * cell is the row's number or the customer's own item number.
 */
function describes(cell: string, afterName: boolean): boolean {
  if (/\p{L}{2}/u.test(cell) || DETAIL_CELL.test(cell)) return true;
  return afterName && isSizeCell(cell);
}
/** A unit cell that says what each holds: "kpl (2 m)", "rll (100 m)", "ltk (100 kpl)", its brackets read as spaces. */
const UNIT_WITH_CONTENT = /^(\p{L}+)\.?\s+(\d+(?:[.,]\d+)?)\s*(m|kg|l|kpl|st|pcs)$/iu;

function unitWithContent(cell: string): { unit: string; per: PerUnit } | null {
  const m = UNIT_WITH_CONTENT.exec(cell.trim());
  const content = m && normalizeUnit(m[3]!);
  return m && normalizeUnit(m[1]!) && content ? { unit: m[1]!, per: { quantity: m[2]!, unit: content } } : null;
}

/**
 * A table row: quantity, unit, code and description are told apart by what each cell holds.
 * The description is every cell that says what the product is, in column order, so that a
 * size or a material in its own column is matched with the name ("Kuusioruuvi DIN 933 |
 * M12x40 | A4").
 */
export function parseRow(text: string, cells: string[]): ParsedItem | null {
  const unitAt = cells.findIndex((c) => normalizeUnit(c) !== null || unitWithContent(c) !== null);
  const contentCell = unitAt >= 0 ? unitWithContent(cells[unitAt]!) : null;
  // "2 rullar à 100 m" in the quantity column: the count, and what each holds.
  const packed = cells.map(takePerUnit);
  const quantities = packed.map((c, at) => quantityCell(c.text, at)).filter((q): q is QuantityCell => q !== null && q.at !== unitAt);
  if (quantities.length === 0) return null;
  const near = (q: QuantityCell) => (unitAt >= 0 ? Math.abs(q.at - unitAt) : -q.at);
  const qty = quantities.reduce((best, q) => (q.unit && !best.unit ? q : near(q) < near(best) ? q : best));
  const codeAt = cells.findIndex((c, i) => i !== qty.at && !DETAIL_CELL.test(c.trim()) && (codeIn(c) === c || isCodeToken(c)));
  const nameAt = cells.findIndex((c, i) => i !== codeAt && /\p{L}{2}/u.test(c));
  // After the name, then the quantity and unit, a cell is the customer's remark ("KPH 1 ja 2", "jos löytyy"), as in free text.
  const remarksFrom = nameAt >= 0 && nameAt < qty.at ? Math.max(qty.at, unitAt) + 1 : cells.length;
  const parts = cells.filter((c, i) => i < remarksFrom && i !== qty.at && i !== unitAt && i !== codeAt && describes(c.trim(), nameAt >= 0 && i > nameAt));
  const code = codeAt >= 0 ? cells[codeAt]! : null;
  if (!parts.some((p) => /\p{L}{2}/u.test(p)) && !code) return null;
  const unit = qty.unit ?? (unitAt >= 0 ? (contentCell?.unit ?? cells[unitAt]!) : null);
  return { text, description: parts.join(' '), quantity: qty.quantity, unit, code, per: packed[qty.at]!.per ?? (qty.unit ? null : (contentCell?.per ?? null)) };
}
