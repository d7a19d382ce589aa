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

  it.each([
    ['Toimitus?', 'Hei,\nmissä vaiheessa on tilauksemme 118734? Tilasimme 20 kpl palloventtiileitä DN20 viime viikolla.'],
    ['Leveransdatum', 'Hej,\nnär levereras vår beställning 4411? Den gäller 12 st kulventiler.'],
    ['Order 77812', 'Hi, when will order no. 77812 be shipped? It was 6 pcs ball valves.'],
  ])('reads a question about an order already placed as no request (%j)', (subject, text) => {
    expect(notAnRfqReason(parsedEmail({ subject, text }))).toBe('a question about an existing order');
  });

  it('reads a job application as no request', () => {
    const application = parsedEmail({ subject: 'Varastotyöntekijän paikka', text: 'Hei,\nhaen teille varastotyöntekijäksi. Ansioluettelo liitteenä.\nTerveisin Ville' });
    expect(notAnRfqReason(application)).toBe('a job application');
  });

  it('reads a job application as no request even when it tells of offers the applicant made', () => {
    const text = 'Hei,\nhaen teiltä avoimella hakemuksella myyjän tehtävää. Olen tehnyt tarjouksia urakoitsijoille ja kerännyt tilauksia.\nTerveisin Aleksi';
    expect(notAnRfqReason(parsedEmail({ subject: 'Avoin työhakemus - myyjä / varastotyöntekijä', text }))).toBe('a job application');
    expect(notAnRfqReason(parsedEmail({ subject: 'Hakemus', text: 'Hei,\nhaen teiltä myyjän paikkaa.\nAleksi' }))).toBe('a job application');
  });

  it('still reads a request for prices that mentions an earlier order', () => {
    const request = parsedEmail({ subject: 'Lisää', text: 'Hei,\nsamat kuin tilauksessamme 118734, mutta voitteko antaa hinnan 40 kpl palloventtiileistä DN20?' });
    expect(notAnRfqReason(request)).toBeNull();
  });

  it('reads a calendar invite as a meeting invitation', () => {
    const invite = parsedEmail({ subject: 'Palaveri', attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', size: 900 }] });
    expect(notAnRfqReason(invite)).toBe('a meeting invitation');
  });
});
