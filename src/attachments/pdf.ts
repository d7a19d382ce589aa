import type { getDocument } from 'unpdf/pdfjs';
import { columnsLine } from './columns.js';
import { count, type AttachmentLimits } from './limits.js';
import { AttachmentProblem, type LineSink } from './line-sink.js';

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;
type TextContentItem = Awaited<ReturnType<Awaited<ReturnType<PdfDocument['getPage']>>['getTextContent']>>['items'][number];
type TextItem = Extract<TextContentItem, { str: string }>;

/** A piece of text where the page puts it: x grows to the right, y upwards; size is the font height. */
interface PlacedText {
  text: string;
  x: number;
  end: number;
  y: number;
  size: number;
}

interface TextRow {
  y: number;
  size: number;
  pieces: PlacedText[];
}

/** Wider than this, in font heights, a gap separates columns rather than words. */
const COLUMN_GAP = 1;
/** Narrower than this a gap is kerning or a font change within a word. */
const WORD_GAP = 0.15;

function placed(item: TextItem): PlacedText {
  const x: number = item.transform[4];
  const y: number = item.transform[5];
  return { text: item.str, x, end: x + item.width, y, size: Math.max(item.height, 1) };
}

function separator(gap: number, size: number): string {
  if (gap > COLUMN_GAP * size) return '\t';
  return gap > WORD_GAP * size ? ' ' : '';
}

function rowText(row: TextRow): string {
  const pieces = [...row.pieces].sort((a, b) => a.x - b.x);
  return pieces.reduce((line, piece, i) => {
    const previous = pieces[i - 1];
    return previous ? line + separator(piece.x - previous.end, piece.size) + piece.text : piece.text;
  }, '');
}

/** Pieces whose baselines are within half a font height are one line, top to bottom as a person reads. */
function pageRows(items: TextContentItem[]): TextRow[] {
  const pieces = items
    .filter((item): item is TextItem => 'str' in item && item.str.trim() !== '')
    .map(placed)
    .sort((a, b) => b.y - a.y);
  const rows: TextRow[] = [];
  for (const piece of pieces) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y - piece.y) < row.size / 2) row.pieces.push(piece);
    else rows.push({ y: piece.y, size: piece.size, pieces: [piece] });
  }
  return rows;
}

function pageLines(items: TextContentItem[]): string[] {
  return pageRows(items)
    .map((row) => columnsLine(rowText(row)))
    .filter((line) => line !== '');
}

function openProblem(error: unknown): AttachmentProblem {
  const { name, message } = error instanceof Error ? error : { name: '', message: String(error) };
  if (name === 'PasswordException') return new AttachmentProblem('password-protected; not read');
  return new AttachmentProblem(`not a valid PDF file (${message})`);
}

async function addPages(pdf: PdfDocument, sink: LineSink, limits: AttachmentLimits): Promise<void> {
  const pages = Math.min(pdf.numPages, limits.maxPdfPages);
  if (pdf.numPages > pages) {
    sink.warn(`${pdf.numPages} pages is over the ${limits.maxPdfPages}-page limit; read the first ${count(pages, 'page')}`);
  }
  for (let number = 1; number <= pages; number++) {
    const page = await pdf.getPage(number);
    const { items } = await page.getTextContent();
    for (const line of pageLines(items)) if (!sink.add(line)) return;
    page.cleanup();
  }
  if (sink.lines.length === 0) sink.warn('has no text layer (a scanned image?); nothing read');
}

export async function readPdf(content: Buffer, sink: LineSink, limits: AttachmentLimits): Promise<void> {
  // Loaded on the first PDF only, so that starting the CLI does not pay for pdf.js.
  const { getDocument } = await import('unpdf/pdfjs');
  // pdf.js may take over the bytes it is given, so it gets a copy; eval stays off for untrusted files.
  const task = getDocument({ data: new Uint8Array(content), isEvalSupported: false, verbosity: 0 });
  const destroy = (): void => void task.destroy();
  sink.signal.addEventListener('abort', destroy, { once: true });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw openProblem(error);
    });
    await addPages(pdf, sink, limits);
  } finally {
    sink.signal.removeEventListener('abort', destroy);
    await task.destroy();
  }
}
