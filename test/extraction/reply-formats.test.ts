import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractLineItems } from '../../src/extraction/line-items.js';
import { DEFAULT_MAIL_LIMITS } from '../../src/reading/mail-limits.js';
import { readMail } from '../../src/reading/read-mail.js';
import { fixturePath } from '../support/fixtures.js';
import { systemClock } from '../../src/time/clock.js';

interface Case {
  /** The lines the sender asks for now. */
  lines: string[];
  /** The sender's signature, when the format is about where it starts. */
  signature: string | null;
  /** Who originally asked, when the mail forwards a request. */
  forwardedFrom: string | null;
}

/** Every quoted earlier message holds this line of the seller's own offer: it must never be read as asked for. */
const OLD_OFFER_LINE = 'Kupariputki 15x1,0 kova 40 m';

const cases = Object.entries(JSON.parse(readFileSync(fixturePath('reply/cases.json'), 'utf8')) as Record<string, Case>);

describe('replies, forwards and signatures as mail programs write them', () => {
  it.each(cases)('%s', async (name, expected) => {
    const mail = await readMail(readFileSync(fixturePath(`reply/${name}.eml`)), DEFAULT_MAIL_LIMITS, systemClock);

    const asked = [mail.body, mail.forward?.body ?? ''].join('\n');
    expect(asked).not.toContain(OLD_OFFER_LINE);
    expect(extractLineItems(asked).map((l) => l.text)).toEqual(expected.lines);
    if (expected.signature) expect(mail.signature).toBe(expected.signature);
    if (expected.forwardedFrom) expect(mail.forward?.from?.address).toBe(expected.forwardedFrom);
  });
});
