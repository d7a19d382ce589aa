import { Failure } from '../../domain/failure.js';
import { readAttachment, type AttachmentText } from '../../attachments/read-attachment.js';
import { parseEmail, type EmailWithFiles } from '../../email/parse-email.js';
import type { ParsedEmail } from '../../email/parsed-email.js';
import { splitBody, type BodyParts } from '../../extraction/body-text.js';
import { forwardedMessage } from '../../extraction/forwarded.js';
import { extractLineItems } from '../../extraction/line-items.js';
import { notAnRfqReason } from '../../extraction/rfq-signals.js';
import type { StepOutput, WorkflowStep } from '../step.js';

interface Request extends BodyParts {
  requester: ParsedEmail['from'];
}

/** Web forms and shop systems send from an address nobody reads and put the customer in Reply-To. */
const NO_REPLY = /^(?:no-?reply|do-?not-?reply|noreply[.-]\w+|web-?form|forms?|wordpress|mailer-daemon)@/i;

function senderOf(email: ParsedEmail): ParsedEmail['from'] {
  return email.from && NO_REPLY.test(email.from.address) && email.replyTo ? email.replyTo : email.from;
}

/**
 * The request is the sender's own text, unless the sender forwards someone else's request
 * with no items of their own (a salesperson's "can you quote this?"): then it is the
 * forwarded message, and its sender is the one asking.
 */
function requestOf(email: ParsedEmail): Request {
  const own = splitBody(email.text);
  const forwarded = forwardedMessage(email.text, email.subject);
  if (!forwarded || extractLineItems(own.body).length > 0) return { ...own, requester: senderOf(email) };
  return { ...splitBody(forwarded.text), requester: forwarded.from ?? senderOf(email) };
}

/** One at a time: each reader holds its file's content, and the limits are per file. */
async function readAttachments(files: EmailWithFiles['files']): Promise<AttachmentText[]> {
  const texts: AttachmentText[] = [];
  for (const file of files) texts.push(await readAttachment(file));
  return texts;
}

export const parseEmailStep: WorkflowStep = {
  name: 'parse_email',
  async run(_context, env): Promise<StepOutput> {
    const { email, files } = await parseEmail(env.rawEmail);
    if (!email.from && !email.subject && !email.date && !email.messageId) {
      throw new Failure('not_an_email', 'this is not an email: it has no From, Subject, Date or Message-ID header');
    }
    const { body, signature, requester } = requestOf(email);
    const reason = notAnRfqReason(email);
    if (reason) return { patch: { email, body, signature, requester, notAnRfq: true }, warnings: [`not a request for quotation: ${reason}`] };
    const attachmentTexts = await readAttachments(files);
    const warnings = body === '' ? ['the email has no text of its own (only quotes, signature or nothing)'] : [];
    // An attachment that could not be read may hold what the customer asks for: a person should look.
    const review = attachmentTexts.flatMap((a) => a.warnings);
    return { patch: { email, body, signature, requester, attachmentTexts }, warnings, review };
  },
};
