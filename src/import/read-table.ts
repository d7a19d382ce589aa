import { extname } from 'node:path';
import { readCsv } from './csv-table.js';
import { ImportError, type TableRow } from './table.js';
import { readXlsx } from './xlsx-table.js';

const READERS: Record<string, (file: string) => AsyncIterable<TableRow>> = {
  '.csv': readCsv,
  '.tsv': readCsv,
  '.txt': readCsv,
  '.xlsx': readXlsx,
};

export function readTable(file: string): AsyncIterable<TableRow> {
  const reader = READERS[extname(file).toLowerCase()];
  if (!reader) {
    throw new ImportError(file, [`unsupported file type '${extname(file) || '(none)'}'; use .csv, .tsv or .xlsx`]);
  }
  return reader(file);
}
