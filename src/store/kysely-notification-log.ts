import type { Kysely } from 'kysely';
import type { NotificationLog } from '../notify/notification-log.js';
import type { Clock } from '../time/clock.js';
import type { StoreSchema } from './schema.js';

export class KyselyNotificationLog implements NotificationLog {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock,
  ) {}

  async wasSent(runId: number): Promise<boolean> {
    return (await this.db.selectFrom('notifications').select('run_id').where('run_id', '=', runId).executeTakeFirst()) !== undefined;
  }

  async record(runId: number, recipient: string): Promise<void> {
    await this.db
      .insertInto('notifications')
      .values({ run_id: runId, recipient, sent_at: this.clock.now().toISOString() })
      .onConflict((oc) => oc.column('run_id').doNothing())
      .execute();
  }
}
