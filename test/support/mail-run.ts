import { DEFAULT_MAIL_LIMITS } from '../../src/reading/mail-limits.js';
import { readMail } from '../../src/reading/read-mail.js';
import { systemClock } from '../../src/time/clock.js';
import type { RunStore } from '../../src/workflow/run-store.js';
import { contextWith, storeRun } from './runner.js';

/** A run of `raw` as the workflow leaves it after reading the mail: stored raw bytes, the parsed mail and the rows read from its files. */
export async function storedMailRun(runs: RunStore, raw: Buffer, messageId: string): Promise<number> {
  const read = await readMail(raw, DEFAULT_MAIL_LIMITS, systemClock);
  const key = { mailbox: 'rfq@seller.fi', messageId };
  const run = await runs.create(key, raw, contextWith({ key }));
  await storeRun(runs, run.id, 'needs_review', contextWith({ key, email: read.email, attachmentTexts: read.attachmentTexts }));
  return run.id;
}
