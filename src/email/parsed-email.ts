export interface EmailAddress {
  address: string;
  name: string;
}

export interface AttachmentInfo {
  filename: string;
  contentType: string;
  size: number;
}

/** What the workflow keeps of an email: plain data, so a run can be stored and resumed. */
export interface ParsedEmail {
  messageId: string | null;
  /** The thread the mail answers: its In-Reply-To and References ids, oldest first. */
  inReplyTo: string | null;
  references: string[];
  subject: string;
  date: string | null;
  from: EmailAddress | null;
  replyTo: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  text: string;
  attachments: AttachmentInfo[];
  /** The header that shows a machine sent it (auto-reply, mailing list), or null. */
  automated: string | null;
}
