import { hostname } from 'node:os';
import { failureOf } from '../domain/failure.js';
import type { Logger } from 'pino';
import { mailLimitsOf, openApp, type App } from '../app/open-app.js';
import type { Config } from '../config/config.js';
import { MailboxPoller } from '../email/mailbox-poller.js';
import { openMailSource } from '../email/sources/open-source.js';
import type { RetryPolicy } from '../queue/job-queue.js';
import type { Clock } from '../time/clock.js';
import { runJob } from '../queue/run-job.js';
import { Worker } from '../queue/worker.js';
import { startHttp, type Check } from './http.js';
import { instrumentErp } from './instrument-erp.js';
import { ServiceMetrics } from './metrics.js';
import { notifyRun, type RunNotifier } from '../notify/notify-run.js';
import { SmtpNotifier } from '../notify/smtp-notifier.js';
import { ReviewService } from '../review/review-service.js';
import { CustomerReplies } from '../answer/customer-replies.js';
import { takeAnswer } from '../answer/answer-intake.js';
import { replyTransportsOf } from '../app/reply-transports.js';
import { registerWorkspace } from '../web/workspace.js';
import { scheduleReadBack, type ReadBackSchedule } from './read-back-schedule.js';
import type { PassOutcome } from '../learning/leased-pass.js';

export interface RunningService {
  port: number;
  /** Stops taking mail and jobs, finishes the runs in hand, and closes everything. */
  stop(): Promise<void>;
}

/** An idle worker looks for jobs at least this often, however long the mailbox poll interval. */
const WORKER_POLL_MS = 1_000;

function retryPolicyOf(config: Config): RetryPolicy {
  const { maxAttempts, retryBaseSeconds, retryMaxSeconds, leaseSeconds } = config.service;
  return { maxAttempts, baseDelayMs: retryBaseSeconds * 1000, maxDelayMs: retryMaxSeconds * 1000, leaseMs: leaseSeconds * 1000 };
}

const messageOf = (error: unknown) => failureOf(error).message;

/**
 * The catalog as readiness sees it. Asking also starts a load that is due, so a service whose
 * ERP was down at start heals without waiting for mail.
 */
function catalogReadiness(app: App): string {
  app.warmCatalog();
  const state = app.catalogState();
  switch (state.status) {
    case 'ready': {
      const age = `${Math.round(state.ageMs / 1000)} s old`;
      return state.refreshFailed ? `ready: ${state.products} products, ${age}; the last refresh failed (${state.refreshFailed.reason})` : `ready: ${state.products} products, ${age}`;
    }
    case 'failed':
      throw new Error(`not loaded: ${state.reason}; tried again at ${state.retryAt}`);
    default:
      throw new Error(state.status);
  }
}

/** What a pass of reading ERP offers back did, for the log and /metrics. */
function reportReadBack(outcome: PassOutcome, log: Logger, metrics: ServiceMetrics): void {
  if (outcome.kind === 'held') return log.info({ holder: outcome.holder, until: outcome.until }, 'ERP read-back: another process is at it');
  if (outcome.kind === 'recent') return log.info({ at: outcome.at }, 'ERP read-back: a pass ended recently');
  const { read, learned, failed, stoppedShort } = outcome.summary;
  metrics.readBack(read, learned.length, failed.length);
  for (const l of learned) log.info({ runId: l.runId, offerNumber: l.offerNumber, position: l.position, customer: l.customerNumber, from: l.from, to: l.to }, 'learned from the ERP offer');
  for (const f of failed) log.warn({ runId: f.runId, error: f.error }, 'ERP read-back: offer not read');
  log.info({ read, learned: learned.length, failed: failed.length, stoppedShort }, 'ERP read-back done');
}

export interface ServiceOptions {
  port: number;
  host: string;
  log: Logger;
  /** Work the queue only, leaving the mailboxes to other processes. */
  withoutMailboxes?: boolean;
  clock: Clock;
  /** Serve only the health endpoints, not the workspace. */
  withoutUi?: boolean;
}

/**
 * `offerflow serve`: pollers take mail in as queued runs, workers run them, and the HTTP
 * endpoints tell whether all of it is well. Any number of these processes can share one
 * PostgreSQL store; on the embedded SQLite store they share one machine.
 */
