import type { MailboxConfig } from '../../config/config.js';
import type { Clock } from '../../time/clock.js';
import type { MailSource } from '../mail-source.js';
import { DirectorySource } from './directory-source.js';
import { GraphSource } from './graph-source.js';
import { ImapSource } from './imap-source.js';

/** A Graph mailbox's client secret, from the config or the environment variable it names. */
export function graphSecretOf(mailbox: Extract<MailboxConfig, { type: 'graph' }>, env: NodeJS.ProcessEnv = process.env): string {
  const secret = mailbox.clientSecret ?? env[mailbox.clientSecretEnv!];
  if (!secret) throw new Error(`mailbox ${mailbox.name}: environment variable ${mailbox.clientSecretEnv} is not set`);
  return secret;
}

export function openMailSource(mailbox: MailboxConfig, clock: Clock, env: NodeJS.ProcessEnv = process.env): MailSource {
  switch (mailbox.type) {
    case 'directory':
      return new DirectorySource(mailbox.path, mailbox.doneFolder, clock);
    case 'imap': {
      const password = mailbox.password ?? env[mailbox.passwordEnv!];
      if (!password) throw new Error(`mailbox ${mailbox.name}: environment variable ${mailbox.passwordEnv} is not set`);
      return new ImapSource({ ...mailbox, password });
    }
    case 'graph':
      return new GraphSource({ ...mailbox, clientSecret: graphSecretOf(mailbox, env) }, clock);
  }
}
