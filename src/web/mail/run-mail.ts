import { parseEmail, type EmailWithFiles } from '../../email/parse-email.js';
import type { MailLimits } from '../../reading/mail-limits.js';
import type { RunStore } from '../../workflow/run-store.js';

/** What the workspace holds a mail to before reading it for a person: the same size and part limits as the workflow. */
export type ShownMailLimits = Pick<MailLimits, 'maxMailBytes' | 'maxMimeParts'>;

export type RunMail = { kind: 'read'; mail: EmailWithFiles } | { kind: 'unknown_run' } | { kind: 'unreadable' };

/**
 * The run's mail as it came, read by the same parser as the workflow. A mail the workflow
 * would not read (too large, too many parts, broken past reading) is not read here either.
 */
export async function runMail(runs: RunStore, runId: number, limits: ShownMailLimits): Promise<RunMail> {
  if (!(await runs.get(runId))) return { kind: 'unknown_run' };
  const raw = await runs.rawEmail(runId);
  if (raw.length > limits.maxMailBytes) return { kind: 'unreadable' };
  try {
    return { kind: 'read', mail: await parseEmail(raw, { maxMimeParts: limits.maxMimeParts }) };
  } catch {
    return { kind: 'unreadable' };
  }
}
