import { readAttachment, type Attachment, type AttachmentText } from '../attachments/read-attachment.js';
import { formatBytes } from '../attachments/limits.js';
import { parseEmail } from '../email/parse-email.js';
import type { ParsedEmail } from '../email/parsed-email.js';
import { splitBody } from '../extraction/body-text.js';
import { forwardedMessage } from '../extraction/forwarded.js';
import { extractLines } from '../extraction/line-items.js';
import { notAnRfqReason } from '../extraction/rfq-signals.js';
import type { MailLimits } from './mail-limits.js';
import type { ReadMail } from './mail-reader.js';

/** Web forms and shop systems send from an address nobody reads and put the customer in Reply-To. */
const NO_REPLY = /^(?:no-?reply|do-?not-?reply|noreply[.-]\w+|web-?form|forms?|wordpress|mailer-daemon)@/i;

function senderOf(email: ParsedEmail): ParsedEmail['from'] {
  return email.from && NO_REPLY.test(email.from.address) && email.replyTo ? email.replyTo : email.from;
}

/** Whether a text asks for anything: the first line read as an item answers it; lines too long to be read do not count. */
function hasItems(text: string, limits: MailLimits): boolean {
  return text.split('\n').some((line) => line.length <= limits.maxLineCharacters && extractLines(line).length > 0);
}

/**
 * The request is the sender's own text, unless the sender forwards someone else's request
 * with no items of their own (a salesperson's "can you quote this?"): then it is the
 * forwarded message, and its sender is the one asking.
 */
function requestOf(email: ParsedEmail, limits: MailLimits): Pick<ReadMail, 'body' | 'signature' | 'requester'> {
  const own = splitBody(email.text);
  const forwarded = forwardedMessage(email.text, email.subject);
  if (!forwarded || hasItems(own.body, limits)) return { ...own, requester: senderOf(email) };
  return { ...splitBody(forwarded.text), requester: forwarded.from ?? senderOf(email) };
}

/** One at a time: each reader holds its file's content, and the limits are per file. */
async function readAttachments(files: Attachment[]): Promise<AttachmentText[]> {
  const texts: AttachmentText[] = [];
  for (const file of files) texts.push(await readAttachment(file));
  return texts;
}

/** Why a mail is not read at all, or null. */
export function overallLimit(raw: Buffer, limits: MailLimits): string | null {
  if (raw.length <= limits.maxMailBytes) return null;
  return `the mail is ${formatBytes(raw.length)}, over the ${formatBytes(limits.maxMailBytes)} limit for one mail; not read`;
}

/** Everything the workflow takes from a mail's bytes; the caller has checked its size. */
export async function readMail(raw: Buffer, limits: MailLimits): Promise<ReadMail> {
  const { email, files } = await parseEmail(raw, { maxMimeParts: limits.maxMimeParts });
  const request = requestOf(email, limits);
  const notAnRfq = notAnRfqReason(email);
  if (notAnRfq) return { email, ...request, notAnRfq, attachmentTexts: [], overLimits: [] };
  const read = files.slice(0, limits.maxAttachments);
  const overLimits =
    files.length > read.length
      ? [`the mail has ${files.length} attachments, over the ${limits.maxAttachments}-attachment limit; read the first ${read.length}`]
      : [];
  return { email, ...request, notAnRfq: null, attachmentTexts: await readAttachments(read), overLimits };
}
