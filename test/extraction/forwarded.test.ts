import { describe, expect, it } from 'vitest';
import { addressIn, forwardedMessage } from '../../src/extraction/forwarded.js';

describe('forwardedMessage', () => {
  it('unwraps a Gmail forward: the original sender and text', () => {
    const text = [
      'Voitko tarjota?',
      '',
      '---------- Forwarded message ---------',
      'From: Matti Putkinen <matti@putki.fi>',
      'Date: Mon, 23 Nov 2026 at 16.12',
      'Subject: Putket',
      'To: <mikko@seller.fi>',
      '',
      'Kupariputki 22x1,0 kova 30 m',
    ].join('\n');

    expect(forwardedMessage(text, 'Fwd: Putket')).toEqual({
      from: { address: 'matti@putki.fi', name: 'Matti Putkinen' },
      subject: 'Putket',
      text: 'Kupariputki 22x1,0 kova 30 m',
    });
  });

  it.each([
    ['FW: Offertförfrågan', 'Från: Anders Lindqvist [mailto:anders@rorvarme.fi]\nSkickat: den 23 november 2026\nÄmne: Offertförfrågan'],
    ['VL: Tarjouspyyntö', 'Lähettäjä: Anders Lindqvist <anders@rorvarme.fi>\nLähetetty: 23.11.2026\nAihe: Tarjouspyyntö'],
    ['VB: Tarjouspyyntö', '-----Alkuperäinen viesti-----\nLähettäjä: anders@rorvarme.fi\nAihe: Tarjouspyyntö'],
  ])('unwraps an Outlook forward under the subject %j', (subject, header) => {
    const forwarded = forwardedMessage(`Ole hyvä\n\n${header}\n\n10 st MMJ 3x1,5S`, subject);
    expect(forwarded?.from?.address).toBe('anders@rorvarme.fi');
    expect(forwarded?.text).toBe('10 st MMJ 3x1,5S');
  });

  it('unwraps a forward written as a reply: an attribution over a quoted message', () => {
    const text = 'Could you quote the items below?\n\nLiam\n\nOn Mon, 16 Nov 2026 07:52, Kevin Doyle <kevin@harbourfm.fi> wrote\n\n> Liam, for stairwell A:\n>\n> hand shower chrome x6\n>\n> Kevin';
    expect(forwardedMessage(text, 'Fw: bathroom parts')).toEqual({
      from: { address: 'kevin@harbourfm.fi', name: 'On Mon, 16 Nov 2026 07:52, Kevin Doyle' },
      subject: null,
      text: 'Liam, for stairwell A:\n\nhand shower chrome x6\n\nKevin',
    });
  });

  it.each([
    ['RE: Tarjous 10412', 'Kiitos!\n\nLähettäjä: Mikko <mikko@seller.fi>\nAihe: Tarjous 10412\n\nKupariputki 22x1,0 kova 30 m'],
    ['RE: Offer', 'Thanks!\n\n-----Original Message-----\nFrom: Mikko <mikko@seller.fi>\n\nKupariputki 22x1,0 kova 30 m'],
    ['VS: Tarjous 10412', 'Kiitos!\n\nLähettäjä: Mikko <mikko@seller.fi>\nLähetetty: 17.11.2026\nAihe: Tarjous 10412\n\nKupariputki 22x1,0 kova 30 m'],
  ])('does not take a quoted reply (%j) for a forward', (subject, text) => {
    expect(forwardedMessage(text, subject)).toBeNull();
  });
});

describe('addressIn', () => {
  it.each([
    ['Matti Putkinen <Matti@Putki.fi>', { address: 'matti@putki.fi', name: 'Matti Putkinen' }],
    ['"Putkinen, Matti" [mailto:matti@putki.fi]', { address: 'matti@putki.fi', name: 'Putkinen, Matti' }],
    ['matti@putki.fi', { address: 'matti@putki.fi', name: '' }],
    ['Matti Putkinen', null],
  ])('%j', (text, expected) => {
    expect(addressIn(text)).toEqual(expected);
  });
});
