import { Failure } from '../../domain/failure.js';
import type { PersonRepository } from '../../erp/ports.js';
import type { ReadMail } from '../../reading/mail-reader.js';
import type { WorkflowContext } from '../context.js';
import { defineStep } from '../step.js';

type Request = Pick<WorkflowContext, 'body' | 'signature' | 'requester' | 'askerText'>;

/**
 * Who asks, and what: a forward's lines are asked for together with the forwarder's own. A
 * salesperson forwarding a customer's mail asks for that customer; anyone else forwarding a
 * message (a contractor's list, a designer's) asks for themselves. A forwarded mail of our own
 * salespeople (our offer, sent on) asks for nothing.
 */
async function requestOf(mail: ReadMail, persons: PersonRepository): Promise<Request> {
  const own = { body: mail.body, signature: mail.signature, requester: mail.requester, askerText: `${mail.body}\n${mail.signature}` };
  const { forward } = mail;
  if (!forward || (forward.from && (await persons.findByEmail(forward.from.address)))) return own;
  const body = [mail.body, forward.body].filter(Boolean).join('\n\n');
  const bySalesperson = mail.requester !== null && (await persons.findByEmail(mail.requester.address)) !== null;
  if (!bySalesperson) return { ...own, body };
  return { body, signature: forward.signature, requester: forward.from ?? mail.requester, askerText: `${forward.body}\n${forward.signature}` };
}

/**
 * The mail is read off the event loop, within its time budget (see reading/). A mail over a
 * limit (its size, its MIME parts) fails for good; one whose attachments could not all be
 * read, or that went over the attachment limit, goes to a person.
 */
export const parseEmailStep = defineStep({
  name: 'parse_email',
  reads: [],
  writes: ['email', 'body', 'signature', 'requester', 'askerText', 'attachmentTexts'],
  async run(_context, env) {
    const mail = await env.reader.read(env.rawEmail, env.budget);
    const { email, attachmentTexts } = mail;
    if (!email.from && !email.subject && !email.date && !email.messageId) {
      throw new Failure('not_an_email', 'this is not an email: it has no From, Subject, Date or Message-ID header');
    }
    const request = await requestOf(mail, env.erp.persons);
    if (mail.notAnRfq) return { patch: { email, ...request }, notAnRfq: mail.notAnRfq };
    const warnings = request.body === '' ? ['the email has no text of its own (only quotes, signature or nothing)'] : [];
    // An attachment that could not be read may hold what the customer asks for: a person should look.
    const review = [...mail.overLimits, ...attachmentTexts.flatMap((a) => a.warnings)];
    return { patch: { email, ...request, attachmentTexts }, warnings, review };
  },
});
