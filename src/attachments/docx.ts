import he from 'he';
import { columnsLine } from './columns.js';
import type { AttachmentLimits } from './limits.js';
import { AttachmentProblem, type LineSink } from './line-sink.js';
import { checkOoxml } from './ooxml.js';

const DOCX = { name: 'DOCX', mainPart: 'word/document.xml' } as const;


/** A cell's paragraphs joined by spaces; inline tags such as <strong> join without one. */
function cellText(cellHtml: string): string {
  return cellHtml
    .replace(/<\/p>|<br \/>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A table row as one line, its cells apart by TABs. */
function tableRowLine(rowHtml: string): string {
  return [...rowHtml.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => cellText(cell[1] ?? '')).join('\t');
}

/** Mammoth's HTML is small and regular (paragraphs, headings, lists, tables), so a few patterns read it. */
function htmlLines(html: string): string[] {
  const text = html
    .replace(/<tr[^>]*>([\s\S]*?)<\/tr>/g, (_, row: string) => `${tableRowLine(row)}\n`)
    .replace(/<\/(?:p|h[1-6]|li)>|<br \/>/g, '\n')
    .replace(/<[^>]*>/g, '');
  return he
    .decode(text)
    .split('\n')
    .map(columnsLine)
    .filter((line) => line !== '');
}

/** Loaded on the first DOCX only, so that starting the CLI does not pay for it. */
async function documentHtml(content: Buffer): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  try {
    // Images are never unpacked, and a mailed document must not make us read files it links to.
    const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
    const { value } = await mammoth.convertToHtml({ buffer: content }, { convertImage, externalFileAccess: false });
    return value;
  } catch (error) {
    throw new AttachmentProblem(`not a valid DOCX file (${error instanceof Error ? error.message : String(error)})`);
  }
}

export async function readDocx(content: Buffer, sink: LineSink, limits: AttachmentLimits): Promise<void> {
  await checkOoxml(content, DOCX, limits.maxDecompressedBytes);
  for (const line of htmlLines(await documentHtml(content))) if (!sink.add(line)) return;
}
