import type { Kysely, Selectable } from 'kysely';
import type { LineQuestion } from '../answer/line-question.js';
import type { QuestionLog, QuestionRecord } from '../answer/question-log.js';
import type { Clock } from '../time/clock.js';
import type { CustomerQuestionTable, StoreSchema } from './schema.js';

const recordOf = (row: Selectable<CustomerQuestionTable>): QuestionRecord => ({
  messageId: row.message_id,
  runId: row.run_id,
  recipient: row.recipient,
  questions: JSON.parse(row.questions) as LineQuestion[],
  state: row.state,
  sentAt: row.sent_at,
  answeredBy: row.answered_by,
});

export class KyselyQuestionLog implements QuestionLog {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock,
  ) {}

  async begin(record: Pick<QuestionRecord, 'messageId' | 'runId' | 'recipient' | 'questions'>): Promise<boolean> {
    const inserted = await this.db
      .insertInto('customer_questions')
      .values({
        message_id: record.messageId,
        run_id: record.runId,
        recipient: record.recipient,
        questions: JSON.stringify(record.questions),
        state: 'sending',
        began_at: this.clock.now().toISOString(),
        sent_at: null,
        answered_by: null,
        answered_at: null,
      })
      .onConflict((oc) => oc.column('message_id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async sent(messageId: string): Promise<void> {
    await this.db.updateTable('customer_questions').set({ state: 'sent', sent_at: this.clock.now().toISOString() }).where('message_id', '=', messageId).where('state', '=', 'sending').execute();
  }

  async abandon(messageId: string): Promise<void> {
    await this.db.deleteFrom('customer_questions').where('message_id', '=', messageId).where('state', '=', 'sending').execute();
  }

  async get(messageId: string): Promise<QuestionRecord | null> {
    const row = await this.db.selectFrom('customer_questions').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    return row ? recordOf(row) : null;
  }

  async askedIn(messageIds: string[]): Promise<QuestionRecord[]> {
    if (messageIds.length === 0) return [];
    const rows = await this.db.selectFrom('customer_questions').selectAll().where('message_id', 'in', messageIds).where('state', '!=', 'sending').orderBy('began_at').execute();
    return rows.map(recordOf);
  }

  async forRun(runId: number): Promise<QuestionRecord[]> {
    return (await this.db.selectFrom('customer_questions').selectAll().where('run_id', '=', runId).orderBy('began_at').execute()).map(recordOf);
  }

  async answered(messageId: string, by: string): Promise<boolean> {
    const updated = await this.db
      .updateTable('customer_questions')
      .set({ state: 'answered', answered_by: by, answered_at: this.clock.now().toISOString() })
      .where('message_id', '=', messageId)
      .where('state', '=', 'sent')
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }
}
