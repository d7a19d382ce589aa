import type { Generated } from 'kysely';

export interface RunTable {
  id: Generated<number>;
  mailbox: string;
  message_id: string;
  status: string;
  subject: string;
  raw_email: Buffer;
  context: string;
  created_at: string;
  updated_at: string;
  claim_token: Generated<number>;
  claimed_by: string | null;
  claimed_until: string | null;
}

/** Each run's inbox summary (src/workflow/run-summary.ts), written in the same transaction as the run. */
export interface RunSummaryTable {
  run_id: number;
  status: string;
  subject: string;
  mailbox: string;
  sender_address: string | null;
  sender_name: string | null;
  customer_number: string | null;
  customer_name: string | null;
  salesperson_number: string | null;
  salesperson_name: string | null;
  received_at: string;
  /** 1 or 0: one integer type on both databases. */
  needs_review: number;
  /** JSON: the summary's problems, each code with its count. */
  problems: string;
  /** What the free search looks in, folded once on writing (`searchTextOf`). */
  search_text: string;
  updated_at: string;
  /** Grows by one with every write: what the inbox's version sums, as clocks of several machines cannot be compared to the millisecond. */
  revision: Generated<number>;
}

export interface PhraseMemoryTable {
  id: Generated<number>;
  /** A customer number, or EVERYONE for what holds for all customers. */
  customer_number: string;
  kind: 'phrase' | 'code';
  key: string;
  sku: string;
  corrections: number;
  updated_at: string;
  /** Who taught the row; null for imported part numbers and rows from before 0010_learning. */
  taught_by_id: string | null;
  taught_by_name: string | null;
}

/** The customer a reviewer chose for mail from an address; `domain` is the address's, to read what a domain says. */
export interface SenderCustomerTable {
  address: string;
  domain: string;
  customer_number: string;
  taught_by_id: string;
  taught_by_name: string;
  updated_at: string;
}

/** The salesperson a reviewer chose for a customer's offers. */
export interface CustomerSalespersonTable {
  customer_number: string;
  person_number: string;
  taught_by_id: string;
  taught_by_name: string;
  updated_at: string;
}

export interface JobTable {
  id: Generated<number>;
  run_id: number;
  mailbox: string;
  status: 'queued' | 'active' | 'done' | 'dead';
  attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  last_error_code: string | null;
  /** Times the job was taken again because its worker's lease ran out while it worked. */
  stalls: Generated<number>;
  updated_at: string;
}

export interface NotificationTable {
  run_id: number;
  recipient: string;
  sent_at: string;
}

export interface OfferCreationTable {
  reference: string;
  offer_number: number | null;
  started_at: string;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  language: string;
  person_number: string | null;
  /** scrypt, with its salt and costs; null until the user follows their set-password link. */
  password_hash: string | null;
  created_at: string;
  updated_at: string;
}

/** Each `token_hash` is the SHA-256 of a secret given out once; the secret itself is never stored. */
export interface PasswordLinkTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  token_hash: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** Sign-in attempts per account or address, counted in fixed windows. */
export interface LoginAttemptTable {
  key: string;
  attempts: number;
  window_started_at: string;
}

/** Per run, what reading its ERP offer back has taught (src/learning/ports.ts). */
export interface OfferReadBackTable {
  run_id: number;
  offer_number: string;
  written: string;
  /** JSON: position → sku. */
  learned: string;
  read_at: string;
}

/** Named work only one process does at a time, with the runs' claim columns; `done_at`: when it last ended whole. */
export interface LeaseTable {
  name: string;
  claim_token: number;
  claimed_by: string | null;
  claimed_until: string | null;
  done_at: string | null;
}

/** The one reply per run that carries its offer to the customer: claimed before it is sent, marked once the server took it. */
export interface CustomerReplyTable {
  run_id: number;
  message_id: string;
  recipient: string;
  printed_by: 'erp' | 'offerflow';
  state: 'sending' | 'sent';
  began_at: string;
  sent_at: string | null;
}

/** Questions about a run's lines, mailed to its customer; `questions`: JSON of LineQuestion[]. */
export interface CustomerQuestionTable {
  message_id: string;
  run_id: number;
  recipient: string;
  questions: string;
  state: 'sending' | 'sent' | 'answered';
  began_at: string;
  sent_at: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface StoreSchema {
  runs: RunTable;
  run_summaries: RunSummaryTable;
  phrase_memory: PhraseMemoryTable;
  sender_customers: SenderCustomerTable;
  customer_salespersons: CustomerSalespersonTable;
  jobs: JobTable;
  notifications: NotificationTable;
  customer_replies: CustomerReplyTable;
  customer_questions: CustomerQuestionTable;
  offer_creations: OfferCreationTable;
  users: UserTable;
  password_links: PasswordLinkTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_attempts: LoginAttemptTable;
  offer_read_backs: OfferReadBackTable;
  leases: LeaseTable;
}
