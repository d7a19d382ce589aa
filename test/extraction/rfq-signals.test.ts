import { describe, expect, it } from 'vitest';
import { notAnRfqReason } from '../../src/extraction/rfq-signals.js';
import { parsedEmail } from '../support/parsed-email.js';

describe('notAnRfqReason', () => {
  it.each([
    ['Lasku 2026-1187', 'an invoice'],
    ['VS: Tilausvahvistus 55120', 'an order confirmation'],
    ['Automaattinen vastaus: Tarjous 10412', 'an automatic reply'],
    ['Teknotukku uutiskirje 11/2026', 'a newsletter'],
    ['Leveransavisering order 4411', 'a delivery notice'],
    ['Reklamation kulventiler DN25, fs 778120', 'a complaint or return'],
  ])('reads %j as %s', (subject, what) => {
    expect(notAnRfqReason(parsedEmail({ subject }))).toContain(what);
  });

  it.each(['Tarjouspyyntö', 'RE: Offertförfrågan Vasklot skola', 'Quote request, invoice to site office', 'Kupariputket Hervantaan'])(
    'leaves %j to be read',
    (subject) => {
      expect(notAnRfqReason(parsedEmail({ subject }))).toBeNull();
    },
  );

  it('trusts machine headers over any subject', () => {
    expect(notAnRfqReason(parsedEmail({ subject: 'Tarjouspyyntö', automated: 'Auto-Submitted: auto-replied' }))).toContain('Auto-Submitted');
  });

  it('reads a factory’s sales pitch as no request, whatever its subject', () => {
    const pitch = parsedEmail({ subject: 'Quotation: brass ball valves', text: 'Dear Purchasing Manager,\nBall valve DN15 USD 1.85/pc, MOQ 2000 pcs' });
    expect(notAnRfqReason(pitch)).toContain('sales pitch');
  });

  it('reads a calendar invite as a meeting invitation', () => {
    const invite = parsedEmail({ subject: 'Palaveri', attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', size: 900 }] });
    expect(notAnRfqReason(invite)).toBe('a meeting invitation');
  });
});
