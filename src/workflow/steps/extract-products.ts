import type { StepOutput, WorkflowStep } from '../step.js';

/**
 * No items and no attachments: a thank-you or a question, not a request for quotation. No items
 * but attachments: the items may be in a file we could not read, so the run fails and stays
 * retryable rather than being dismissed.
 */
export const extractProducts: WorkflowStep = {
  name: 'extract_products',
  async run(context, env): Promise<StepOutput> {
    const { lines: requestedLines, warnings } = await env.lineExtractor.extract({ subject: context.email?.subject ?? '', body: context.body });
    if (requestedLines.length > 0) return { patch: { requestedLines }, warnings };
    const attachments = context.email?.attachments ?? [];
    if (attachments.length === 0) return { skipped: 'no requested items in the email', patch: { notAnRfq: true } };
    throw new Error(`no requested items in the email text; attachments not read: ${attachments.map((a) => a.filename).join(', ')}`);
  },
};
