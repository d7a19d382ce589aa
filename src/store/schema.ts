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

export interface PhraseMemoryTable {
  id: Generated<number>;
  /** A customer number, or EVERYONE for what holds for all customers. */
  customer_number: string;
  kind: 'phrase' | 'code';
  key: string;
  sku: string;
  corrections: number;
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

export interface StoreSchema {
  runs: RunTable;
  phrase_memory: PhraseMemoryTable;
  jobs: JobTable;
  notifications: NotificationTable;
  offer_creations: OfferCreationTable;
}
