export type PrintedBy = 'erp' | 'offerflow';

/** Where a run's reply to the customer stands: being sent (its fate unknown if this outlives the attempt), or sent. */
export interface ReplyRecord {
  runId: number;
  messageId: string;
  recipient: string;
  /** Whose PDF the reply carries: the ERP's own print of the offer, or Offerflow's. */
  printedBy: PrintedBy;
  state: 'sending' | 'sent';
  beganAt: string;
  sentAt: string | null;
}

/**
 * The one reply of each run, so that a retried job never mails the customer twice. A reply is
 * claimed before it is sent; a claim left `sending` by an attempt that died is never sent again
 * on its own, since the mail may have gone out: the salesperson is told to check.
 */
export interface ReplyLog {
  /** Claims the run's reply; false when an attempt already claimed or sent it. */
  begin(runId: number, messageId: string, recipient: string, printedBy: PrintedBy): Promise<boolean>;
  sent(runId: number): Promise<void>;
  /** The mail server refused the mail outright, so it did not go out: the claim is dropped for a retry. */
  abandon(runId: number): Promise<void>;
  get(runId: number): Promise<ReplyRecord | null>;
}
