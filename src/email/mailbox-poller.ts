import type { JobQueue } from '../queue/job-queue.js';
import type { AcceptedEmail, ProcessOptions } from '../workflow/runner.js';
import type { MailSource } from './mail-source.js';

export type MailboxMode = 'shadow' | 'review' | 'auto';

export interface PollerEvents {
  /** A mail seen for the first time became a queued run. */
  queued?(mailbox: string, runId: number): void;
  done?(mailbox: string, mailId: string): void;
  error?(mailbox: string, error: unknown, mailId?: string): void;
}

export interface PollerDependencies {
  accept(raw: Buffer, options: ProcessOptions): Promise<AcceptedEmail>;
  queue: JobQueue;
  /** Called after new jobs are queued, so idle workers look at once. */
  queuedWork?(): void;
}

const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Watches one mailbox: every mail becomes a queued run (once: the run store knows it by
 * mailbox and Message-ID), and a mail whose run has finished is marked done, except in shadow
 * mode, which leaves the mailbox as it is. One bad mail is
 * reported and left in place; a mailbox that cannot be reached is retried with backoff.
 */
export class MailboxPoller {
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    readonly mailbox: { name: string; mode: MailboxMode },
    readonly source: MailSource,
    private readonly deps: PollerDependencies,
    private readonly pollMs: number,
    private readonly events: PollerEvents = {},
  ) {}

  async pollOnce(): Promise<void> {
    let queued = 0;
    for (const mail of await this.source.list()) {
      try {
        const accepted = await this.deps.accept(mail.raw, { mailbox: this.mailbox.name, dryRun: this.mailbox.mode === 'shadow' });
        if (accepted.finished) {
          // A shadow mailbox is still the salespeople's own: its mails stay where they are.
          if (this.mailbox.mode === 'shadow') continue;
          await this.source.markDone(mail.id);
          this.events.done?.(this.mailbox.name, mail.id);
        } else {
          // Queuing again is harmless: a run has one job, and a dead one stays dead until revived.
          await this.deps.queue.enqueue({ runId: accepted.runId, mailbox: this.mailbox.name });
          if (accepted.isNew) {
            this.events.queued?.(this.mailbox.name, accepted.runId);
            queued += 1;
          }
        }
      } catch (error) {
        this.events.error?.(this.mailbox.name, error, mail.id);
      }
    }
    if (queued > 0) this.deps.queuedWork?.();
  }

  start(): void {
    this.source.watch?.(() => this.wake?.());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.source.close();
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
      await this.sleep(failures === 0 ? this.pollMs : Math.min(MAX_BACKOFF_MS, this.pollMs * 2 ** failures));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
