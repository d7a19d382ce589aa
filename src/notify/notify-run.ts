import { modeRules, type MailboxMode } from '../domain/mailbox-mode.js';
import type { RunStore } from '../workflow/run-store.js';
import type { NotificationLog } from './notification-log.js';
import { offerNotification, type Notification } from './offer-notification.js';
import { languageFor } from './texts.js';

export interface RunNotifier {
  runs: RunStore;
  log: NotificationLog;
  send(notification: Notification): Promise<void>;
  /** Who hears of a run whose salesperson is unknown; nobody when null. */
  fallbackTo: string | null;
}

export type NotifyOutcome = 'sent' | 'not needed' | 'already sent' | 'no recipient';

/**
 * Tells the salesperson of a finished run, once, if the mailbox's mode notifies at all (shadow
 * does not); mails that were not requests tell nobody. A failed send throws, so the job is retried and the mail goes out later.
 */
export async function notifyRun(notifier: RunNotifier, runId: number, mode: MailboxMode): Promise<NotifyOutcome> {
  if (!modeRules(mode).notifies) return 'not needed';
  const run = await notifier.runs.get(runId);
  if (!run || (run.status !== 'created' && run.status !== 'needs_review')) return 'not needed';
  if (await notifier.log.wasSent(runId)) return 'already sent';
  const to = run.context.salesperson?.email ?? notifier.fallbackTo;
  if (!to) return 'no recipient';
  await notifier.send(offerNotification({ runId, context: run.context, status: run.status, mode, language: languageFor(run.context.salesperson?.language), to }));
  await notifier.log.record(runId, to);
  return 'sent';
}
