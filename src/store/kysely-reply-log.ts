import type { Kysely } from 'kysely';
import type { PrintedBy, ReplyLog, ReplyRecord } from '../answer/reply-log.js';
import type { Clock } from '../time/clock.js';
import type { StoreSchema } from './schema.js';

export class KyselyReplyLog implements ReplyLog {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock,
  ) {}

  async begin(runId: number, messageId: string, recipient: string, printedBy: PrintedBy): Promise<boolean> {
    const inserted = await this.db
      .insertInto('customer_replies')
      .values({ run_id: runId, message_id: messageId, recipient, printed_by: printedBy, state: 'sending', began_at: this.clock.now().toISOString(), sent_at: null })
      .onConflict((oc) => oc.column('run_id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async sent(runId: number): Promise<void> {
    await this.db.updateTable('customer_replies').set({ state: 'sent', sent_at: this.clock.now().toISOString() }).where('run_id', '=', runId).execute();
  }

  async abandon(runId: number): Promise<void> {
    await this.db.deleteFrom('customer_replies').where('run_id', '=', runId).where('state', '=', 'sending').execute();
  }

  async get(runId: number): Promise<ReplyRecord | null> {
    const row = await this.db.selectFrom('customer_replies').selectAll().where('run_id', '=', runId).executeTakeFirst();
    return row ? { runId: row.run_id, messageId: row.message_id, recipient: row.recipient, printedBy: row.printed_by, state: row.state, beganAt: row.began_at, sentAt: row.sent_at } : null;
  }
}
