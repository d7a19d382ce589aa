export interface AttachmentLimits {
  /** An attachment larger than this is not read at all. */
  maxBytes: number;
  /** Pages read from a PDF; later pages are left out. */
  maxPdfPages: number;
  /** Lines kept from one attachment: table rows of a CSV or XLSX, text lines of a PDF or DOCX. */
  maxRows: number;
  /** What an XLSX or DOCX, both zips, may unpack to; more is refused before any parser unpacks it. */
  maxDecompressedBytes: number;
  /** Reading one attachment stops after this long, keeping what was read. */
  timeoutMs: number;
}

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

export const DEFAULT_ATTACHMENT_LIMITS: Readonly<AttachmentLimits> = {
  maxBytes: 10 * MB,
  maxPdfPages: 20,
  maxRows: 5000,
  maxDecompressedBytes: 50 * MB,
  timeoutMs: 10_000,
};

/** Rounds up, so a size just over a limit never reads as equal to it. */
export function formatBytes(bytes: number): string {
  const [unit, name] = bytes >= GB ? [GB, 'GB'] : bytes >= MB ? [MB, 'MB'] : bytes >= KB ? [KB, 'KB'] : [1, 'bytes'];
  return `${Math.ceil((bytes / unit) * 10) / 10} ${name}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${ms / 1000} s`;
}

/** "1 row", "2 rows": warnings quote limits that tests set as low as 1. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
