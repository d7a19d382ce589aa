import type { LineMatch } from '../../src/domain/line-match.js';
import type { RequestedLine } from '../../src/domain/requested-line.js';
import type { WorkflowContext } from '../../src/workflow/context.js';
import type { RunStore, StoredRunStatus } from '../../src/workflow/run-store.js';
import type { TestClock } from './clock.js';
import { contextWith, storeRun } from './runner.js';
import { CUSTOMERS, PERSONS, PRODUCTS } from './seller.js';

export const MINUTE = 60_000;

const line = (text: string): RequestedLine => ({ text, description: text, quantity: '5', unit: 'm', code: null, per: null, uncertain: null });
export const FOUND: LineMatch = { product: PRODUCTS[1]!, confidence: 1, method: 'code', alternatives: [] };
export const MISSING: LineMatch = { product: null, confidence: 0, method: 'none', alternatives: [] };

/** A run as the inbox sees it, in a few fields: the tiny seller's customers and persons by index. */
export interface InboxMail {
  subject: string;
  from?: string;
  name?: string;
  customer?: number;
  salesperson?: number;
  mailbox?: string;
  /** The lines' matches: one line per entry. */
  lines?: LineMatch[];
}

export function inboxContext(mail: InboxMail): WorkflowContext {
  const from = { address: mail.from ?? 'ostaja@putki.fi', name: mail.name ?? 'Olli Ostaja' };
  const lines = mail.lines ?? [FOUND];
  return contextWith({
    key: { mailbox: mail.mailbox ?? 'rfq@seller.fi', messageId: `<${mail.subject}@test>` },
    email: { messageId: null, inReplyTo: null, references: [], subject: mail.subject, date: null, from, replyTo: null, to: [], cc: [], text: '', attachments: [], automated: null },
    requester: from,
    customer: mail.customer === undefined ? null : CUSTOMERS[mail.customer]!,
    salesperson: mail.salesperson === undefined ? null : PERSONS[mail.salesperson]!,
    requestedLines: lines.map((_, i) => line(`rivi ${i + 1}`)),
    matches: lines,
  });
}

/** A run taken in a minute after the one before, and saved as it ended. */
export async function storeInboxRun(runs: RunStore, clock: TestClock, mail: InboxMail, status: StoredRunStatus = 'needs_review'): Promise<number> {
  clock.advance(MINUTE);
  const context = inboxContext(mail);
  const { id } = await runs.create(context.key, Buffer.from('x'), context);
  await storeRun(runs, id, status, context);
  return id;
}
