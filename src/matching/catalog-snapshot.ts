import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { CatalogIndex, type LoadedCatalogParts } from './catalog-index.js';

/**
 * Bump when what an index holds for the same products changes: termsOf, the vocabulary, the
 * trade words, or the parts' layout. A snapshot of another version is built afresh.
 */
export const INDEX_FORMAT = 19;

/** The file's own layout: magic, this version, the header's length, the header, the sections. */
const MAGIC = 'OFCATIDX';
const FILE_FORMAT = 1;
const PREAMBLE = 16;
/** Sections start on this boundary so that they can be viewed as Int32Arrays in place. */
const ALIGN = 8;

/** What a snapshot says of itself. */
interface SnapshotMeta {
  /** Which ERP, and which installation of it, the products came from. */
  source: string;
  /** Products that can be found. */
  products: number;
  /** ISO time the ERP was last read: changes made since are not in it. */
  asOf: string;
  /** ISO time the index was last built from the whole catalog, rather than refreshed. */
  builtAt: string;
}

const SECTIONS = [
  'records',
  'recordOffsets',
  'nameLengths',
  'superseded',
  'vocabulary',
  'sizes',
  'words',
  'sizeIds',
  'wordStart',
  'nameWordEnd',
  'sizeStart',
  'nameSizeEnd',
  'wordPostingStarts',
  'wordPostingIds',
  'sizePostingStarts',
  'sizePostingIds',
  'codeSlots',
  'codeHashes',
] as const;
type SectionName = (typeof SECTIONS)[number];

const sectionSchema = z.object({ offset: z.number().int().min(0), bytes: z.number().int().min(0), crc: z.number().int() });

const headerSchema = z.object({
  indexFormat: z.number().int(),
  littleEndian: z.boolean(),
  source: z.string(),
  products: z.number().int().min(0),
  asOf: z.iso.datetime(),
  builtAt: z.iso.datetime(),
  sections: z.record(z.enum(SECTIONS), sectionSchema),
});

