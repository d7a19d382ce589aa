import type { Kysely, Selectable } from 'kysely';
import type { RunKey, WorkflowContext } from '../workflow/context.js';
import type { RunStore, StoredRun, StoredRunStatus } from '../workflow/run-store.js';
import type { RunTable, StoreSchema } from './schema.js';

type RunRow = Omit<Selectable<RunTable>, 'raw_email'>;

const COLUMNS = ['id', 'mailbox', 'message_id', 'status', 'subject', 'context', 'created_at', 'updated_at'] as const;

function fromRow(row: RunRow): StoredRun {
  return {
    id: row.id,
    key: { mailbox: row.mailbox, messageId: row.message_id },
    status: row.status as StoredRunStatus,
    subject: row.subject,
    context: JSON.parse(row.context) as WorkflowContext,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class KyselyRunStore implements RunStore {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async findByKey(key: RunKey): Promise<StoredRun | null> {
    const row = await this.db
      .selectFrom('runs')
      .select(COLUMNS)
      .where('mailbox', '=', key.mailbox)
      .where('message_id', '=', key.messageId)
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async create(key: RunKey, rawEmail: Buffer, context: WorkflowContext): Promise<StoredRun> {
    const now = new Date().toISOString();
    const row = await this.db
      .insertInto('runs')
      .values({
        mailbox: key.mailbox,
        message_id: key.messageId,
        status: 'queued',
        subject: '',
        raw_email: rawEmail,
        context: JSON.stringify(context),
        created_at: now,
        updated_at: now,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return fromRow(row);
  }

  async save(id: number, status: StoredRunStatus, context: WorkflowContext): Promise<void> {
    await this.db
      .updateTable('runs')
      .set({ status, subject: context.email?.subject ?? '', context: JSON.stringify(context), updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async rawEmail(id: number): Promise<Buffer> {
    const row = await this.db.selectFrom('runs').select('raw_email').where('id', '=', id).executeTakeFirstOrThrow();
    return row.raw_email;
  }

  async get(id: number): Promise<StoredRun | null> {
    const row = await this.db.selectFrom('runs').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async list(limit: number): Promise<StoredRun[]> {
    const rows = await this.db.selectFrom('runs').select(COLUMNS).orderBy('id', 'desc').limit(limit).execute();
    return rows.map(fromRow);
  }
}
