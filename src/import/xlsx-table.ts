import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { formatBytes } from '../attachments/limits.js';
import { checkedZipEntries, InvalidZip, ZipTooLarge } from '../attachments/zip.js';
import type { ImportLimits } from './limits.js';
import { TableError, type TableRow } from './table.js';

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

/**
 * Streams the rows of the first worksheet, or of every one, so an unpacked workbook is never
 * held in memory whole.
 */
async function* readSheets(input: Readable, sheets: 'first' | 'all'): AsyncIterable<TableRow> {
  // Loaded on the first workbook only, so that starting the CLI does not pay for exceljs.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    // Cells refer to shared strings by index, so all are kept; the import limits bound how many there are.
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
    if (sheets === 'first') return;
  }
}

const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** Refuses a workbook over the import limits before exceljs unpacks any of it. */
async function checkWorkbook(content: Buffer, limits: ImportLimits): Promise<void> {
  const total = { bytes: limits.maxUnpackedBytes, name: 'unpacked-size limit for imports' };
  const sharedStrings = { bytes: limits.maxSharedStringsBytes, name: 'shared-strings limit for imports' };
  try {
    await checkedZipEntries(content, total, new Map([[SHARED_STRINGS, sharedStrings]]));
  } catch (error) {
    if (error instanceof ZipTooLarge) throw new TableError(error.message);
    if (error instanceof InvalidZip) throw new TableError(`is not a valid XLSX file (${error.message})`);
    throw error;
  }
}

/**
 * The file is read whole, because a zip's directory is at its end, and handed to exceljs from
 * memory, so the bytes it parses are the bytes checked. Its size is checked first, since a
 * workbook never unpacks to much less than it takes packed.
 */
export async function* readXlsx(file: string, limits: ImportLimits): AsyncIterable<TableRow> {
  const { size } = await stat(file);
  if (size > limits.maxUnpackedBytes) {
    throw new TableError(`is ${formatBytes(size)}, over the ${formatBytes(limits.maxUnpackedBytes)} unpacked-size limit for imports`);
  }
  const content = await readFile(file);
  await checkWorkbook(content, limits);
  yield* readXlsxContent(content);
}

/**
 * Reads XLSX bytes already in memory: for an import, its first sheet; for a mail's list, every
 * sheet, as a request may hold a cover sheet and the items on the sheets after it.
 */
export function readXlsxContent(content: Buffer, sheets: 'first' | 'all' = 'first'): AsyncIterable<TableRow> {
  return readSheets(Readable.from([content], { objectMode: false }), sheets);
}
