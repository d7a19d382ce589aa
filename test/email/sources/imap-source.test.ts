import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImapSource } from '../../../src/email/sources/imap-source.js';
import { startDovecot, IMAP_PASSWORD, type Dovecot } from '../../support/dovecot.js';
import { fixturePath } from '../../support/fixtures.js';

let dovecot: Dovecot;
let user: string;
let n = 0;

beforeAll(async () => {
  dovecot = await startDovecot();
});

afterAll(async () => {
  await dovecot.stop();
});

beforeEach(() => {
  n += 1;
  user = `rfq${n}@seller.fi`;
});

const source = () => new ImapSource({ host: '127.0.0.1', port: dovecot.port, secure: false, user, password: IMAP_PASSWORD, folder: 'INBOX', doneFolder: 'Processed' });

async function deliver(fixture: string, folder = 'INBOX'): Promise<void> {
  const client = await dovecot.client(user);
  await client.append(folder, readFileSync(fixturePath(`workflow/${fixture}`)));
  await client.logout();
}

async function folderCount(folder: string): Promise<number> {
  const client = await dovecot.client(user);
  const status = await client.status(folder, { messages: true }).catch(() => ({ messages: 0 }));
  await client.logout();
  return status.messages ?? 0;
}

describe('ImapSource against Dovecot', () => {
  it('lists the waiting mails byte for byte, oldest first, and moves a done one to the done folder', async () => {
    await deliver('rfq-known-customer.eml');
    await deliver('thanks.eml');
    const imap = source();

    const mails = await imap.list();
    expect(mails.map((m) => m.id)).toEqual(['1', '2']);
    expect((await mails[0]!.raw()).toString()).toBe(readFileSync(fixturePath('workflow/rfq-known-customer.eml')).toString().replace(/\r?\n/g, '\r\n'));

    await imap.markDone('1');
    expect((await imap.list()).map((m) => m.id)).toEqual(['2']);
    expect(await folderCount('Processed')).toBe(1);
    expect(await folderCount('INBOX')).toBe(1);
    await imap.close();
  });

  it('hears of new mail through IDLE, before the next poll', async () => {
    const imap = source();
    await imap.check();
    let told = 0;
    imap.watch(() => (told += 1));
    await deliver('thanks.eml');
    for (let i = 0; i < 100 && told === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(told).toBeGreaterThan(0);
    await imap.close();
  });

  it('connects again after the server drops the connection', async () => {
    await deliver('thanks.eml');
    const imap = source();
    expect(await imap.list()).toHaveLength(1);

    dovecot.kick(user);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await deliver('rfq-known-customer.eml');

    expect(await imap.list()).toHaveLength(2);
    await imap.close();
  });

  it('says why it is not ready when the login is refused', async () => {
    const imap = new ImapSource({ host: '127.0.0.1', port: dovecot.port, secure: false, user, password: 'wrong', folder: 'INBOX', doneFolder: 'Processed' });
    await expect(imap.check()).rejects.toThrow(new RegExp(`IMAP ${user}@127.0.0.1:${dovecot.port}`));
    await imap.close();
  });
});
