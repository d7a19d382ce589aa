import { simpleParser, type ParsedMail } from 'mailparser';
import type { Dovecot } from './dovecot.js';

/** Every mail in the user's inbox on the IMAP server, as their mail program would read it. */
export async function imapInbox(dovecot: Dovecot, user: string): Promise<ParsedMail[]> {
  const client = await dovecot.client(user);
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const mails: ParsedMail[] = [];
      const exists = client.mailbox ? client.mailbox.exists : 0;
      if (exists > 0) for await (const message of client.fetch('1:*', { source: true })) mails.push(await simpleParser(message.source!));
      return mails;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}
