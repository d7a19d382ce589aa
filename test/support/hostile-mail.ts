import { randomBytes } from 'node:crypto';

/**
 * Mails built to hurt: made in the tests, never committed, as what matters about them is
 * their size and shape.
 */
const headers = (id: string, subject: string, contentType: string) => [
  'From: Matti Putkinen <matti@putki.fi>',
  'To: Mikko Myyjä <mikko@seller.fi>',
  `Subject: ${subject}`,
  `Message-ID: <${id}@putki.fi>`,
  'MIME-Version: 1.0',
  `Content-Type: ${contentType}`,
];

export function plainMail(id: string, body: string): Buffer {
  return Buffer.from([...headers(id, 'Tarjouspyyntö', 'text/plain; charset=UTF-8'), '', body, ''].join('\r\n'));
}

export function htmlMail(id: string, html: string): Buffer {
  return Buffer.from([...headers(id, 'Tarjouspyyntö', 'text/html; charset=UTF-8'), '', html, ''].join('\r\n'));
}

/** A request with `count` small CSV lists attached, each of one item. */
export function attachmentsMail(id: string, count: number): Buffer {
  const parts = Array.from({ length: count }, (_, i) => [
    '--b',
    `Content-Type: text/csv; name="lista-${i}.csv"`,
    `Content-Disposition: attachment; filename="lista-${i}.csv"`,
    '',
    `Kupariputki 15x1,0 kova;${i + 1};m`,
  ]).flat();
  return Buffer.from([...headers(id, 'Tarjouspyyntö, listat liitteenä', 'multipart/mixed; boundary="b"'), '', '--b', 'Content-Type: text/plain; charset=UTF-8', '', 'Hei, listat liitteenä.', ...parts, '--b--', ''].join('\r\n'));
}

/** The request of a known customer that every test seller can make an offer of. */
export function goodMail(id: string): Buffer {
  return plainMail(id, 'Hei,\r\n\r\ntarjousta pyytäisin:\r\nKupariputki 15x1,0 kova 10 m\r\nPalloventtiili DN20 2 kpl\r\n\r\nTerveisin\r\nMatti Putkinen\r\nPutki Oy');
}

export function notAnEmail(): Buffer {
  return randomBytes(4096);
}

const itemLines = (count: number) => Array.from({ length: count }, (_, i) => `Kupariputki 15x1,0 kova ${(i % 90) + 1} m`).join('\r\n');

/** Each case: what the mail is, and the mail. */
export const HOSTILE_MAILS: { name: string; mail: (id: string) => Buffer }[] = [
  { name: 'a line of 100,000 spaces', mail: (id) => plainMail(id, `Kupariputki${' '.repeat(100_000)}10 m`) },
  { name: 'a 1 MB line of dashes', mail: (id) => plainMail(id, '-'.repeat(1024 * 1024)) },
  { name: 'a 1 MB group of digits', mail: (id) => plainMail(id, `Kupariputki ${'1'.repeat(1024 * 1024)} m`) },
  { name: 'runs of spaces and dashes on short lines', mail: (id) => plainMail(id, Array.from({ length: 2_000 }, () => `${'- '.repeat(400)}x`).join('\r\n')) },
  { name: '900 KB of unclosed table rows', mail: (id) => htmlMail(id, '<table>' + '<tr><td>Kupariputki 15x1,0 kova<td>10 m'.repeat(900 * 1024 / 38)) },
  { name: 'unclosed script and style tags', mail: (id) => htmlMail(id, '<p>Hei</p>' + '<script>x<style>y'.repeat(50_000)) },
  { name: 'a single 2 MB line', mail: (id) => plainMail(id, `Kupariputki 15x1,0 kova 10 m ${'ja palloventtiili '.repeat(120_000)}`) },
  { name: '200,000 item lines', mail: (id) => plainMail(id, itemLines(200_000)) },
  { name: '5,000 attachments', mail: (id) => attachmentsMail(id, 5_000) },
  { name: 'no email at all', mail: () => notAnEmail() },
];
