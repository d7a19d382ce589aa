import { createInflateRaw } from 'node:zlib';
import { formatBytes } from './limits.js';

const END_SIGNATURE = 0x06054b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_EXTRA_ID = 0x0001;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const SATURATED_16 = 0xffff;
const SATURATED_32 = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;
/** Counting unpacks this much at a time. */
const COUNT_PIECE_BYTES = 64 * 1024;

/** The zip's structure is broken; the message says how. */
export class InvalidZip extends Error {
  override name = 'InvalidZip';
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

interface Directory {
  offset: number;
  entries: number;
}

/** The end record sits after the directory and before an optional comment of up to 64 KB. */
function findEnd(zip: Buffer): number {
  const last = zip.length - END_SIZE;
  for (let at = last; at >= Math.max(0, last - MAX_COMMENT); at--) {
    if (zip.readUInt32LE(at) === END_SIGNATURE) return at;
  }
  throw new InvalidZip('no zip directory; the file may be cut short');
}

/** A ZIP64 writer saturates the classic end record and keeps the real values in its own. */
function zip64Directory(zip: Buffer, end: number): Directory {
  const locator = end - ZIP64_LOCATOR_SIZE;
  if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) throw new InvalidZip('broken ZIP64 directory');
  const record = Number(zip.readBigUInt64LE(locator + 8));
  if (zip.readUInt32LE(record) !== ZIP64_END_SIGNATURE) throw new InvalidZip('broken ZIP64 directory');
  return { entries: Number(zip.readBigUInt64LE(record + 32)), offset: Number(zip.readBigUInt64LE(record + 48)) };
}

function directory(zip: Buffer): Directory {
  const end = findEnd(zip);
  const entries = zip.readUInt16LE(end + 10);
  const offset = zip.readUInt32LE(end + 16);
  if (entries === SATURATED_16 || offset === SATURATED_32) return zip64Directory(zip, end);
  return { entries, offset };
}

function extraField(extra: Buffer, id: number): Buffer | undefined {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) === id) return extra.subarray(at + 4, at + 4 + extra.readUInt16LE(at + 2));
  }
  return undefined;
}

/** A saturated 32-bit field means its real value is in the ZIP64 extra field, in this order. */
function withZip64Values(entry: ZipEntry, extra: Buffer): ZipEntry {
  const zip64 = extraField(extra, ZIP64_EXTRA_ID);
  if (!zip64) return entry;
  let at = 0;
  const real = (value: number): number => {
    if (value !== SATURATED_32) return value;
    at += 8;
    return Number(zip64.readBigUInt64LE(at - 8));
  };
  return { ...entry, size: real(entry.size), compressedSize: real(entry.compressedSize), localOffset: real(entry.localOffset) };
}

function centralEntry(zip: Buffer, at: number): { entry: ZipEntry; next: number } {
  if (zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new InvalidZip('damaged zip directory');
  const nameEnd = at + CENTRAL_SIZE + zip.readUInt16LE(at + 28);
  const extraEnd = nameEnd + zip.readUInt16LE(at + 30);
  const entry = {
    name: zip.toString('utf8', at + CENTRAL_SIZE, nameEnd),
    method: zip.readUInt16LE(at + 10),
    compressedSize: zip.readUInt32LE(at + 20),
    size: zip.readUInt32LE(at + 24),
    localOffset: zip.readUInt32LE(at + 42),
  };
  return { entry: withZip64Values(entry, zip.subarray(nameEnd, extraEnd)), next: extraEnd + zip.readUInt16LE(at + 32) };
}

function centralEntries(zip: Buffer): ZipEntry[] {
  const { entries, offset } = directory(zip);
  const list: ZipEntry[] = [];
  for (let at = offset; list.length < entries; ) {
    const { entry, next } = centralEntry(zip, at);
    list.push(entry);
    at = next;
  }
  return list;
}

function packedData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (zip.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new InvalidZip(`damaged entry ${entry.name}`);
  // The parser that comes later unpacks by the local header's method, so it must be the one counted here.
  if (zip.readUInt16LE(at + 8) !== entry.method) throw new InvalidZip(`entry ${entry.name} disagrees with the zip directory`);
  const start = at + LOCAL_SIZE + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  return zip.subarray(start, start + entry.compressedSize);
}

/** Unpacks one entry piece by piece only to count it, so no more than a piece is held; Infinity once over the budget. */
async function unpackedSize(zip: Buffer, entry: ZipEntry, budget: number): Promise<number> {
  const packed = structural(() => packedData(zip, entry));
  if (entry.method === STORED) return packed.length > budget ? Infinity : packed.length;
  if (entry.method !== DEFLATED) throw new InvalidZip(`entry ${entry.name} uses compression method ${entry.method}`);
  const inflater = createInflateRaw({ chunkSize: COUNT_PIECE_BYTES });
  inflater.end(packed);
  let size = 0;
  try {
    for await (const piece of inflater as AsyncIterable<Buffer>) {
      size += piece.length;
      if (size > budget) return Infinity;
    }
  } catch (error) {
    throw new InvalidZip(`entry ${entry.name} is damaged (${(error as Error).message})`);
  }
  return size;
}

/** Reading past the end of a damaged zip throws a RangeError from Buffer. */
function structural<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) throw new InvalidZip('damaged zip structure');
    throw error;
  }
}

/** A limit on unpacked bytes, with the name a message gives it ("unpacked-size limit"). */
export interface UnpackLimit {
  bytes: number;
  name: string;
}

/** The zip, or one entry of it, unpacks to more than its limit; the message names the limit. */
export class ZipTooLarge extends Error {
  override name = 'ZipTooLarge';
}

function tooLarge(entry: string | undefined, unpacked: string, limit: UnpackLimit): ZipTooLarge {
  return new ZipTooLarge(`${entry ? `${entry} ` : ''}unpacks to ${unpacked}, over the ${formatBytes(limit.bytes)} ${limit.name}`);
}

/**
 * Refuses a zip bomb before a parser unpacks it, and returns the zip's entry names: the whole zip is
 * held to `total`, and an entry named in `entryLimits` to its own limit as well. The sizes the zip
 * declares are checked first, which costs nothing; then each entry is unpacked to count, because a
 * zip can declare less than it holds.
 */
export async function checkedZipEntries(
  zip: Buffer,
  total: UnpackLimit,
  entryLimits: ReadonlyMap<string, UnpackLimit> = new Map(),
): Promise<string[]> {
  const entries = structural(() => centralEntries(zip));
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > total.bytes) throw tooLarge(undefined, formatBytes(declared), total);
  for (const entry of entries) {
    const own = entryLimits.get(entry.name);
    if (own && entry.size > own.bytes) throw tooLarge(entry.name, formatBytes(entry.size), own);
  }
  let unpacked = 0;
  for (const entry of entries) {
    const own = entryLimits.get(entry.name);
    const left = total.bytes - unpacked;
    // Whichever limit is nearer is the one the entry would break first.
    const [limit, name, budget] = own && own.bytes < left ? [own, entry.name, own.bytes] : [total, undefined, left];
    const size = await unpackedSize(zip, entry, budget);
    if (size === Infinity) throw tooLarge(name, `more than ${formatBytes(limit.bytes)}`, limit);
    unpacked += size;
  }
  return entries.map((entry) => entry.name);
}
