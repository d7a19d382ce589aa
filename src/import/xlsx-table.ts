import ExcelJS from 'exceljs';
import type { TableRow } from './table.js';

type CellValue = ExcelJS.CellValue;

/** Excel keeps numbers, dates, rich text and formulas; the importer wants the text a person sees. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Streams the first worksheet, so a large workbook is never held in memory whole. */
export async function* readXlsx(file: string): AsyncIterable<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, (v) => cellText(v as CellValue));
      if (cells.some((c) => c.trim() !== '')) yield { row: row.number, cells };
    }
    return;
  }
}
