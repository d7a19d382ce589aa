import type { MailboxConfig } from '../../config/config.js';
import type { MailSource } from '../mail-source.js';
import { DirectorySource } from './directory-source.js';

export function openMailSource(mailbox: MailboxConfig): MailSource {
  switch (mailbox.type) {
    case 'directory':
      return new DirectorySource(mailbox.path, mailbox.doneFolder);
  }
}
