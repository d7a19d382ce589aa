import type { FailureCode } from '../domain/failure.js';
import type { RequestedLine } from '../domain/requested-line.js';
import { TooManyParts } from '../email/parse-email.js';
import { extractLines } from '../extraction/line-items.js';
import type { MailLimits } from './mail-limits.js';
import type { ReadMail } from './mail-reader.js';
import { overallLimit, readMail } from './read-mail.js';
import { systemClock } from '../time/clock.js';

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
    return { ok: true, value: await readMail(raw, task.limits, systemClock) };
  } catch (error) {
    if (error instanceof TooManyParts) return { ok: false, code: 'mail_over_limit', message: `the mail has more than ${task.limits.maxMimeParts} MIME parts, over the limit; not read` };
    return { ok: false, code: 'mail_unreadable', message: `the mail cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Stops once past `maxLines`: the lines after those are not read anyway, however many there are. */
export function lines(task: { text: string; maxLines: number }): RequestedLine[] {
  const found: RequestedLine[] = [];
  for (const line of task.text.split('\n')) {
    found.push(...extractLines(line));
    if (found.length > task.maxLines) break;
  }
  return found;
}

/** Answers once the thread is up, so that starting a thread is not counted against a mail's budget. */
export function ready(): true {
  return true;
}
