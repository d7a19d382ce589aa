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
}

export interface StoreSchema {
  runs: RunTable;
}
