import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { CsvError, parse, type Info, type Options } from 'csv-parse';
import { formatBytes } from '../attachments/limits.js';
import { decodeHead, detectEncoding, toUtf8 } from './encoding.js';
import { MAX_CSV_ROW_BYTES } from './limits.js';
import { TableError, type TableRow } from './table.js';

const DELIMITERS = [',', ';', '\t'] as const;
const SNIFF_BYTES = 64 * 1024;
/** A file stream's default chunk size. */
const PIECE_BYTES = 64 * 1024;

/** Counts candidate delimiters in the header line, outside quotes; the most frequent wins. */
function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

async function fileHead(file: string): Promise<Buffer> {
  const handle = await open(file);
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

type Position = Pick<Info, 'lines' | 'empty_lines'>;

/** csv-parse names the line where a record outgrew the limit; a person looks for the line where it starts. */
function rowTooLarge(error: CsvError, lastRecord: Position): TableError {
  const skipped = Number(error.empty_lines) - lastRecord.empty_lines;
  const limit = formatBytes(MAX_CSV_ROW_BYTES);
  return new TableError(
    `row ${lastRecord.lines + skipped + 1}: more than ${limit} in one row, over the ${limit} limit for a CSV row (is a quote left open?)`,
  );
}

/**
 * Parses a CSV read twice from `source`: once to tell its encoding, then to parse it. Text that is
 * not UTF-8 is turned into UTF-8 on the way, so csv-parse only ever reads UTF-8.
 */
async function* parseRows(head: Buffer, source: () => Readable): AsyncIterable<TableRow> {
  const encoding = await detectEncoding(head, source);
  const delimiter = sniffDelimiter(decodeHead(head, encoding).split(/\r?\n/)[0] ?? '');
  let lastRecord: Position = { lines: 0, empty_lines: 0 };
  const options: Options<TableRow, string[]> = {
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // Bounds what one unclosed quote can make the parser hold.
    max_record_size: MAX_CSV_ROW_BYTES,
    // Read here, as each record is parsed, because a failing record drops those parsed but not yet read.
    on_record: (cells, context) => {
      lastRecord = context;
      return { row: context.lines, cells };
    },
  };
  // csv-parse's typings let on_record change the record's type only together with `columns`.
  const parser = parse(options as unknown as Options);
  const stages = encoding === 'utf-8' ? [source()] : [source(), toUtf8(encoding)];
  // pipeline destroys the parser with any stage's error, so the loop below throws it; the callback has nothing left to do.
  pipeline([...stages, parser], () => {});
  try {
    yield* parser as AsyncIterable<TableRow>;
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') throw rowTooLarge(error, lastRecord);
    throw error;
  }
}

export async function* readCsv(file: string): AsyncIterable<TableRow> {
  yield* parseRows(await fileHead(file), () => createReadStream(file));
}

/** Hands the parser a file-stream-sized piece at a time, so a reader that stops early does not parse the rest. */
function* pieces(content: Buffer): Iterable<Buffer> {
  for (let start = 0; start < content.length; start += PIECE_BYTES) yield content.subarray(start, start + PIECE_BYTES);
}

/** Reads CSV bytes already in memory, such as a mail attachment. */
export function readCsvContent(content: Buffer): AsyncIterable<TableRow> {
  return parseRows(content, () => Readable.from(pieces(content), { objectMode: false }));
}
