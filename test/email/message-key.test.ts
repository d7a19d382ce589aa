import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageKeyOf, threadIdsOf } from '../../src/email/message-key.js';
import { parseEmail } from '../../src/email/parse-email.js';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/email/${name}`, import.meta.url));
}

function withCrlf(raw: Buffer): Buffer {
  return Buffer.from(raw.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

describe('messageKeyOf with a Message-ID', () => {
  it.each([
    ['fi-plain-utf8.eml', '<5f1c9e2a-77b3-4d0e-9a51-rantanen-0042@LVI-Rantanen.fi>'],
    ['fi-latin1-qp.eml', '<000b01db3f2a$5c1e9d40$145bd7c0@sahkomakinen.fi>'],
    ['fi-outlook-html-table.eml', '<HE1PR0701MB2250A9C3D1E7@HE1PR0701MB2250.eurprd07.prod.outlook.com>'],
    ['en-with-attachments.eml', '<CAK3pZ7e1Nieminen-plantroom-0007@mail.kiinteistopalvelu-nieminen.fi>'],
  ])('keys %s by its Message-ID, the same one the parser reports', async (name, id) => {
    const raw = fixture(name);
    expect(messageKeyOf(raw)).toBe(id);
    expect((await parseEmail(raw)).email.messageId).toBe(id);
  });

  it('reads a Message-ID whose value is folded onto the next line', () => {
    expect(messageKeyOf(fixture('fi-folded-message-id.eml'))).toBe('<20261201091231.7c3e1f0a9b2d4e8f.ahonen-rfq@putkiahonen.fi>');
  });

  it('gives the same key whether the file has LF or CRLF line ends', () => {
    for (const name of ['fi-folded-message-id.eml', 'fi-plain-utf8.eml']) {
      const raw = fixture(name);
      expect(messageKeyOf(withCrlf(raw))).toBe(messageKeyOf(raw));
      expect(messageKeyOf(withCrlf(raw))).toMatch(/^<.+@.+>$/);
    }
  });

  it('does not care how the header name is capitalised', () => {
    const raw = fixture('fi-plain-utf8.eml').toString('utf8').replace('Message-ID:', 'Message-Id:');
    expect(messageKeyOf(Buffer.from(raw, 'utf8'))).toBe('<5f1c9e2a-77b3-4d0e-9a51-rantanen-0042@LVI-Rantanen.fi>');
  });
});

describe('messageKeyOf without a Message-ID', () => {
  it('keys the mail by the sha256 of its bytes', () => {
    const raw = fixture('sv-no-message-id.eml');
    expect(messageKeyOf(raw)).toBe(`sha256:${createHash('sha256').update(raw).digest('hex')}`);
  });

  it('gives the same key to the same bytes read again', () => {
    const first = fixture('sv-no-message-id.eml');
    const again = Buffer.from(fixture('sv-no-message-id.eml'));
    expect(messageKeyOf(again)).toBe(messageKeyOf(first));
  });

  it('gives a different key when the content differs', () => {
    const raw = fixture('sv-no-message-id.eml');
    const edited = Buffer.from(raw.toString('utf8').replace('30 m', '36 m'), 'utf8');
    expect(messageKeyOf(edited)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(messageKeyOf(edited)).not.toBe(messageKeyOf(raw));
  });

  it('does not take a Message-ID quoted in the body', () => {
    const raw = Buffer.from(`${fixture('sv-no-message-id.eml').toString('utf8')}\nMessage-ID: <forwarded-0001@rorvarme.fi>\n`, 'utf8');
    expect(messageKeyOf(raw)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('threadIdsOf', () => {
  it('reads the ids of In-Reply-To and References, folded or not, from the header block only', () => {
    const raw = Buffer.from('From: a@b.fi\r\nIn-Reply-To: <q-1@seller.fi>\r\nReferences: <rfq-1@putki.fi>\r\n <q-1@seller.fi>\r\nSubject: Re\r\n\r\nReferences: <in-the-body@x.fi>\r\n');
    expect(threadIdsOf(raw)).toEqual(['<q-1@seller.fi>', '<rfq-1@putki.fi>']);
  });

  it('finds none in a mail that answers nothing', () => {
    expect(threadIdsOf(Buffer.from('From: a@b.fi\n\nhello'))).toEqual([]);
  });
});
