import type { LineQuestion } from './line-question.js';

/** Questions sent in one mail about one run, and what came of them. */
export interface QuestionRecord {
  messageId: string;
  runId: number;
  recipient: string;
  questions: LineQuestion[];
  state: 'sending' | 'sent' | 'answered';
  sentAt: string | null;
  /** The key of the customer's mail that answered them. */
  answeredBy: string | null;
}

/**
 * The question mails of every run, by their Message-ID: an answer is found by the ids its
 * In-Reply-To and References carry, in whichever mailbox it arrives. Claimed before it is
 * sent, as a reply is (see ReplyLog), so that a retried action never asks twice.
 */
export interface QuestionLog {
  begin(record: Pick<QuestionRecord, 'messageId' | 'runId' | 'recipient' | 'questions'>): Promise<boolean>;
  sent(messageId: string): Promise<void>;
  abandon(messageId: string): Promise<void>;
  get(messageId: string): Promise<QuestionRecord | null>;
  /** The sent questions one of these ids names, oldest first. */
  askedIn(messageIds: string[]): Promise<QuestionRecord[]>;
  forRun(runId: number): Promise<QuestionRecord[]>;
  /** Once per question mail: false when another mail already answered it. */
  answered(messageId: string, by: string): Promise<boolean>;
}
