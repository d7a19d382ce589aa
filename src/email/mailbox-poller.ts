import { modeRules, type MailboxMode } from '../domain/mailbox-mode.js';
import { Alarm } from '../queue/alarm.js';
import type { JobQueue } from '../queue/job-queue.js';
import { backoffMs } from '../time/backoff.js';
import type { AcceptedEmail, ProcessOptions } from '../workflow/runner.js';
import { MailGone, type MailSource } from './mail-source.js';

export interface PollerEvents {
  /** A mail seen for the first time became a queued run. */
  queued?(mailbox: string, runId: number, mailId: string): void;
  done?(mailbox: string, mailId: string): void;
  error?(mailbox: string, error: unknown, mailId?: string): void;
}

export interface PollerDependencies {
  accept(raw: Buffer, options: ProcessOptions): Promise<AcceptedEmail>;
  isFinished(runId: number): Promise<boolean>;
  queue: JobQueue;
  /** Called after new jobs are queued, so idle workers look at once. */
  queuedWork?(): void;
}

/** A mailbox that cannot be reached is looked at again at least this often. */
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Watches one mailbox: every mail becomes a queued run (once: the run store knows it by
 * mailbox and Message-ID), and a mail whose run has finished is marked done, unless the
 * mailbox's mode leaves the mailbox as it is (shadow). A mail is downloaded once; after that only its
 * run is looked at. One bad mail is reported and left in place; a mailbox that cannot be
 * reached is retried with backoff.
 */
export class MailboxPoller {
  private stopping = false;
  private loop: Promise<void> | null = null;
  /** Rung by the mailbox's own news of new mail (IMAP IDLE) and by stop. */
  private readonly alarm = new Alarm();
  /** Mails taken in whose runs have not finished, by mail id. */
  private readonly pending = new Map<string, number>();
  /** Mails whose runs finished, of a mailbox whose mode does not mark them done: left where they are, not looked at again. */
  private readonly settled = new Set<string>();

  constructor(
    readonly mailbox: { name: string; mode: MailboxMode },
    readonly source: MailSource,
    private readonly deps: PollerDependencies,
    private readonly pollMs: number,
    private readonly events: PollerEvents = {},
  ) {}

  async pollOnce(): Promise<void> {
    const mails = await this.source.list();
    const listed = new Set(mails.map((m) => m.id));
    for (const id of [...this.pending.keys(), ...this.settled]) {
      if (!listed.has(id)) {
        this.pending.delete(id);
        this.settled.delete(id);
      }
    }
    let queued = 0;
    for (const mail of mails) {
      if (this.settled.has(mail.id)) continue;
      try {
        const known = this.pending.get(mail.id);
        if (known !== undefined) {
          if (await this.deps.isFinished(known)) await this.finish(mail.id);
          continue;
        }
        const accepted = await this.deps.accept(await mail.raw(), { mailbox: this.mailbox.name, dryRun: modeRules(this.mailbox.mode).dryRun });
        if (accepted.finished) {
          await this.finish(mail.id);
          continue;
        }
        // Queuing again is harmless: a run has one job, and a dead one stays dead until revived.
        await this.deps.queue.enqueue({ runId: accepted.runId, mailbox: this.mailbox.name });
        this.pending.set(mail.id, accepted.runId);
        if (accepted.isNew) {
          this.events.queued?.(this.mailbox.name, accepted.runId, mail.id);
          queued += 1;
        }
      } catch (error) {
        if (!(error instanceof MailGone)) this.events.error?.(this.mailbox.name, error, mail.id);
      }
    }
    if (queued > 0) this.deps.queuedWork?.();
  }

  start(): void {
    this.source.watch?.(() => this.alarm.ring());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.alarm.ring();
    await this.loop;
    await this.source.close();
  }

  private async finish(mailId: string): Promise<void> {
    this.pending.delete(mailId);
    if (!modeRules(this.mailbox.mode).marksDone) {
      this.settled.add(mailId);
      return;
    }
    await this.source.markDone(mailId);
    this.events.done?.(this.mailbox.name, mailId);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.pollOnce();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.events.error?.(this.mailbox.name, error);
      }
      if (!this.stopping) await this.alarm.sleep(this.waitMs(failures));
    }
  }

  /** After a failure, backoff from twice the interval; never sooner than the interval, so a broken mailbox is not polled faster than a working one. */
  private waitMs(failures: number): number {
    if (failures === 0) return this.pollMs;
    return Math.max(this.pollMs, backoffMs({ baseDelayMs: 2 * this.pollMs, maxDelayMs: MAX_BACKOFF_MS }, failures));
  }
}
