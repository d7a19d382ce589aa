import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { TableRow } from './table.js';

type CellValue = ExcelJS.CellValue;

/** Excel's binary floats ("=7*1.1" is 7.700000000000001) back to the number a person sees. */
function plainNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/**
 * Excel keeps numbers, dates, rich text and formulas; the importer wants the text a person sees.
 * A percent-formatted 25.5 % is stored as 0.255 and is read back as 25.5.
 */
export function cellText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return plainNumber(numFmt?.includes('%') ? value * 100 : value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as CellValue, numFmt);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Streams the first worksheet, so a large workbook is never held in memory whole. */
async function* readFirstSheet(input: string | Readable): AsyncIterable<TableRow> {
  // Loaded on the first workbook only, so that starting the CLI does not pay for exceljs.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell dates and percentages from plain numbers.
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const cells = Array.from({ length: row.cellCount }, (_, i) => {
        const cell = row.getCell(i + 1);
        return cellText(cell.value, cell.numFmt);
      });
      if (cells.some((c) => c.trim() !== '')) yield { row: row.number, cells };
    }
    return;
  }
}

export function readXlsx(file: string): AsyncIterable<TableRow> {
  return readFirstSheet(file);
}

/** Reads XLSX bytes already in memory, such as a mail attachment. */
export function readXlsxContent(content: Buffer): AsyncIterable<TableRow> {
  return readFirstSheet(Readable.from([content], { objectMode: false }));
}
