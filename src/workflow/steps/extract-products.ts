import type { RequestedLine } from '../../domain/requested-line.js';
import type { WorkflowContext } from '../context.js';
import type { StepEnvironment, StepOutput, WorkflowStep } from '../step.js';

async function linesOfAttachments(context: Readonly<WorkflowContext>, env: StepEnvironment): Promise<{ lines: RequestedLine[]; warnings: string[] }> {
  const subject = context.email?.subject ?? '';
  const lines: RequestedLine[] = [];
  const warnings: string[] = [];
  for (const attachment of context.attachmentTexts.filter((a) => a.lines.length > 0)) {
    const extracted = await env.lineExtractor.extract({ subject, body: attachment.lines.join('\n') });
    lines.push(...extracted.lines);
    warnings.push(...extracted.warnings);
  }
  return { lines, warnings };
}

/**
 * Items come from the customer's own text; when it has none, from the attachments (a list sent
 * as Excel or PDF). No items anywhere: a thank-you or a question is not a request, but a mail
 * with documents that hold no readable items goes to a person rather than being dismissed.
 */
export const extractProducts: WorkflowStep = {
  name: 'extract_products',
  async run(context, env): Promise<StepOutput> {
    const fromBody = await env.lineExtractor.extract({ subject: context.email?.subject ?? '', body: context.body });
    if (fromBody.lines.length > 0) return { patch: { requestedLines: fromBody.lines }, warnings: fromBody.warnings };
    const fromFiles = await linesOfAttachments(context, env);
    if (fromFiles.lines.length > 0) return { patch: { requestedLines: fromFiles.lines }, warnings: [...fromBody.warnings, ...fromFiles.warnings] };
    const documents = context.attachmentTexts.filter((a) => a.kind !== 'unsupported' || a.warnings.length > 0);
    if (documents.length === 0) return { skipped: 'no requested items in the email', patch: { notAnRfq: true } };
    const names = documents.map((a) => a.filename).join(', ');
    return { skipped: 'no requested items found', review: [`no requested items in the email or its attachments (${names}); please check them`] };
  },
};
