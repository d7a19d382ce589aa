import { afterAll, describe, expect, it } from 'vitest';
import { MailBudget } from '../../src/domain/mail-budget.js';
import { DEFAULT_MAIL_LIMITS } from '../../src/reading/mail-limits.js';
import { ReadingPool } from '../../src/reading/reading-pool.js';
import { fixture } from '../support/fixtures.js';
import { attachmentsMail } from '../support/hostile-mail.js';
import { systemClock } from '../../src/time/clock.js';

const pool = new ReadingPool({ ...DEFAULT_MAIL_LIMITS, maxMailBytes: 1024 * 1024, maxAttachments: 3, maxMimeParts: 50 }, 1, systemClock);
const budget = () => new MailBudget(30_000);

afterAll(() => pool.close());

describe('ReadingPool', () => {
  it('reads a mail on a thread: its text, who asks, and its attachments', async () => {
    const mail = await pool.read(fixture('workflow/rfq-known-customer.eml'), budget());
    expect(mail.email.subject).toBe('Tarjouspyyntö kupariputket');
    expect(mail.requester?.address).toBe('matti@putki.fi');
    expect(mail.body).toContain('Kupariputki 15x1,0 kova 10 m');
    expect(await pool.lines(mail.body, budget())).toHaveLength(2);
  });

  it('reads the first attachments of a mail with too many, and says how many were left', async () => {
    const mail = await pool.read(attachmentsMail('five', 5), budget());
    expect(mail.attachmentTexts.map((a) => a.filename)).toEqual(['lista-0.csv', 'lista-1.csv', 'lista-2.csv']);
    expect(mail.overLimits).toEqual(['the mail has 5 attachments, over the 3-attachment limit; read the first 3']);
  });

  it('refuses, for good and naming the limit, a mail too large or of too many parts', async () => {
    await expect(pool.read(Buffer.alloc(2 * 1024 * 1024, 'a'), budget())).rejects.toMatchObject({ code: 'mail_over_limit', permanent: true, message: expect.stringContaining('over the 1 MB limit for one mail') });
    await expect(pool.read(attachmentsMail('sixty', 60), budget())).rejects.toMatchObject({ code: 'mail_over_limit', message: 'the mail has more than 50 MIME parts, over the limit; not read' });
  });

  it('stops reading at the mail’s budget, and reads the next mail as usual', async () => {
    const spent = new MailBudget(1);
    await expect(pool.lines('Kupariputki 15x1,0 kova 10 m\n'.repeat(200_000), spent)).rejects.toMatchObject({ code: 'mail_over_time_budget', permanent: true });
    await expect(pool.lines('x', spent)).rejects.toMatchObject({ code: 'mail_over_time_budget' });
    expect(await pool.lines('Kupariputki 15x1,0 kova 10 m', budget())).toHaveLength(1);
  });

  it('keeps the event loop free while a large mail is read', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const started = Date.now();
    await pool.lines('Kupariputki 15x1,0 kova 10 m\n'.repeat(100_000), budget());
    const ms = Date.now() - started;
    clearInterval(timer);
    // Had the rules run on this thread, no tick could have come until they were done.
    expect(ticks).toBeGreaterThan(ms / 10 / 4);
  });
});
