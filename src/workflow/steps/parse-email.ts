import { parseEmail } from '../../email/parse-email.js';
import { splitBody } from '../../extraction/body-text.js';
import type { WorkflowStep } from '../step.js';

export const parseEmailStep: WorkflowStep = {
  name: 'parse_email',
  async run(_context, env) {
    const email = await parseEmail(env.rawEmail);
    const { body, signature } = splitBody(email.text);
    const warnings = body === '' ? ['the email has no text of its own (only quotes, signature or nothing)'] : [];
    return { patch: { email, body, signature }, warnings };
  },
};
