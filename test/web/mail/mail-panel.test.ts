import { describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_LIMITS } from '../../../src/reading/mail-limits.js';
import { readMail } from '../../../src/reading/read-mail.js';
import { systemClock } from '../../../src/time/clock.js';
import { MESSAGES } from '../../../src/web/i18n/messages.js';
import { mailPanel } from '../../../src/web/mail/mail-panel.js';
import type { PageContext } from '../../../src/web/page-context.js';
import { fixture } from '../../support/fixtures.js';

const CONTEXT: PageContext = { language: 'en', t: MESSAGES.en, signedIn: null };

async function hostileRun() {
  const read = await readMail(fixture('email/hostile.eml'), DEFAULT_MAIL_LIMITS, systemClock);
  return { id: 7, context: { email: read.email, attachmentTexts: read.attachmentTexts } };
}

describe('mailPanel', () => {
  it('shows the headers, escaped, and the date in the given time zone', async () => {
    const out = mailPanel(CONTEXT, await hostileRun(), 'Europe/Helsinki').html;
    expect(out).toContain('<dd>&lt;b onmouseover=alert(1)&gt;Matti&lt;/b&gt; Putkinen &lt;matti@putki.fi&gt;</dd>');
    expect(out).toContain('<dd>Tarjouspyyntö &lt;script&gt;alert(1)&lt;/script&gt;</dd>');
    expect(out).toContain('<time datetime="2026-03-02T07:15:00.000Z">Mar 2, 2026, 9:15 AM</time>');
    expect(out).not.toMatch(/<script|<b /);
  });

  it('frames the mail with no scripts and no origin of its own, and links to its remote images and text', async () => {
    const out = mailPanel(CONTEXT, await hostileRun(), 'Europe/Helsinki').html;
    expect(out).toContain('<iframe class="mail-frame" name="mail-7" title="The mail as the customer sent it" src="/runs/7/mail" sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>');
    expect(out).toContain('<a href="/runs/7/mail?images=1" target="mail-7">');
    expect(out).toContain('<a href="/runs/7/mail.txt">');
  });

  it('lists every file with a download link and the rows read from it, each cell escaped', async () => {
    const out = mailPanel(CONTEXT, await hostileRun(), 'Europe/Helsinki').html;
    expect(out).toContain('<a href="/runs/7/attachments/0" download>logo.png</a>');
    expect(out).toContain('<a href="/runs/7/attachments/1" download>tilaus &quot;määrät&quot;.csv</a>');
    expect(out).toContain('Nothing was read from this file.');
    expect(out).toContain('3 rows read:');
    expect(out).toContain('<td>Kupariputki 22x1,0 kova &lt;script&gt;window.parent.__pwned=1&lt;/script&gt;</td><td>20</td><td>m</td>');
  });

  it('says when a file was not read, and shows only the frame for a run whose mail is not read yet', async () => {
    const run = await hostileRun();
    expect(mailPanel(CONTEXT, { ...run, context: { ...run.context, attachmentTexts: [] } }, 'UTC').html).toContain('This file was not read.');
    const queued = mailPanel(CONTEXT, { id: 8, context: { email: null, attachmentTexts: [] } }, 'UTC').html;
    expect(queued).toContain('src="/runs/8/mail"');
    expect(queued).not.toMatch(/mail-headers|attachments/);
  });
});
