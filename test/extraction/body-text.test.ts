import { describe, expect, it } from 'vitest';
import { splitBody } from '../../src/extraction/body-text.js';

const NEW_MESSAGE = 'Moi Mikko,\n\nsaisiko tarjouksen:\nTermostaattiventtiili DN15 1/2" kulma 8 kpl';
const OLD_OFFER_LINE = 'Kupariputki 15x1,0 kova 40 m';

describe('splitBody: quoted replies are dropped', () => {
  it.each([
    ['Outlook fi', `Lähettäjä: Mikko Lehtonen <mikko.lehtonen@teknotukku.fi>\nLähetetty: perjantai 20. marraskuuta 2026 15.02\nAihe: Tarjous 10412\n\n${OLD_OFFER_LINE}`],
    ['Outlook en', `From: Mikko Lehtonen <mikko.lehtonen@teknotukku.fi>\nSent: Friday, November 20, 2026 3:02 PM\nSubject: Offer 10412\n\n${OLD_OFFER_LINE}`],
    ['Outlook sv', `Från: Mikko Lehtonen <mikko.lehtonen@teknotukku.fi>\nSkickat: den 20 november 2026 15:02\nÄmne: Offert 10412\n\n${OLD_OFFER_LINE}`],
    ['Original Message', `-----Original Message-----\nFrom: Mikko Lehtonen\n${OLD_OFFER_LINE}`],
    ['Alkuperäinen viesti', `-----Alkuperäinen viesti-----\n${OLD_OFFER_LINE}`],
    ['> quoting', `> Hei Kari,\n>\n> ${OLD_OFFER_LINE}\n> Mikko`],
    ['Gmail fi attribution', `pe 20.11.2026 klo 15.02 Mikko Lehtonen <mikko.lehtonen@teknotukku.fi> kirjoitti:\n> ${OLD_OFFER_LINE}`],
    ['Gmail en attribution', `On Fri, 20 Nov 2026 at 15:02, Mikko Lehtonen <mikko.lehtonen@teknotukku.fi> wrote:\n> ${OLD_OFFER_LINE}`],
  ])('%s', (_client, quote) => {
    const { body } = splitBody(`${NEW_MESSAGE}\n\n${quote}`);
    expect(body).toBe(NEW_MESSAGE);
    expect(body).not.toContain(OLD_OFFER_LINE);
  });

  it('cuts at the first quote, so the quoted signature is not the sender\'s', () => {
    const text = `${NEW_MESSAGE}\n\nTerveisin\nKari Laine\nKiinteistöhuolto Laine Oy\n\nLähettäjä: Mikko Lehtonen\nLähetetty: 20. marraskuuta 2026 15.02\n\n${OLD_OFFER_LINE}\n\nYstävällisin terveisin\nMikko Lehtonen\nTeknotukku Oy`;
    expect(splitBody(text)).toEqual({ body: NEW_MESSAGE, signature: 'Terveisin\nKari Laine\nKiinteistöhuolto Laine Oy' });
  });

  it('reads a reply to the sender\'s own earlier message with that message, its lines first', () => {
    const text = [
      'Hej igen,',
      '',
      'glömde ett par saker i gårdagens lista, lägg till:',
      '10 m kopparrör 22 mm hårt',
      '',
      'Hälsningar',
      'Jonas Ek',
      '',
      'ons 4 nov. 2026 kl. 20:42 skrev Jonas Ek <jonas.ek.vvs@gmail.com>:',
      '',
      '> Kan jag få pris på följande:',
      '>',
      '> 1 st säkerhetsventil 1/2" 2,5 bar',
      '>',
      '> Hälsningar',
      '> Jonas Ek',
    ].join('\n');
    expect(splitBody(text, 'Jonas.Ek.VVS@gmail.com')).toEqual({
      body: 'Kan jag få pris på följande:\n\n1 st säkerhetsventil 1/2" 2,5 bar\n\nHej igen,\n\nglömde ett par saker i gårdagens lista, lägg till:\n10 m kopparrör 22 mm hårt',
      signature: 'Hälsningar\nJonas Ek',
    });
    expect(splitBody(text, 'mikko.lehtonen@teknotukku.fi').body).not.toContain('säkerhetsventil');
    expect(splitBody(text).body).not.toContain('säkerhetsventil');
  });

  it('leaves an empty body when the mail only forwards an earlier message', () => {
    const text = '---------- Forwarded message ---------\nFrom: Antti Koskinen <antti@koskinen.fi>\nPalloventtiili DN20 6 kpl';
    expect(splitBody(text)).toEqual({ body: '', signature: '' });
  });
});

describe('splitBody: the signature is separated', () => {
  const items = 'Hei,\n\nKupariputki 22x1,0 kova 60 m\nPuristuskulma 90° 22 mm 24 kpl';

  it.each([
    ['Ystävällisin terveisin', 'Ystävällisin terveisin\nMatti Virtanen\nPutkityö Virtanen Oy\nY-tunnus 5056401-5'],
    ['Terveisin', 'Terveisin\nVille Korhonen\nLVI-Asennus Korhonen Oy'],
    ['Med vänliga hälsningar', 'Med vänliga hälsningar\nAnders Lindqvist\nRör & Värme Lindqvist Ab'],
    ['Mvh', 'Mvh\nMats Holmberg\nElinstallation Holmberg Ab'],
    ['Best regards', 'Best regards,\nOskari Nurmi\nTurun Talotekniikka Oy'],
    ['Kind regards', 'Kind regards,\nEmma Wilson\nFacility Manager'],
    ['"-- " delimiter', '-- \nJari Mäkelä\n040 123 4567'],
    ['mobile footer', 'Lähetetty iPhonesta'],
    ['English mobile footer', 'Sent from my iPhone'],
  ])('%s', (_marker, signature) => {
    expect(splitBody(`${items}\n\n${signature}\n`)).toEqual({ body: items, signature: signature.trim() });
  });

  it('gives an empty signature when there is none', () => {
    expect(splitBody(`${items}\n\nToimitus Tampereelle viikolla 50.\n`)).toEqual({ body: `${items}\n\nToimitus Tampereelle viikolla 50.`, signature: '' });
  });

  it('treats CRLF text like LF text', () => {
    const text = 'Hei,\r\nKupariputki 22x1,0 kova 60 m\r\n\r\nTerveisin\r\nMatti\r\n\r\nLähettäjä: Mikko <mikko@seller.fi>\r\nvanha rivi\r\n';
    expect(splitBody(text)).toEqual({ body: 'Hei,\nKupariputki 22x1,0 kova 60 m', signature: 'Terveisin\nMatti' });
  });

  it('does not mistake an item line that starts with a closing word for a signature', () => {
    const text = 'Hei,\nKiitos nopeasta vastauksesta, tarvitsemme vielä:\nTerassiruuvi 4,2x55 2 ltk\n\nTerveisin\nSami';
    expect(splitBody(text).body).toBe('Hei,\nKiitos nopeasta vastauksesta, tarvitsemme vielä:\nTerassiruuvi 4,2x55 2 ltk');
  });
});
