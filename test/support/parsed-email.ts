import type { ParsedEmail } from '../../src/email/parsed-email.js';

export function parsedEmail(overrides: Partial<ParsedEmail> = {}): ParsedEmail {
  return { messageId: null, inReplyTo: null, references: [], subject: '', date: null, from: null, replyTo: null, to: [], cc: [], text: '', attachments: [], automated: null, ...overrides };
}
