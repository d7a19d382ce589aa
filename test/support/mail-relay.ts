import { SMTPServer } from 'smtp-server';
import type { Dovecot } from './dovecot.js';

export interface MailRelay {
  port: number;
  /** How many mails the relay took, to every recipient. */
  accepted(): number;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on loopback that delivers what it takes into each recipient's mailbox on a
 * real IMAP server (Dovecot), as a mail provider would: what the customer then reads over IMAP
 * is what Offerflow sent over SMTP.
 */
export async function startMailRelay(dovecot: Dovecot): Promise<MailRelay> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const deliver = async () => {
          for (const recipient of session.envelope.rcptTo) {
            const client = await dovecot.client(recipient.address.toLowerCase());
            try {
              await client.append('INBOX', raw);
            } finally {
              await client.logout();
            }
          }
          accepted += 1;
        };
        deliver().then(() => callback(), (error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { port, accepted: () => accepted, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
