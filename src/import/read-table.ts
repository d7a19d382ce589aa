import { extname } from 'node:path';
import { readCsv } from './csv-table.js';
import type { ImportLimits } from './limits.js';
import { ImportError, type TableRow } from './table.js';
import { readXlsx } from './xlsx-table.js';

const READERS: Record<string, (file: string, limits: ImportLimits) => AsyncIterable<TableRow>> = {
  '.csv': readCsv,
  '.tsv': readCsv,
  '.txt': readCsv,
  '.xlsx': readXlsx,
};

export function readTable(file: string, limits: ImportLimits): AsyncIterable<TableRow> {
  const reader = READERS[extname(file).toLowerCase()];
  if (!reader) {
    throw new ImportError(file, [`unsupported file type '${extname(file) || '(none)'}'; use .csv, .tsv or .xlsx`]);
  }
  return reader(file, limits);
}
