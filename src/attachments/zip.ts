import { inflateRawSync } from 'node:zlib';
import { formatBytes } from './limits.js';
import { AttachmentProblem } from './line-sink.js';

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

/** Unpacks one entry only to count it; Infinity once it would exceed the budget. */
function unpackedSize(zip: Buffer, entry: ZipEntry, budget: number): number {
  const packed = packedData(zip, entry);
  if (entry.method === STORED) return packed.length;
  if (entry.method !== DEFLATED) throw new InvalidZip(`entry ${entry.name} uses compression method ${entry.method}`);
  try {
    return inflateRawSync(packed, { maxOutputLength: budget + 1 }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return Infinity;
    throw new InvalidZip(`entry ${entry.name} is damaged (${(error as Error).message})`);
  }
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

function tooLarge(unpacked: string, maxBytes: number): AttachmentProblem {
  return new AttachmentProblem(`unpacks to ${unpacked}, over the ${formatBytes(maxBytes)} unpacked-size limit; not read`);
}

/**
 * Refuses a zip bomb before a parser unpacks it, and returns the zip's entry names. The sizes the zip
 * declares are checked first, which costs nothing; then each entry is unpacked to count, because a
 * zip can declare less than it holds.
 */
export function checkedZipEntries(zip: Buffer, maxBytes: number): string[] {
  const entries = structural(() => centralEntries(zip));
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > maxBytes) throw tooLarge(formatBytes(declared), maxBytes);
  let unpacked = 0;
  for (const entry of entries) {
    unpacked += structural(() => unpackedSize(zip, entry, maxBytes - unpacked));
    if (unpacked > maxBytes) throw tooLarge(`more than ${formatBytes(maxBytes)}`, maxBytes);
  }
  return entries.map((entry) => entry.name);
}
