import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import type { TableRow } from './table.js';

const DELIMITERS = [',', ';', '\t'] as const;
const SNIFF_BYTES = 64 * 1024;

/** Counts candidate delimiters in the header line, outside quotes; the most frequent wins. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

async function firstLine(file: string): Promise<string> {
  const handle = await open(file);
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  } finally {
    await handle.close();
  }
}

export async function* readCsv(file: string): AsyncIterable<TableRow> {
  const delimiter = sniffDelimiter(await firstLine(file));
  const parser = createReadStream(file).pipe(
    parse({ delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { row: info.lines, cells: record };
  }
}
