import { basename } from 'node:path';
import type { z } from 'zod';
import type { MasterDataBatch } from '../erp/local/master-data.js';
import { IMPORT_KINDS, type ImportKind, type ImportKindName } from './kinds.js';
import { IMPORT_LIMITS, MAX_CELL_LENGTH, type Column, type ImportLimits } from './limits.js';
import { readTable } from './read-table.js';
import { ImportError, TableError, type TableRow } from './table.js';

const BATCH_SIZE = 500;
const MAX_PROBLEMS = 20;
const PROGRESS_EVERY = 10_000;

/** 10,485,760: limits and lengths in messages are easier to read grouped. */
const grouped = new Intl.NumberFormat('en-US').format;

export interface ImportSummary {
  kind: ImportKindName;
  file: string;
  records: number;
}

export type ImportProgress = (rowsRead: number) => void;

function headerName(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * The header a file written by another system (an ERP's export job) has for each of our columns;
 * a column it leaves out keeps our name. Headers that are none of these are ignored: such files
 * carry many columns Offerflow has no use for.
 */
export type HeaderMapping = ReadonlyMap<Column, string>;

/** Where a column's cells are, and what a message calls it: the header as the file has it. */
interface HeaderColumn {
  index: number;
  label: string;
}

function columnOf(kind: ImportKind<unknown, unknown>, name: string, mapping: HeaderMapping | undefined): Column | undefined {
  if (!mapping) return kind.columns.find((known) => known === name);
  return kind.columns.find((known) => headerName(mapping.get(known) ?? known) === name);
}

/** Maps each known column to its cell; every header problem is reported at once. */
function readHeader(kind: ImportKind<unknown, unknown>, header: TableRow, mapping: HeaderMapping | undefined): Map<Column, HeaderColumn> {
  const problems: string[] = [];
  const columns = new Map<Column, HeaderColumn>();
  const labelOf = (column: Column) => (mapping ? `'${mapping.get(column) ?? column}' (${column})` : `'${column}'`);
  header.cells.forEach((cell, index) => {
    const name = headerName(cell);
    if (name === '') return;
    const column = columnOf(kind, name, mapping);
    if (!column) {
      if (!mapping) problems.push(`unknown column '${cell.trim()}' in the header; known columns: ${kind.columns.join(', ')}`);
    } else if (columns.has(column)) problems.push(`column ${labelOf(column)} appears twice in the header`);
    else columns.set(column, { index, label: mapping ? cell.trim() : column });
  });
  for (const required of kind.required) {
    if (!columns.has(required)) problems.push(`required column ${labelOf(required)} is missing from the header`);
  }
  if (problems.length) throw new ImportError('', problems);
  return columns;
}

/** A cell over its column's limit is refused by its length alone, before it is parsed or quoted in a message. */
function rowProblems<T, B>(kind: ImportKind<T, B>, columns: Map<Column, HeaderColumn>, row: TableRow): { record?: T; problems: string[] } {
  const values: Partial<Record<Column, string>> = {};
  const tooLong: string[] = [];
  const label = (name: Column) => columns.get(name)?.label ?? name;
  for (const [name, { index }] of columns) {
    const cell = row.cells[index]?.trim() ?? '';
    const max = MAX_CELL_LENGTH[name];
    if (cell.length > max) tooLong.push(`row ${row.row}, column ${label(name)}: ${grouped(cell.length)} characters, over the ${grouped(max)}-character limit`);
    else if (cell !== '') values[name] = cell;
  }
  if (tooLong.length) return { problems: tooLong };
  const missing = kind.required.filter((name) => values[name] === undefined);
  if (missing.length) return { problems: missing.map((name) => `row ${row.row}, column ${label(name)}: a value is required`) };
  const parsed = kind.schema.safeParse(values);
  if (parsed.success) return { record: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((issue: z.core.$ZodIssue) => `row ${row.row}, column ${issue.path[0] === undefined ? '?' : label(issue.path[0] as Column)}: ${issue.message}`) };
}

async function importRows<T, B>(
  kind: ImportKind<T, B>,
  rows: AsyncIterator<TableRow>,
  writer: BatchWriter<B>,
  onProgress: ImportProgress | undefined,
  maxRows: number,
  mapping: HeaderMapping | undefined,
): Promise<number> {
  const first = await rows.next();
  if (first.done) throw new ImportError('', ['the file is empty; expected a header row']);
  const columns = readHeader(kind as ImportKind<unknown, unknown>, first.value, mapping);
  const present = new Set(columns.keys());
  const problems: string[] = [];
  const seen = new Map<string, number>();
  let batch: T[] = [];
  let count = 0;
  for (let next = await rows.next(); !next.done && problems.length < MAX_PROBLEMS; next = await rows.next()) {
    if (count === maxRows) {
      throw new ImportError('', [`has more than ${grouped(maxRows)} rows, over the ${grouped(maxRows)}-row limit for imports; split it into smaller files`]);
    }
    const row = next.value;
    const result = rowProblems(kind, columns, row);
    problems.push(...result.problems);
    if (result.record !== undefined) {
      const key = kind.key(result.record);
      const earlier = seen.get(key);
      if (earlier !== undefined) problems.push(`row ${row.row}: '${key}' is already on row ${earlier}`);
      seen.set(key, row.row);
      batch.push(result.record);
    }
    count += 1;
    if (onProgress && count % PROGRESS_EVERY === 0) onProgress(count);
    if (batch.length >= BATCH_SIZE && problems.length === 0) {
      await writer.write(kind.batch(batch, present));
      batch = [];
    }
  }
  if (problems.length) throw new ImportError('', problems.slice(0, MAX_PROBLEMS));
  if (batch.length) await writer.write(kind.batch(batch, present));
  return count;
}

export interface BatchWriter<B> {
  write(batch: B): Promise<void>;
}

/** Where an import writes: the embedded ERP, or anything that takes its batches in one go. */
export interface ImportTarget<B> {
  inTransaction<T>(work: (writer: BatchWriter<B>) => Promise<T>): Promise<T>;
}

export type MasterDataTarget = ImportTarget<MasterDataBatch>;

/**
 * Imports one file of master data all-or-nothing: rows are validated and written inside one
 * transaction, and any problem rolls the whole file back, so a fixed file can simply be
 * imported again.
 */
export async function importFile(
  masterData: MasterDataTarget,
  kindName: ImportKindName,
  file: string,
  onProgress?: ImportProgress,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<ImportSummary> {
  const records = await importTable(masterData, IMPORT_KINDS[kindName] as ImportKind<unknown>, file, onProgress, limits);
  return { kind: kindName, file, records };
}

/** Any kind of import file into its target, all-or-nothing; the rows imported. `mapping` reads a file with headers of its own. */
export async function importTable<B>(
  target: ImportTarget<B>,
  kind: ImportKind<unknown, B>,
  file: string,
  onProgress?: ImportProgress,
  limits: ImportLimits = IMPORT_LIMITS,
  mapping?: HeaderMapping,
): Promise<number> {
  try {
    return await target.inTransaction((writer) => importRows(kind, readTable(file, limits)[Symbol.asyncIterator](), writer, onProgress, limits.maxRows, mapping));
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(basename(file), error.problems);
    if (error instanceof TableError) throw new ImportError(basename(file), [error.message]);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(basename(file), [`could not be read: ${reason}`]);
  }
}