const wordListSchema = z.array(z.string());

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytesOf(array: Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function sectionChunks(index: CatalogIndex): Record<SectionName, Uint8Array[]> {
  const parts = index.parts();
  const ints = (array: Int32Array) => [bytesOf(array)];
  const words = (list: readonly string[]) => [encoder.encode(JSON.stringify(list))];
  return {
    records: parts.records.bytes,
    recordOffsets: ints(parts.records.offsets),
    nameLengths: ints(parts.records.nameLengths),
    superseded: ints(parts.superseded),
    vocabulary: words(parts.vocabulary),
    sizes: words(parts.sizes),
    words: ints(parts.words),
    sizeIds: ints(parts.sizeIds),
    wordStart: ints(parts.wordStart),
    nameWordEnd: ints(parts.nameWordEnd),
    sizeStart: ints(parts.sizeStart),
    nameSizeEnd: ints(parts.nameSizeEnd),
    wordPostingStarts: ints(parts.wordPostings.starts),
    wordPostingIds: ints(parts.wordPostings.ids),
    sizePostingStarts: ints(parts.sizePostings.starts),
    sizePostingIds: ints(parts.sizePostings.ids),
    codeSlots: ints(parts.codes.slots),
    codeHashes: ints(parts.codes.hashes),
  };
}

const padding = (length: number) => (ALIGN - (length % ALIGN)) % ALIGN;

/**
 * The index as the bytes of a snapshot file, in pieces to write one after another. The pieces
 * are views of the index's own arrays, not copies, so the index must not change until they are
 * written; it costs the memory of the header alone.
 */
export function encodeCatalogSnapshot(index: CatalogIndex, meta: Omit<SnapshotMeta, 'products'>): Uint8Array[] {
  const chunks = sectionChunks(index);
  const sections = {} as Record<SectionName, z.infer<typeof sectionSchema>>;
  // Offsets count from the end of the header, whose length depends on them: fixed up below.
  let at = 0;
  for (const name of SECTIONS) {
    const bytes = chunks[name].reduce((sum, c) => sum + c.length, 0);
    const crc = chunks[name].reduce((sum, c) => crc32(c, sum), 0);
    sections[name] = { offset: at, bytes, crc };
    at += bytes + padding(bytes);
  }
  const header = (start: number) =>
    encoder.encode(
      JSON.stringify({
        indexFormat: INDEX_FORMAT,
        littleEndian: LITTLE_ENDIAN,
        ...meta,
        products: index.size,
        sections: Object.fromEntries(SECTIONS.map((name) => [name, { ...sections[name], offset: start + sections[name].offset }])),
      }),
    );
  // The offsets' digits can lengthen the header: grow the start until it holds.
  let start = PREAMBLE;
  let json = header(start);
  while (start < PREAMBLE + json.length) {
    start = PREAMBLE + json.length + padding(PREAMBLE + json.length);
    json = header(start);
  }
  const head = new Uint8Array(start).fill(0x20, PREAMBLE);
  head.set(encoder.encode(MAGIC), 0);
  const view = new DataView(head.buffer);
  view.setUint32(8, FILE_FORMAT, true);
  view.setUint32(12, json.length, true);
  head.set(json, PREAMBLE);
  const out: Uint8Array[] = [head];
  for (const name of SECTIONS) out.push(...chunks[name], new Uint8Array(padding(sections[name].bytes)));
  return out;
}

type DecodedSnapshot = { index: CatalogIndex; meta: SnapshotMeta } | { reason: string };

class Unusable extends Error {}

function headerOf(bytes: Uint8Array): z.infer<typeof headerSchema> {
  if (bytes.length < PREAMBLE || decoder.decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) throw new Unusable('not a catalog snapshot');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(8, true);
  if (format !== FILE_FORMAT) throw new Unusable(`file format ${format}, this Offerflow reads ${FILE_FORMAT}`);
  const length = view.getUint32(12, true);
  if (PREAMBLE + length > bytes.length) throw new Unusable('truncated in its header');
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(bytes.subarray(PREAMBLE, PREAMBLE + length)));
  } catch {
    throw new Unusable('its header is not JSON');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new Unusable(`its header is not one this Offerflow reads (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

function sectionsOf(bytes: Uint8Array, header: z.infer<typeof headerSchema>): Record<SectionName, Uint8Array> {
  const out = {} as Record<SectionName, Uint8Array>;
  for (const name of SECTIONS) {
    const section = header.sections[name];
    if (section.offset + section.bytes > bytes.length) throw new Unusable(`truncated: ${bytes.length} bytes, its ${name} section ends at ${section.offset + section.bytes}`);
    const data = bytes.subarray(section.offset, section.offset + section.bytes);
    if (crc32(data) !== section.crc) throw new Unusable(`its ${name} section is corrupt (checksum)`);
    out[name] = data;
  }
  return out;
}

function int32s(data: Uint8Array, name: string): Int32Array {
  if (data.length % 4 !== 0) throw new Unusable(`its ${name} section is not whole numbers`);
  // A view in place when aligned, as it is in a file read into a buffer of its own.
  const aligned = data.byteOffset % 4 === 0 ? data : data.slice();
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
}

function wordList(data: Uint8Array, name: string): string[] {
  const list = wordListSchema.parse(JSON.parse(decoder.decode(data)));
  if (new Set(list).size !== list.length) throw new Unusable(`its ${name} section repeats words`);
  return list;
}

function postingsOf(starts: Int32Array, ids: Int32Array, terms: number, name: string) {
  if (starts.length < 1 || starts.length - 1 > terms || starts[starts.length - 1] !== ids.length) throw new Unusable(`its ${name} postings do not add up`);
  return { starts, ids };
}

function partsOf(s: Record<SectionName, Uint8Array>): LoadedCatalogParts {
  const ints = (name: SectionName) => int32s(s[name], name);
  const records = { bytes: s.records, offsets: ints('recordOffsets'), nameLengths: ints('nameLengths') };
  const vocabulary = wordList(s.vocabulary, 'vocabulary');
  const sizes = wordList(s.sizes, 'sizes');
  const parts = {
    records,
    superseded: ints('superseded'),
    vocabulary,
    sizes,
    words: ints('words'),
    sizeIds: ints('sizeIds'),
    wordStart: ints('wordStart'),
    nameWordEnd: ints('nameWordEnd'),
    sizeStart: ints('sizeStart'),
    nameSizeEnd: ints('nameSizeEnd'),
    wordPostings: postingsOf(ints('wordPostingStarts'), ints('wordPostingIds'), vocabulary.length, 'word'),
    sizePostings: postingsOf(ints('sizePostingStarts'), ints('sizePostingIds'), sizes.length, 'size'),
    codes: { slots: ints('codeSlots'), hashes: ints('codeHashes') },
  };
  const count = records.nameLengths.length;
  const perProduct = [parts.wordStart, parts.nameWordEnd, parts.sizeStart, parts.nameSizeEnd];
  if (records.offsets.length !== count + 1 || records.offsets[count] !== records.bytes.length || perProduct.some((a) => a.length !== count)) {
    throw new Unusable('its products do not add up');
  }
  const { slots, hashes } = parts.codes;
  if (slots.length !== hashes.length || slots.length === 0 || (slots.length & (slots.length - 1)) !== 0) throw new Unusable('its code table does not add up');
  return parts;
}

/**
 * The index a snapshot holds, if it is whole, of this version, and from `source`; otherwise
 * why it cannot be used. The index's arrays are views into `bytes`.
 */
export function decodeCatalogSnapshot(bytes: Uint8Array, source: string): DecodedSnapshot {
  try {
    const header = headerOf(bytes);
    if (header.indexFormat !== INDEX_FORMAT) return { reason: `index format ${header.indexFormat}, this Offerflow builds ${INDEX_FORMAT}` };
    if (header.littleEndian !== LITTLE_ENDIAN) return { reason: 'written on a machine of the other byte order' };
    if (header.source !== source) return { reason: `made from another ERP (${header.source}, this is ${source})` };
    const index = new CatalogIndex(partsOf(sectionsOf(bytes, header)));
    if (index.size !== header.products) return { reason: `holds ${index.size} products, its header says ${header.products}` };
    return { index, meta: { source: header.source, products: header.products, asOf: header.asOf, builtAt: header.builtAt } };
  } catch (error) {
    // Whatever else a damaged file makes fail, it is no index to use.
    return { reason: error instanceof Unusable ? error.message : `unreadable (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}
