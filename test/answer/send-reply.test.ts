import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { letterheadSchema } from '../../src/answer/letterhead.js';
import type { ReplyLog } from '../../src/answer/reply-log.js';
import { sendReply, type ReplyDeps } from '../../src/answer/send-reply.js';
import { SmtpReplyTransport } from '../../src/answer/smtp-reply-transport.js';
import type { LocalErp } from '../../src/erp/local/adapter.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { systemClock } from '../../src/time/clock.js';
import type { WorkflowContext } from '../../src/workflow/context.js';
import { fixture } from '../support/fixtures.js';
import { pdfPages } from '../support/pdf-text.js';
import { runnerFor } from '../support/runner.js';
import { seededErp, tempDataDir } from '../support/seller.js';
import { startSmtp, type CapturingSmtp } from '../support/smtp.js';

const LETTERHEAD = letterheadSchema.parse({ name: 'Teknotukku Oy', businessId: '1234567-8' });

describe('sending the offer to the customer', () => {
  let erp: LocalErp;
  let store: Store;
  let smtp: CapturingSmtp;
  let transport: SmtpReplyTransport;
  let runId: number;
  let context: WorkflowContext;

  beforeEach(async () => {
    const dataDir = tempDataDir();
    erp = await seededErp(dataDir);
    store = await openStore(dataDir, null, systemClock);
    smtp = await startSmtp();
    transport = new SmtpReplyTransport({ host: '127.0.0.1', port: smtp.port, secure: false });
    runId = (await runnerFor(erp, store.runs).process(fixture('workflow/rfq-known-customer.eml'), { mailbox: 'rfq@seller.fi' })).runId;
    context = (await store.runs.get(runId))!.context;
  });

  afterEach(async () => {
    transport.close();
    await smtp.stop();
    await erp.close();
    await store.close();
  });

  const deps = (replies: ReplyLog = store.replies): ReplyDeps => ({ replies, documents: null, transport, letterhead: LETTERHEAD, sharedSender: null, copySalesperson: true });

  it('mails the request’s sender one reply in its thread, from the salesperson, with the offer as a PDF holding every line and the totals', async () => {
    const outcome = await sendReply(runId, context, deps());

    expect(outcome).toMatchObject({ kind: 'sent', to: context.email!.from!.address });
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.inReplyTo).toBe(context.email!.messageId);
    expect(mail!.subject).toBe(`Re: ${context.email!.subject}`);
    expect(mail!.from?.value[0]?.address).toBe(context.salesperson!.email);
    expect(mail!.cc && !Array.isArray(mail!.cc) ? mail!.cc.value.map((a) => a.address) : []).toEqual([context.salesperson!.email]);
    expect(mail!.messageId).toBe(outcome.kind === 'sent' ? outcome.messageId : null);
    const pdf = mail!.attachments.find((a) => a.contentType === 'application/pdf');
    const text = (await pdfPages(pdf!.content)).join('\n');
    for (const line of context.offer!.lines) expect(text).toContain(`${line.sku} ${line.name}`);
    expect(text).toContain(context.offer!.number);
    expect(text).toContain(`${Number(context.offer!.totals.gross).toLocaleString('fi-FI', { minimumFractionDigits: 2 }).replace(/\s/g, ' ')} EUR`);
    expect(await store.replies.get(runId)).toMatchObject({ state: 'sent', printedBy: 'offerflow' });
  });

  it('sends the ERP’s own print of the offer where the ERP makes one, and says so', async () => {
    const printed = Buffer.from('%PDF-1.7 the ERP print');
    const asked: string[] = [];
    const documents = { pdf: async (number: string, language: string) => (asked.push(`${number} ${language}`), printed) };

    const outcome = await sendReply(runId, context, { ...deps(), documents });

    expect(outcome).toMatchObject({ kind: 'sent', printedBy: 'erp' });
    expect(asked).toEqual([`${context.offer!.number} fi`]);
    expect(smtp.mails[0]!.attachments.find((a) => a.contentType === 'application/pdf')!.content.equals(printed)).toBe(true);
    expect((await store.replies.get(runId))?.printedBy).toBe('erp');
  });

  it('sends nothing the second time it is asked', async () => {
    await sendReply(runId, context, deps());
    expect((await sendReply(runId, context, deps())).kind).toBe('already_sent');
    expect(smtp.mails).toHaveLength(1);
  });

  it('sends nothing again after a crash between sending and recording it, and says the mail may be out', async () => {
    const { replies } = store;
    const crashing: ReplyLog = { begin: (...a) => replies.begin(...a), get: (id) => replies.get(id), abandon: (id) => replies.abandon(id), sent: () => Promise.reject(new Error('process killed')) };
    await expect(sendReply(runId, context, deps(crashing))).rejects.toThrow('process killed');

    const retried = await sendReply(runId, context, deps());

    expect(retried.kind).toBe('uncertain');
    expect(smtp.mails).toHaveLength(1);
  });

  it('tries again after the mail server refused the reply, sending it once', async () => {
    smtp.refuse(1);
    await expect(sendReply(runId, context, deps())).rejects.toThrow(/refused the mail/);
    expect(await store.replies.get(runId)).toBeNull();

    expect((await sendReply(runId, context, deps())).kind).toBe('sent');
    expect(smtp.mails).toHaveLength(1);
  });
});
