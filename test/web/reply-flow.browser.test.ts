import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isolatedPage } from '../support/browser.js';
import { startDovecot, type Dovecot } from '../support/dovecot.js';
import { fixturePath } from '../support/fixtures.js';
import { imapInbox as inbox } from '../support/imap-inbox.js';
import { startMailRelay, type MailRelay } from '../support/mail-relay.js';
import { pdfPages } from '../support/pdf-text.js';
import { firstSignIn, servedWorkspacePerTest } from '../support/served-workspace.js';

const REQUEST = fixturePath('web/rorvarme-valves.eml');
const CUSTOMER = 'anders@rorvarme.fi';
const LETTERHEAD = { name: 'Teknotukku Oy', addressLines: ['Teollisuuskatu 12', '00510 Helsinki'], businessId: '1234567-8', paymentTerms: { fi: '14 päivää netto', sv: '14 dagar netto' } };

const served = servedWorkspacePerTest();

describe('approving a request sends the offer to the customer', () => {
  let dovecot: Dovecot;
  let relay: MailRelay;

  beforeEach(async () => {
    dovecot = await startDovecot();
    relay = await startMailRelay(dovecot);
  });

  afterEach(async () => {
    await relay.stop();
    await dovecot.stop();
  });

  it('puts one reply in the customer’s mailbox, in the request’s thread and language, with the offer as a PDF holding every line and the totals', { timeout: 120_000 }, async () => {
    const workspace = await served('local', {
      notifications: { host: '127.0.0.1', port: relay.port, secure: false, from: 'offerflow@teknotukku.fi' },
      letterhead: LETTERHEAD,
    });
    const run = await workspace.deliver(REQUEST, 'rorvarme.eml');
    expect(run.status).toBe('needs_review');
    const { page, context } = await isolatedPage();
    await firstSignIn(page, workspace, 'johan.sundstrom@teknotukku.fi');
    await page.goto(`${workspace.url}/runs/${run.id}`);
    const candidate = page.locator('#line-1 [data-candidate]').first();
    await Promise.all([page.waitForURL(/notice=done/), candidate.click()]);

    await Promise.all([page.waitForURL(/notice=done/), page.locator('[data-action=approve]').click()]);

    expect(await page.locator('[data-reply=sent]').textContent()).toContain(CUSTOMER);
    expect(await page.locator('[data-action=send_to_customer]').count()).toBe(0);
    const approved = await workspace.run(run.id);
    const mails = await inbox(dovecot, CUSTOMER);
    expect(mails).toHaveLength(1);
    const [reply] = mails;
    expect(reply!.inReplyTo).toBe('<c3d4e5f6-7a8b-4c9d-8e0f-rorvarme-0101@rorvarme.fi>');
    expect(reply!.subject).toBe('Sv: Offertförfrågan - ventiler Vasklot skola');
    expect(reply!.text).toContain(`Bifogat finns vår offert ${approved.context.offer!.number}`);
    const pdf = reply!.attachments.find((a) => a.filename === `Offert-${approved.context.offer!.number}.pdf`);
    const text = (await pdfPages(pdf!.content)).join('\n');
    expect(text).toContain('OFFERT');
    for (const line of approved.context.offer!.lines) expect(text).toContain(`${line.sku} ${line.name}`);
    const gross = Number(approved.context.offer!.totals.gross).toLocaleString('sv-FI', { minimumFractionDigits: 2 }).replace(/\s/g, ' ');
    expect(text).toContain(`Summa inkl. moms ${gross} EUR`);
    // The salesperson is copied, and nobody else hears of it.
    expect((await inbox(dovecot, 'johan.sundstrom@teknotukku.fi')).filter((m) => m.messageId === reply!.messageId)).toHaveLength(1);

    await page.reload();
    expect(await page.locator('[data-reply=sent]').count()).toBe(1);
    expect(await inbox(dovecot, CUSTOMER)).toHaveLength(1);
    await context.close();
  });
});
