/**
 * The mail left the mailbox between listing and reading: another process watching the same
 * mailbox took it and moved it on. Not an error: that process has it.
 */
export class MailGone extends Error {
  override name = 'MailGone';
}

/** One mail as a mailbox holds it: its id there, and its bytes, fetched only when asked for. */
export interface SourceMail {
  id: string;
  raw(): Promise<Buffer>;
}

/**
 * A mailbox Offerflow watches: a folder of .eml files, an IMAP folder, a Microsoft 365
 * mailbox. A mail stays where it is until `markDone`, which the service calls only after the
 * mail's run is finished and stored, so a crash in between means the mail is seen again.
 */
export interface MailSource {
  /** The mails waiting, oldest first. */
  list(): Promise<SourceMail[]>;
  markDone(id: string): Promise<void>;
  /** Mailboxes that can announce new mail (IMAP IDLE) call this then; the others are polled. */
  watch?(onNewMail: () => void): void;
  /** Throws, saying why, when the mailbox cannot be reached. */
  check(): Promise<void>;
  close(): Promise<void>;
}
