import { extractLineItems } from '../../extraction/line-items.js';
import type { WorkflowStep } from '../step.js';

export const extractProducts: WorkflowStep = {
  name: 'extract_products',
  async run(context) {
    const requestedLines = extractLineItems(context.body);
    if (requestedLines.length === 0) throw new Error('no requested items found in the email');
    return { patch: { requestedLines } };
  },
};
