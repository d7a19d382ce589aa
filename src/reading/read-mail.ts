import { readAttachment, type Attachment, type AttachmentText } from '../attachments/read-attachment.js';
import { formatBytes } from '../attachments/limits.js';
import { parseEmail } from '../email/parse-email.js';
import type { ParsedEmail } from '../email/parsed-email.js';
import { requesterOf } from '../email/requester.js';
import { splitBody } from '../extraction/body-text.js';
import { forwardedMessage } from '../extraction/forwarded.js';
import { notAnRfqReason } from '../extraction/rfq-signals.js';
import type { MailLimits } from './mail-limits.js';
import type { ReadMail } from './mail-reader.js';
import type { Clock } from '../time/clock.js';

/** The sender's own text and signature, and the message a forward carries, each without quotes. */
function requestOf(email: ParsedEmail): Pick<ReadMail, 'body' | 'signature' | 'requester' | 'forward'> {
  const requester = requesterOf(email);
  const own = splitBody(email.text, requester?.address);
  const forwarded = forwardedMessage(email.text, email.subject);
  return { ...own, requester, forward: forwarded && { from: forwarded.from, ...splitBody(forwarded.text) } };
}

/** One at a time: each reader holds its file's content, and the limits are per file. */
async function readAttachments(files: Attachment[], clock: Clock): Promise<AttachmentText[]> {
  const texts: AttachmentText[] = [];
  for (const file of files) texts.push(await readAttachment(file, clock));
  return texts;
}

/** Why a mail is not read at all, or null. */
export function overallLimit(raw: Buffer, limits: MailLimits): string | null {
  if (raw.length <= limits.maxMailBytes) return null;
  return `the mail is ${formatBytes(raw.length)}, over the ${formatBytes(limits.maxMailBytes)} limit for one mail; not read`;
}

/** Everything the workflow takes from a mail's bytes; the caller has checked its size. */
export async function readMail(raw: Buffer, limits: MailLimits, clock: Clock): Promise<ReadMail> {
  const { email, files } = await parseEmail(raw, { maxMimeParts: limits.maxMimeParts });
  const request = requestOf(email);
  const notAnRfq = notAnRfqReason(email, request.body);
  if (notAnRfq) return { email, ...request, notAnRfq, attachmentTexts: [], overLimits: [] };
  const read = files.slice(0, limits.maxAttachments);
  const overLimits =
    files.length > read.length
      ? [`the mail has ${files.length} attachments, over the ${limits.maxAttachments}-attachment limit; read the first ${read.length}`]
      : [];
  return { email, ...request, notAnRfq: null, attachmentTexts: await readAttachments(read, clock), overLimits };
}
