import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { TableRow } from './table.js';

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

function firstLine(head: Buffer): string {
  return head.subarray(0, SNIFF_BYTES).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
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

async function* parseRows(input: Readable, head: Buffer): AsyncIterable<TableRow> {
  const delimiter = sniffDelimiter(firstLine(head));
  const parser = input.pipe(
    parse({ delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { row: info.lines, cells: record };
  }
}

export async function* readCsv(file: string): AsyncIterable<TableRow> {
  const head = await fileHead(file);
  yield* parseRows(createReadStream(file), head);
}

/** Excel on Windows saves "CSV (semicolon)" in windows-1252, so bytes that are not UTF-8 are taken as that. */
function utf8(content: Buffer): Buffer {
  return isUtf8(content) ? content : Buffer.from(new TextDecoder('windows-1252').decode(content));
}

/** Hands the parser a file-stream-sized piece at a time, so a reader that stops early does not parse the rest. */
function* pieces(content: Buffer): Iterable<Buffer> {
  for (let start = 0; start < content.length; start += PIECE_BYTES) yield content.subarray(start, start + PIECE_BYTES);
}

/** Reads CSV bytes already in memory, such as a mail attachment. */
export function readCsvContent(content: Buffer): AsyncIterable<TableRow> {
  const text = utf8(content);
  return parseRows(Readable.from(pieces(text), { objectMode: false }), text);
}
