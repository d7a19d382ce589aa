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

/**
 * What windows-1252 has at bytes 0x80–0x9F, where it differs from Latin-1 (the euro sign, dashes,
 * curly quotes), as the WHATWG Encoding Standard maps them. Node's TextDecoder decodes these bytes
 * as Latin-1 since 20.18.3 (nodejs/node#60888), so its text is mapped again with this table, which
 * changes nothing where the decoder is right.
 */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decoded(text: string, encoding: TextEncoding): string {
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCodePoint(WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!));
}

/** The start of the text, for sniffing; a character cut off at the end of `head` is left out. */
export function decodeHead(head: Buffer, encoding: TextEncoding): string {
  return decoded(new TextDecoder(encoding).decode(head, { stream: true }), encoding);
}

/** Each character windows-1252 has a byte for, with that byte. */
const WINDOWS_1252_BYTES: ReadonlyMap<string, number> = new Map(
  Array.from({ length: 256 }, (_, byte) => [String.fromCodePoint(byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_C1[byte - 0x80]! : byte), byte] as const),
);

/** Text as windows-1252, for a Windows program that reads nothing else; a character it cannot hold becomes `?`, as Windows writes it. */
export function toWindows1252(text: string): Buffer {
  return Buffer.from(Array.from(text, (character) => WINDOWS_1252_BYTES.get(character) ?? 0x3f));
}

/** Turns text in `encoding` into UTF-8, piece by piece; the byte-order mark is dropped. */
export function toUtf8(encoding: TextEncoding): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const push = (piece: Buffer | undefined, done: TransformCallback): void => {
    let text: string;
    try {
      text = decoded(decoder.decode(piece, { stream: piece !== undefined }), encoding);
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