export async function startService(config: Config, options: ServiceOptions): Promise<RunningService> {
  const { log } = options;
  const service = new ServiceMetrics();
  const { clock } = options;
  const app = await openApp(config, {
    clock,
    wrapErp: (erp) => instrumentErp(erp, (call, seconds, failed) => service.erpCall(call, seconds, failed), clock),
    onCatalogSnapshot: (event) => log.info({ snapshot: event }, 'catalog snapshot'),
  });
  const policy = retryPolicyOf(config);
  const queue = app.jobs(policy);
  service.watchQueue(() => queue.counts());
  const runner = app.runner({ dryRun: false });
  const smtp = config.notifications ? new SmtpNotifier(config.notifications) : null;
  const notifier: RunNotifier | null = smtp && {
    runs: app.runs,
    log: app.notifications,
    send: (notification) => smtp.send(notification),
    fallbackTo: config.notifications?.fallbackTo ?? null,
  };
  const modes = new Map(config.mailboxes.map((m) => [m.name, m.mode]));
  const replyTransports = replyTransportsOf(config, clock);
  const replies = new CustomerReplies({
    replies: app.replies,
    questions: app.questions,
    documents: app.erp.documents,
    letterhead: config.letterhead,
    mailboxes: new Map(config.mailboxes.map((m) => [m.name, { mode: m.mode, replies: m.replies, transport: replyTransports.of(m.name) }])),
  });
  const run = runJob(runner, (result, runId) => {
    service.run(result);
    log.info({ runId, status: result.status, offerNumber: result.offerNumber, warnings: result.warnings.length }, 'run finished');
  });
  const review = new ReviewService(runner, app.erp, app.memory, app.parties, clock, replies);
  const answers = { runs: app.runs, runner, review, replies };
  const worker = new Worker(
    queue,
    async (job) => {
      if (await takeAnswer(answers, job.runId)) {
        log.info({ runId: job.runId }, "the customer's answer, taken to the run that asked");
        return;
      }
      await run(job);
      const finished = await app.runs.get(job.runId);
      const replied = finished && (await replies.afterRun(finished));
      if (replied) log.info({ runId: job.runId, reply: replied.kind }, 'offer sent to the customer');
      if (!notifier) return;
      const outcome = await notifyRun(notifier, job.runId, modes.get(job.mailbox) ?? 'review');
      if (outcome === 'sent' || outcome === 'no recipient') log.info({ runId: job.runId, outcome }, 'notification');
    },
    { name: `${hostname()}:${process.pid}`, concurrency: config.service.workers, pollMs: Math.min(WORKER_POLL_MS, config.service.pollSeconds * 1000), leaseMs: policy.leaseMs, clock },
    {
      taken: (job) => log.info({ runId: job.runId, mailbox: job.mailbox, attempts: job.attempts }, 'working on run'),
      failed: (job, outcome, failure) => {
        service.runFailed(failure.code, outcome);
        log.warn({ runId: job.runId, mailbox: job.mailbox, attempts: job.attempts, outcome, code: failure.code, error: failure.message }, outcome === 'dead' ? 'run gave up: dead letter' : 'run failed; will retry');
      },
      lost: (job) => log.warn({ runId: job.runId, mailbox: job.mailbox }, 'lease lost while working: another worker has the run'),
      queueError: (error) => log.error({ error: messageOf(error) }, 'queue unreachable'),
    },
  );
  const pollers = (options.withoutMailboxes ? [] : config.mailboxes).map(
    (mailbox) =>
      new MailboxPoller(
        mailbox,
        openMailSource(mailbox, clock),
        { accept: (raw, processOptions) => runner.accept(raw, processOptions), isFinished: (runId) => runner.isFinished(runId), queue, queuedWork: () => worker.nudge() },
        config.service.pollSeconds * 1000,
        {
          queued: (name, runId, mailId) => {
            service.mailSeen(name);
            log.info({ mailbox: name, runId, mailId }, 'mail queued');
          },
          done: (name, mailId) => log.info({ mailbox: name, mailId }, 'mail done'),
          error: (name, error, mailId) => {
            service.mailboxError(name);
            log.error({ mailbox: name, mailId, error: messageOf(error) }, mailId ? 'mail could not be taken in' : 'mailbox unreachable');
          },
        },
      ),
  );
  const checks: Record<string, Check> = {
    store: app.checkStore,
    catalog: async () => catalogReadiness(app),
    queue: async () => void (await queue.counts()),
    erp: () => app.erp.check(),
    ...(smtp ? { smtp: () => smtp.check() } : {}),
    ...Object.fromEntries(pollers.map((p) => [`mailbox:${p.mailbox.name}`, () => p.source.check()])),
  };
  const { web } = config;
  const workspace = {
    accounts: app.accounts,
    publicUrl: web.publicUrl,
    defaultLanguage: web.defaultLanguage,
    runs: app.runs,
    review,
    replies,
    parties: { customers: app.erp.customers, persons: app.erp.persons },
    catalogSearch: (query: string, limit: number) => app.catalogSearch.search(query, limit),
    timeZone: config.timeZone,
    mailLimits: mailLimitsOf(config),
    clock,
  };
  const http = await startHttp({
    port: options.port,
    host: options.host,
    checks,
    registry: service.registry,
    trustProxy: web.behindProxy,
    extend: options.withoutUi ? undefined : (server) => registerWorkspace(server, workspace),
  });
  app.warmCatalog();
  // A catalog that cannot be loaded is readiness's to report; searches say 'not_ready' meanwhile.
  if (!options.withoutUi) app.catalogSearch.warm().catch(() => undefined);
  worker.start();
  for (const poller of pollers) poller.start();
  const { readBackDays, readBackHours } = config.learning;
  const readBack: ReadBackSchedule | null =
    readBackHours > 0
      ? scheduleReadBack(app, { days: readBackDays, everyMs: readBackHours * 3_600_000, clock }, {
          passed: (outcome) => reportReadBack(outcome, log, service),
          failed: (error) => {
            service.readBackFailed();
            log.error({ error: messageOf(error) }, 'ERP read-back failed; the next pass comes as planned');
          },
        })
      : null;
  log.info({ port: http.port, erp: config.erp.type, mailboxes: config.mailboxes.map((m) => `${m.name} (${m.mode})`), workers: config.service.workers, workspace: !options.withoutUi }, 'offerflow serving');
  return {
    port: http.port,
    async stop() {
      log.info('stopping: no new mail or jobs; finishing the runs in hand');
      await Promise.all(pollers.map((p) => p.stop()));
      await readBack?.stop();
      await worker.stop();
      await http.close();
      smtp?.close();
      replyTransports.close();
      await app.close();
      log.info('stopped');
    },
  };
}
