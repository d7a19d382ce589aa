import { extractText, getDocumentProxy } from 'unpdf';

/** The text of each page of a PDF, as a PDF reader gets it, with runs of spaces made one. */
export async function pdfPages(content: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(content));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((page) => page.replace(/[\s\u00a0]+/g, ' '));
}
