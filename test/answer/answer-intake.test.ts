import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeAnswer, type AnswerIntakeDeps } from '../../src/answer/answer-intake.js';
import { CustomerReplies } from '../../src/answer/customer-replies.js';
import { letterheadSchema } from '../../src/answer/letterhead.js';
import { SmtpReplyTransport } from '../../src/answer/smtp-reply-transport.js';
import type { LocalErp } from '../../src/erp/local/adapter.js';
import { ReviewService } from '../../src/review/review-service.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { systemClock } from '../../src/time/clock.js';
import type { WorkflowRunner } from '../../src/workflow/runner.js';
import { fixture } from '../support/fixtures.js';
import { runnerFor } from '../support/runner.js';
import { seededErp, tempDataDir } from '../support/seller.js';
import { startSmtp, type CapturingSmtp } from '../support/smtp.js';

const MAILBOX = 'rfq@seller.fi';
const QUESTIONS_ID = '<questions-1-abc@seller.fi>';

let mails = 0;

/** A customer's reply in the questions' thread, as their mail program writes it. */
function answerMail(body: string, extraHeaders: string[] = []): Buffer {
  mails += 1;
  const headers = ['From: Pekka Putki <pekka@putki.fi>', `To: ${MAILBOX}`, 'Subject: Re: Tarjouspyyntö', `Message-ID: <answer-${mails}@putki.fi>`, `In-Reply-To: ${QUESTIONS_ID}`, `References: ${QUESTIONS_ID}`, ...extraHeaders, 'Content-Type: text/plain; charset=UTF-8'];
  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}\r\n`);
}

describe('taking the customer’s answer to the run that asked', () => {
  let erp: LocalErp;
  let store: Store;
  let smtp: CapturingSmtp;
  let transport: SmtpReplyTransport;
  let runner: WorkflowRunner;
  let deps: AnswerIntakeDeps;
  let asking: number;

  beforeEach(async () => {
    const dataDir = tempDataDir();
    erp = await seededErp(dataDir);
    store = await openStore(dataDir, null, systemClock);
    smtp = await startSmtp();
    transport = new SmtpReplyTransport({ host: '127.0.0.1', port: smtp.port, secure: false });
    runner = runnerFor(erp, store.runs, undefined, store.memory, undefined, store.parties);
    const replies = new CustomerReplies({
      replies: store.replies,
      questions: store.questions,
      documents: null,
      letterhead: letterheadSchema.parse({ name: 'Seller Oy' }),
      mailboxes: new Map([[MAILBOX, { mode: 'review' as const, replies: { policy: 'on_approval' as const, from: null, copySalesperson: false }, transport }]]),
    });
    const review = new ReviewService(runner, erp, store.memory, store.parties, systemClock, replies);
    deps = { runs: store.runs, runner, review, replies };
    asking = (await runner.process(fixture('workflow/rfq-known-customer.eml'), { mailbox: MAILBOX })).runId;
    const choices = [
      { sku: '1000015', name: 'Kupariputki 15x1,0 kova' },
      { sku: '1000022', name: 'Kupariputki 22x1,0 kova' },
    ];
    await store.questions.begin({ messageId: QUESTIONS_ID, runId: asking, recipient: 'pekka@putki.fi', questions: [{ line: 0, requested: 'kupariputki', choices, text: 'Rivi 1: kumpi?' }] });
    await store.questions.sent(QUESTIONS_ID);
  });

  afterEach(async () => {
    transport.close();
    await smtp.stop();
    await erp.close();
    await store.close();
  });

  const arrive = async (raw: Buffer) => (await runner.accept(raw, { mailbox: MAILBOX })).runId;

  it('sets the line the answer settles in the asking run and ends the answer’s own run as not a request', async () => {
    const answer = await arrive(answerMail('2 kiitos'));

    expect(await takeAnswer(deps, answer)).toBe(true);

    const asked = (await store.runs.get(asking))!;
    expect(asked.context.matches[0]).toMatchObject({ method: 'chosen', product: { sku: '1000022' } });
    expect(asked.context.review.actions.map((a) => [a.kind, a.by.id])).toEqual([['customer_answer', 'customer:pekka@putki.fi']]);
    expect(asked.status).toBe('needs_review');
    expect((await erp.offers.findByReference(asked.context.reference))?.lines[0]?.sku).toBe('1000022');
    expect((await store.runs.get(answer))?.status).toBe('not_an_rfq');
    expect((await store.questions.get(QUESTIONS_ID))?.state).toBe('answered');
  });

  it('does nothing twice when the same answer is taken again', async () => {
    const answer = await arrive(answerMail('2 kiitos'));
    await takeAnswer(deps, answer);

    expect(await takeAnswer(deps, answer)).toBe(false);
    expect((await store.runs.get(asking))!.context.review.actions).toHaveLength(1);
  });

  it('leaves a line the answer does not settle to the salesperson, with the customer’s words', async () => {
    await takeAnswer(deps, await arrive(answerMail('Kumpi tahansa käy')));

    const asked = (await store.runs.get(asking))!;
    expect(asked.context.matches[0]?.product?.sku).not.toBe('1000022');
    expect(asked.context.reviewReasons).toContain('line 1: the customer answered "Kumpi tahansa käy"');
  });

  it('does not read an auto-reply in the thread as an answer', async () => {
    const autoReply = await arrive(answerMail('Olen lomalla 14.12. asti.', ['Auto-Submitted: auto-replied']));

    expect(await takeAnswer(deps, autoReply)).toBe(false);
    expect((await store.runs.get(asking))!.context.review.actions).toEqual([]);
    expect((await store.runs.get(autoReply))?.status).toBe('queued');
  });

  it('takes no mail outside a question’s thread', async () => {
    const other = await arrive(fixture('workflow/rfq-free-mail.eml'));
    expect(await takeAnswer(deps, other)).toBe(false);
  });
});
