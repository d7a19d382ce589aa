import { Transform, type TransformCallback } from 'node:stream';
import { TableError } from './table.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const BYTE_ORDER_MARKS: ReadonlyArray<readonly [Buffer, TextEncoding]> = [
  [Buffer.from([0xef, 0xbb, 0xbf]), 'utf-8'],
  [Buffer.from([0xff, 0xfe]), 'utf-16le'],
  [Buffer.from([0xfe, 0xff]), 'utf-16be'],
];

function byteOrderMark(head: Buffer): TextEncoding | undefined {
  return BYTE_ORDER_MARKS.find(([mark]) => head.subarray(0, mark.length).equals(mark))?.[1];
}

/** Reads every piece once, keeping only a decoder's state, so a large file is never held whole. */
async function scan(pieces: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<{ utf8: boolean; nul: boolean }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  const decodes = (piece?: Buffer): boolean => {
    try {
      decoder.decode(piece, { stream: piece !== undefined });
      return true;
    } catch {
      return false;
    }
  };
  for await (const piece of pieces) {
    if (piece.includes(0)) return { utf8, nul: true };
    utf8 &&= decodes(piece);
  }
  return { utf8: utf8 && decodes(), nul: false };
}

/**
 * Which encoding a CSV is in. A byte-order mark decides; without one, bytes that are not UTF-8 are
 * windows-1252 (which covers Latin-1), because that is what Excel on Windows saves as "CSV". The
 * whole text is checked, since one Latin-1 byte may sit on the last row. NUL bytes never occur in
 * UTF-8 or windows-1252 text, so without a UTF-16 mark they are refused rather than guessed at.
 */
export async function detectEncoding(head: Buffer, pieces: () => AsyncIterable<Buffer> | Iterable<Buffer>): Promise<TextEncoding> {
  const marked = byteOrderMark(head);
  if (marked === 'utf-16le' || marked === 'utf-16be') return marked;
  const { utf8, nul } = await scan(pieces());
  if (nul) {
    throw new TableError(
      'has NUL bytes but no UTF-16 byte-order mark, so it is UTF-16 without a BOM or not a text file at all; save it as CSV UTF-8',
    );
  }
  if (utf8) return 'utf-8';
  if (marked) throw new TableError('starts with a UTF-8 byte-order mark but is not valid UTF-8; save it again as CSV UTF-8');
  return 'windows-1252';
}

/** The start of the text, for sniffing; a character cut off at the end of `head` is left out. */
export function decodeHead(head: Buffer, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(head, { stream: true });
}

/** Turns text in `encoding` into UTF-8, piece by piece; the byte-order mark is dropped. */
export function toUtf8(encoding: TextEncoding): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const push = (piece: Buffer | undefined, done: TransformCallback): void => {
    let text: string;
    try {
      text = decoder.decode(piece, { stream: piece !== undefined });
    } catch (error) {
      done(new TableError(`is not valid ${encoding.toUpperCase()} text (${(error as Error).message})`));
      return;
    }
    done(null, Buffer.from(text));
  };
  return new Transform({
    transform: (piece: Buffer, _encoding, done) => push(piece, done),
    flush: (done) => push(undefined, done),
  });
}
