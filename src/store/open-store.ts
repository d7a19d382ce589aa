import { join } from 'node:path';
import type { AccountStores } from '../accounts/ports.js';
import type { OfferCreationJournal } from '../erp/lemonsoft/offer-creation-journal.js';
import type { PartyMemory } from '../learning/party-memory.js';
import type { PassLease, ReadBackLog } from '../learning/ports.js';
import type { PhraseMemory } from '../matching/phrase-memory.js';
import type { NotificationLog } from '../notify/notification-log.js';
import type { JobQueue, RetryPolicy } from '../queue/job-queue.js';
import type { Clock } from '../time/clock.js';
import type { RunStore } from '../workflow/run-store.js';
import { storeMigrations, type StoreDialect } from './migrations.js';
import type { StoreSchema } from './schema.js';
import { KyselyApiTokenStore } from './kysely-api-tokens.js';
import { KyselyLoginAttemptStore } from './kysely-login-attempts.js';
import { KyselyNotificationLog } from './kysely-notification-log.js';
import { KyselyOfferJournal } from './kysely-offer-journal.js';
import { KyselyPartyMemory } from './kysely-party-memory.js';
import { KyselyPasswordLinkStore } from './kysely-password-links.js';
import { KyselyPhraseMemory } from './kysely-phrase-memory.js';
import { KyselyPassLease, KyselyReadBackLog } from './kysely-read-backs.js';
import { KyselyRunStore } from './kysely-run-store.js';
import { KyselyReplyLog } from './kysely-reply-log.js';
import { KyselyQuestionLog } from './kysely-question-log.js';
import type { QuestionLog } from '../answer/question-log.js';
import type { ReplyLog } from '../answer/reply-log.js';
import { KyselySessionStore } from './kysely-sessions.js';
import { KyselyUserStore } from './kysely-users.js';
import { SqlJobQueue } from './sql-job-queue.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';

/** Offerflow's own data (runs, learned matches), apart from any ERP's: each part by the port it serves. */
export interface Store {
  runs: RunStore;
  memory: PhraseMemory;
  /** Which customer a sender writes for, and who serves a customer, as reviewers taught. */
  parties: PartyMemory;
  notifications: NotificationLog;
  replies: ReplyLog;
  questions: QuestionLog;
  offerJournal: OfferCreationJournal;
  /** What reading ERP offers back taught, and the lease one process at a time does a pass under. */
  readBacks: ReadBackLog;
  readBackLease: PassLease;
  /** The workspace's users, their sessions and set-password links, API tokens, sign-in attempts. */
  accounts: AccountStores;
  /** The job queue, in the same database as the runs. */
  /** `random` draws the retry delays' jitter. */
  jobs(policy: RetryPolicy, random?: () => number): JobQueue;
  /** Throws when the database cannot be reached. */
  check(): Promise<void>;
  close(): Promise<void>;
}

export function storeFile(dataDir: string): string {
  return join(dataDir, 'offerflow.sqlite');
}

/**
 * The embedded SQLite file in the data directory, or PostgreSQL when a database URL is given:
 * the same tables and the same code either way.
 */
export async function openStore(dataDir: string, databaseUrl: string | null, clock: Clock): Promise<Store> {
  const dialect: StoreDialect = databaseUrl ? 'postgres' : 'sqlite';
  const db = databaseUrl
    ? await openPostgres<StoreSchema>(databaseUrl, storeMigrations(dialect))
    : await openSqlite<StoreSchema>(storeFile(dataDir), storeMigrations(dialect));
  const runs = new KyselyRunStore(db, clock);
  await runs.backfillSummaries().catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  return {
    runs,
    memory: new KyselyPhraseMemory(db, clock),
    parties: new KyselyPartyMemory(db, clock),
    notifications: new KyselyNotificationLog(db, clock),
    replies: new KyselyReplyLog(db, clock),
    questions: new KyselyQuestionLog(db, clock),
    offerJournal: new KyselyOfferJournal(db),
    readBacks: new KyselyReadBackLog(db),
    readBackLease: new KyselyPassLease(db, 'erp_read_back'),
    accounts: {
      users: new KyselyUserStore(db),
      passwordLinks: new KyselyPasswordLinkStore(db),
      sessions: new KyselySessionStore(db),
      apiTokens: new KyselyApiTokenStore(db),
      loginAttempts: new KyselyLoginAttemptStore(db),
    },
    jobs: (policy, random) => new SqlJobQueue(db, dialect, policy, clock, random),
    check: async () => {
      await db.selectFrom('runs').select('id').limit(1).execute();
    },
    close: () => db.destroy(),
  };
}
