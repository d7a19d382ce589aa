import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../src/email/parse-email.js';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/email/${name}`, import.meta.url));
}

function linesOf(text: string): string[] {
  return text.split('\n').map((l) => l.trim());
}

describe('parseEmail: plain UTF-8 mail', () => {
  it('reads headers, decodes the encoded subject and keeps the text as written', async () => {
    const mail = (await parseEmail(fixture('fi-plain-utf8.eml'))).email;
    expect(mail.messageId).toBe('<5f1c9e2a-77b3-4d0e-9a51-rantanen-0042@LVI-Rantanen.fi>');
    expect(mail.subject).toBe('Tarjouspyyntö / Pyynikin päiväkoti');
    expect(mail.date).toBe('2026-11-24T05:52:10.000Z');
    expect(linesOf(mail.text)).toEqual(
      expect.arrayContaining([
        'pyytäisin tarjousta Pyynikin päiväkodin saneeraukseen:',
        'Kupariputki 15x1,0 kova 48 m',
        'Termostaattiventtiili DN15 1/2" suora 12 kpl',
        'Ystävällisin terveisin',
        'LVI-Rantanen Oy',
      ]),
    );
    expect(mail.text).not.toContain('\r');
    expect(mail.attachments).toEqual([]);
  });

  it('lowercases every address and keeps the display names', async () => {
    const mail = (await parseEmail(fixture('fi-plain-utf8.eml'))).email;
    expect(mail.from).toEqual({ address: 'tuomas.rantanen@lvi-rantanen.fi', name: 'Tuomas Rantanen' });
    expect(mail.to).toEqual([
      { address: 'myynti@teknotukku.fi', name: 'Myynti' },
      { address: 'mikko.lehtonen@teknotukku.fi', name: 'Lehtonen, Mikko' },
    ]);
    expect(mail.cc).toEqual([{ address: 'tyonjohto@lvi-rantanen.fi', name: '' }]);
  });

  it('gives an empty cc list and a null message id when the mail has neither', async () => {
    const mail = (await parseEmail(fixture('sv-no-message-id.eml'))).email;
    expect(mail.messageId).toBeNull();
    expect(mail.cc).toEqual([]);
    expect(mail.from).toEqual({ address: 'bjorn@sjobergsvvs.fi', name: 'Björn Sjöberg' });
    expect(linesOf(mail.text)).toContain('Kopparrör 22x1,0 hårt 30 m');
  });
});

describe('parseEmail: ISO-8859-1 quoted-printable', () => {
  it('decodes Finnish letters in the sender name, the subject and the body', async () => {
    const mail = (await parseEmail(fixture('fi-latin1-qp.eml'))).email;
    expect(mail.from).toEqual({ address: 'eero.makinen@sahkomakinen.fi', name: 'Eero Mäkinen' });
    expect(mail.subject).toBe('Tarjouspyyntö: sähkötarvikkeet kesämökille');
    const lines = linesOf(mail.text);
    expect(lines).toEqual(expect.arrayContaining(['Ryhmäkeskus 24 moduulia uppo 1 kpl', 'Sähkö-Mäkinen Ky', 'Ystävällisin terveisin']));
    expect(mail.text).not.toMatch(/=[0-9A-F]{2}/);
  });

  it('joins a soft line break back into one line', async () => {
    const mail = (await parseEmail(fixture('fi-latin1-qp.eml'))).email;
    expect(linesOf(mail.text)).toContain('tarvitsisimme seuraavat tuotteet Mänttään työmaalle, saisiko hinnat pyöreillä määrillä:');
  });
});

describe('parseEmail: Outlook HTML table', () => {
  it('turns each table row into one line with tab-separated cells', async () => {
    const lines = linesOf((await parseEmail(fixture('fi-outlook-html-table.eml'))).email.text);
    expect(lines).toContain('Tuote\tKoodi\tMäärä\tYks.');
    expect(lines).toContain('Palloventtiili DN20 3/4" sk/sk\t1100088\t6\tkpl');
    expect(lines.filter((l) => /^Kupariputki 22x1,0 kova\t+60\tm$/.test(l))).toHaveLength(1);
  });

  it('does not leave any cell on a line of its own', async () => {
    const lines = linesOf((await parseEmail(fixture('fi-outlook-html-table.eml'))).email.text);
    for (const cell of ['Tuote', 'Koodi', '60', 'm', '1100088', '6', 'kpl']) expect(lines).not.toContain(cell);
  });

  it('keeps the paragraphs around the table as their own lines, without markup', async () => {
    const mail = (await parseEmail(fixture('fi-outlook-html-table.eml'))).email;
    const lines = linesOf(mail.text);
    expect(lines).toEqual(expect.arrayContaining(['Hei,', 'Pyydän tarjousta alla olevista.', 'Terveisin', 'Jukka Salminen', 'Rakennus Salminen Oy']));
    expect(mail.text).not.toMatch(/<|&nbsp;|&quot;|MsoNormal|font-family/);
    expect(mail.from?.address).toBe('jukka.salminen@rakennus-salminen.fi');
  });
});

describe('parseEmail: attachments', () => {
  it('lists every attachment with its name, type and decoded size', async () => {
    const mail = (await parseEmail(fixture('en-with-attachments.eml'))).email;
    expect(mail.attachments).toEqual([
      { filename: 'Kaleva_lammonjakohuone.pdf', contentType: 'application/pdf', size: 142 },
      { filename: 'määräluettelo.csv', contentType: 'text/csv', size: 83 },
    ]);
  });

  it('keeps the text part as the body, not the attachment content', async () => {
    const mail = (await parseEmail(fixture('en-with-attachments.eml'))).email;
    expect(mail.text).toContain('Could you send us your offer by Wednesday?');
    expect(mail.text).not.toContain('Puristusmuhvi');
    expect(mail.text).not.toContain('%PDF');
  });
});
