import { readCsvContent } from '../import/csv-table.js';
import type { TableRow } from '../import/table.js';
import { readXlsxContent } from '../import/xlsx-table.js';
import type { AttachmentLimits } from './limits.js';
import { AttachmentProblem, type LineSink } from './line-sink.js';
import { checkOoxml } from './ooxml.js';

const XLSX = { name: 'XLSX', mainPart: 'xl/workbook.xml' } as const;

/** A cell's own line breaks and tabs would split the row or shift its columns. */
function rowLine(cells: string[]): string {
  const texts = cells.map((cell) => cell.replace(/[\t\r\n]+/g, ' ').trim());
  while (texts.at(-1) === '') texts.pop();
  return texts.join('\t');
}

async function addRows(rows: AsyncIterable<TableRow>, sink: LineSink): Promise<void> {
  for await (const { cells } of rows) {
    const line = rowLine(cells);
    if (line !== '' && !sink.add(line)) return;
  }
}

async function addTable(rows: AsyncIterable<TableRow>, sink: LineSink, format: string): Promise<void> {
  try {
    await addRows(rows, sink);
  } catch (error) {
    throw new AttachmentProblem(`not a valid ${format} file (${error instanceof Error ? error.message : String(error)})`);
  }
}

export function readCsvAttachment(content: Buffer, sink: LineSink): Promise<void> {
  return addTable(readCsvContent(content), sink, 'CSV');
}

export async function readXlsxAttachment(content: Buffer, sink: LineSink, limits: AttachmentLimits): Promise<void> {
  await checkOoxml(content, XLSX, limits.maxDecompressedBytes);
  await addTable(readXlsxContent(content, 'all'), sink, XLSX.name);
}
