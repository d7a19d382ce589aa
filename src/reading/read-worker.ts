import type { FailureCode } from '../domain/failure.js';
import type { RequestedLine } from '../domain/requested-line.js';
import { TooManyParts } from '../email/parse-email.js';
import { extractLineItems } from '../extraction/line-items.js';
import type { MailLimits } from './mail-limits.js';
import type { ReadMail } from './mail-reader.js';
import { overallLimit, readMail } from './read-mail.js';

/**
 * The reading thread's tasks. Errors cross the thread boundary without their class or code,
 * so a known failure comes back as a value.
 */
export type Answer<T> = { ok: true; value: T } | { ok: false; code: FailureCode; message: string };

export async function mail(task: { raw: Uint8Array; limits: MailLimits }): Promise<Answer<ReadMail>> {
  const raw = Buffer.from(task.raw.buffer, task.raw.byteOffset, task.raw.byteLength);
  const over = overallLimit(raw, task.limits);
  if (over) return { ok: false, code: 'mail_over_limit', message: over };
  try {
    return { ok: true, value: await readMail(raw, task.limits) };
  } catch (error) {
    if (error instanceof TooManyParts) return { ok: false, code: 'mail_over_limit', message: `the mail has more than ${task.limits.maxMimeParts} MIME parts, over the limit; not read` };
    return { ok: false, code: 'mail_unreadable', message: `the mail cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function lines(task: { text: string }): RequestedLine[] {
  return extractLineItems(task.text);
}
