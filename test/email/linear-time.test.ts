import { describe, it } from 'vitest';
import { htmlToText } from '../../src/email/html-text.js';
import { messageKeyOf } from '../../src/email/message-key.js';
import { parseEmail } from '../../src/email/parse-email.js';
import { expectLinearTime, LINEAR_TIME_TEST_TIMEOUT_MS, run } from '../support/linear-time.js';

function htmlMail(html: string): Buffer {
  return Buffer.from(`From: a@b.fi\r\nTo: c@d.fi\r\nSubject: Tarjouspyyntö\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${html}`);
}

describe('reading hostile mail takes linear time', { timeout: LINEAR_TIME_TEST_TIMEOUT_MS }, () => {
  it.each([
    ['unclosed cells', run('<td>x')],
    ['unclosed scripts', run('<script>')],
    ['unclosed heads', run('<head>')],
    ['unclosed pre', run('<pre>')],
    // htmlparser2's Parser takes 44 s on 1 MB of these: its stack of open elements is searched on every tag.
    ['unclosed divs', run('<div>')],
    ['a run of <', run('<')],
    ['unclosed breaks', run('<br')],
    ['unclosed paragraphs in a cell', run('<p', '<td>', '</td>')],
    ['a run of non-breaking spaces', run('&nbsp;', 'a', 'b')],
  ])('htmlToText: %s', async (_case, build) => {
    await expectLinearTime(build, htmlToText);
  });

  it.each([
    ['unclosed rows', run('<tr>')],
    ['unclosed cells in a row', run('<td>', '<tr>', '</tr>')],
    ['table rows', run('<tr><td>Putki</td><td>2</td></tr>')],
  ])('parseEmail, HTML only: %s', async (_case, build) => {
    await expectLinearTime(build, (html) => parseEmail(htmlMail(html)));
  });

  it('messageKeyOf: a Message-ID with a long run of spaces', async () => {
    await expectLinearTime(run(' ', 'Message-ID: a', 'b\r\n\r\nbody'), (header) => messageKeyOf(Buffer.from(header)));
  });
});
