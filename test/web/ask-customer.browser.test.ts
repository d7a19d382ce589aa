import { readFileSync } from 'node:fs';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isolatedPage, readmeScreenshot } from '../support/browser.js';
import { IMAP_PASSWORD, startDovecot, type Dovecot } from '../support/dovecot.js';
import { fixturePath } from '../support/fixtures.js';
import { imapInbox as inbox } from '../support/imap-inbox.js';
import { startMailRelay, type MailRelay } from '../support/mail-relay.js';
import { firstSignIn, servedWorkspacePerTest, type ServedWorkspace } from '../support/served-workspace.js';
import { until } from '../support/until.js';

const REQUEST = fixturePath('web/rorvarme-valves.eml');
const CUSTOMER = 'anders@rorvarme.fi';
const SHARED = 'myynti@teknotukku.fi';
const VALVE_LINE = 1;

const served = servedWorkspacePerTest();

describe('asking the customer about a line instead of guessing', () => {
  let dovecot: Dovecot;
  let relay: MailRelay;
  let smtp: Transporter;

  beforeEach(async () => {
    dovecot = await startDovecot();
    relay = await startMailRelay(dovecot);
    smtp = nodemailer.createTransport({ host: '127.0.0.1', port: relay.port, secure: false });
  });

  afterEach(async () => {
    smtp.close();
    await relay.stop();
    await dovecot.stop();
  });

  const finishedRuns = async (workspace: ServedWorkspace, count: number) =>
    until(`${count} finished runs`, async () => {
      const runs = (await workspace.runs()).filter((r) => !['queued', 'running'].includes(r.status));
      return runs.length >= count ? runs : false;
    });

  it('mails the question in the request’s thread, and the customer’s reply to it sets the line in the same run and in the ERP offer', { timeout: 120_000 }, async () => {
    const workspace = await served('local', {
      notifications: { host: '127.0.0.1', port: relay.port, secure: false, from: 'offerflow@teknotukku.fi' },
      letterhead: { name: 'Teknotukku Oy' },
      mailbox: { type: 'imap', host: '127.0.0.1', port: dovecot.port, secure: false, user: SHARED, password: IMAP_PASSWORD, folder: 'INBOX', doneFolder: 'Processed' },
    });
    await smtp.sendMail({ envelope: { from: CUSTOMER, to: [SHARED] }, raw: readFileSync(REQUEST) });
    const [run] = await finishedRuns(workspace, 1);
    expect(run!.status).toBe('needs_review');
    const { page, context } = await isolatedPage();
    await firstSignIn(page, workspace, 'johan.sundstrom@teknotukku.fi');
    await page.goto(`${workspace.url}/runs/${run!.id}`);
    const question = page.locator(`textarea[name=question_${VALVE_LINE}]`);
    await readmeScreenshot(page, 'ask-customer');
    expect(await question.inputValue()).toMatch(/^Rad 2, "palloventtiili DN15 1\/2" sk\/sk 6 st": vilken av dessa menar ni\?\n {2}1\) /);

    await Promise.all([page.waitForURL(/notice=done/), page.locator('[data-action=ask_customer]').click()]);

    expect(await page.locator('[data-questions=sent]').count()).toBe(1);
    const asked = await until('the question in the customer’s mailbox', async () => (await inbox(dovecot, CUSTOMER))[0] ?? false);
    expect(asked.inReplyTo).toBe('<c3d4e5f6-7a8b-4c9d-8e0f-rorvarme-0101@rorvarme.fi>');
    expect(asked.subject).toBe('Sv: Offertförfrågan - ventiler Vasklot skola');
    const second = /\n {2}2\) (\d+) /.exec(asked.text!)?.[1];
    expect(second).toBeDefined();

    await smtp.sendMail({
      from: `Anders Lindqvist <${CUSTOMER}>`,
      to: SHARED,
      subject: `Sv: ${asked.subject}`,
      inReplyTo: asked.messageId,
      references: [...(Array.isArray(asked.references) ? asked.references : [asked.references ?? '']), asked.messageId!].filter(Boolean),
      text: `Hej,\n\nalternativ 2 tack.\n\nAnders\n\n${asked.text!.split('\n').map((l) => `> ${l}`).join('\n')}`,
    });
    const runs = await finishedRuns(workspace, 2);

    const answered = await until('the answer taken to the run', async () => {
      const now = await workspace.run(run!.id);
      return now.context.review.actions.some((a) => a.kind === 'customer_answer') ? now : false;
    });
    expect(answered.context.matches[VALVE_LINE]).toMatchObject({ method: 'chosen', product: { sku: second } });
    expect(answered.status).toBe('needs_review');
    const offer = await workspace.offer(answered.context.reference);
    expect(offer!.lines.map((l) => l.sku)).toContain(second);
    const answerRun = runs.find((r) => r.id !== run!.id)!;
    expect(answerRun.status).toBe('not_an_rfq');
    expect(answerRun.context.offer).toBeNull();
    await page.reload();
    expect(await page.locator('[data-questions=answered]').count()).toBe(1);
    await context.close();
  });
});
