import Table from 'cli-table3';
import { terminalSafe } from './terminal-safe.js';

export type Cell = string | number | null;

/** A plain box table; numbers are right-aligned so that prices line up. */
export function renderTable(head: string[], rows: Cell[][]): string {
  const table = new Table({ head, style: { head: [], border: [] }, wordWrap: true });
  for (const row of rows) {
    // A cell is one line of mail text: a line break in it would be a line of the table's own.
    table.push(row.map((cell) => (typeof cell === 'number' ? { content: String(cell), hAlign: 'right' as const } : cell === null ? '–' : terminalSafe(cell, 'escape'))));
  }
  return table.toString();
}

/** Money for reading, never for arithmetic: the amounts come exact from the workflow. */
export function money(value: number | string | null): string {
  return value === null ? '–' : Number(value).toFixed(2);
}

export function amount(value: number | string | null): string {
  return value === null ? '–' : String(Number(value));
}
