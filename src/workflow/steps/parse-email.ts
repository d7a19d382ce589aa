import { Failure } from '../../domain/failure.js';
import type { StepOutput, WorkflowStep } from '../step.js';

/**
 * The mail is read off the event loop, within its time budget (see reading/). A mail over a
 * limit (its size, its MIME parts) fails for good; one whose attachments could not all be
 * read, or that went over the attachment limit, goes to a person.
 */
export const parseEmailStep: WorkflowStep = {
  name: 'parse_email',
  async run(_context, env): Promise<StepOutput> {
    const mail = await env.reader.read(env.rawEmail, env.budget);
    const { email, body, signature, requester, attachmentTexts } = mail;
    if (!email.from && !email.subject && !email.date && !email.messageId) {
      throw new Failure('not_an_email', 'this is not an email: it has no From, Subject, Date or Message-ID header');
    }
    if (mail.notAnRfq) return { patch: { email, body, signature, requester, notAnRfq: true }, warnings: [`not a request for quotation: ${mail.notAnRfq}`] };
    const warnings = body === '' ? ['the email has no text of its own (only quotes, signature or nothing)'] : [];
    // An attachment that could not be read may hold what the customer asks for: a person should look.
    const review = [...mail.overLimits, ...attachmentTexts.flatMap((a) => a.warnings)];
    return { patch: { email, body, signature, requester, attachmentTexts }, warnings, review };
  },
};
