import { readDocx } from './docx.js';
import { attachmentKind, unsupportedReason, type AttachmentKind, type ReadableKind } from './kind.js';
import { DEFAULT_ATTACHMENT_LIMITS, formatBytes, type AttachmentLimits } from './limits.js';
import { LineSink } from './line-sink.js';
import { readPdf } from './pdf.js';
import { readCsvAttachment, readXlsxAttachment } from './tables.js';
import type { Clock } from '../time/clock.js';

export type { AttachmentKind } from './kind.js';
export { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from './limits.js';

export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface AttachmentText {
  filename: string;
  kind: AttachmentKind;
  /** The text as lines; a table row or a PDF text line keeps its columns apart with TABs. */
  lines: string[];
  /** Each names the file and says what was not read and why. */
  warnings: string[];
}

type Reader = (content: Buffer, sink: LineSink, limits: AttachmentLimits) => Promise<void>;

const READERS: Record<ReadableKind, Reader> = {
  csv: readCsvAttachment,
  xlsx: readXlsxAttachment,
  pdf: readPdf,
  docx: readDocx,
};

/** Gives up on a reader that is waiting on something that does not come; LineSink.add catches one that is busy. */
async function readWithin(read: () => Promise<void>, sink: LineSink, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      sink.timeOut();
      resolve();
    }, timeoutMs);
  });
  try {
    await Promise.race([read().catch((error: unknown) => sink.fail(error)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads an attachment's text for extraction. Never throws: an attachment that is too large, broken,
 * password-protected or of an unread type gives a warning naming the file, with whatever could be read.
 */
export async function readAttachment(
  attachment: Attachment,
  clock: Clock,
  limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS,
): Promise<AttachmentText> {
  const { filename, contentType, content } = attachment;
  const name = filename.trim() || '(unnamed attachment)';
  const kind = attachmentKind(filename, contentType);
  if (kind === 'unsupported') {
    const reason = unsupportedReason(filename, contentType);
    return { filename, kind, lines: [], warnings: reason ? [`${name}: ${reason}`] : [] };
  }
  if (content.length > limits.maxBytes) {
    const warning = `${name}: ${formatBytes(content.length)} is over the ${formatBytes(limits.maxBytes)} attachment limit; not read`;
    return { filename, kind, lines: [], warnings: [warning] };
  }
  const sink = new LineSink(name, limits.maxRows, limits.timeoutMs, clock);
  await readWithin(() => READERS[kind](content, sink, limits), sink, limits.timeoutMs);
  return { filename, kind, lines: sink.lines, warnings: sink.warnings };
}
