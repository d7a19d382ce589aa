import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { Failure } from '../domain/failure.js';
import type { MailBudget } from '../domain/mail-budget.js';
import type { RequestedLine } from '../domain/requested-line.js';
import type { MailLimits } from './mail-limits.js';
import type { MailReader, ReadMail } from './mail-reader.js';
import type { Clock } from '../time/clock.js';
import type { Answer } from './read-worker.js';

/** A reading thread's heap: a mail that needs more is stopped instead of the whole process. */
const THREAD_HEAP_MB = 1_536;
/** A thread that has not started by then will not: a broken install, not a slow mail. */
const THREAD_START_MS = 30_000;
/** Threads no mail has used for this long end, so an idle service holds no parser in memory. */
const IDLE_MS = 60_000;

let sourceEntry: string | null = null;

/**
 * The thread's entry: the compiled file beside this one. Run from the TypeScript sources (the
 * tests), a thread cannot load them by itself, so it starts from a small module that loads
 * them through tsx, which is there whenever the sources are.
 */
function entry(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(here, '..', 'read-worker.js');
  if (sourceEntry) return sourceEntry;
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = pathToFileURL(join(here, '..', 'read-worker.ts')).href;
  sourceEntry = join(mkdtempSync(join(tmpdir(), 'offerflow-reading-')), 'entry.mjs');
  writeFileSync(sourceEntry, `const { register } = await import(${JSON.stringify(tsx)});\nregister();\nexport const { mail, lines, ready } = await import(${JSON.stringify(worker)});\n`);
  return sourceEntry;
}

function overBudget(budget: MailBudget): Failure {
  return new Failure('mail_over_time_budget', `reading the mail took longer than its ${budget.totalMs / 1000} s time budget; stopped`);
}

/**
 * Reading on a pool of worker threads (piscina): however a mail makes the parsers or the
 * line rules work, the process's event loop (health endpoints, IMAP IDLE, other workers)
 * goes on, and a task over the mail's budget is stopped by ending its thread.
 */
export class ReadingPool implements MailReader {
  private pool: Piscina | null = null;
  /** Why a thread last failed outside a task (it could not start, say): named when none starts. */
  private threadError: Error | null = null;

  constructor(
    private readonly limits: MailLimits,
    private readonly threads: number,
    private readonly clock: Clock,
  ) {}

  async read(raw: Buffer, budget: MailBudget): Promise<ReadMail> {
    const answer = await this.run<Answer<ReadMail>>('mail', { raw, limits: this.limits }, budget);
    if (!answer.ok) throw new Failure(answer.code, answer.message);
    return answer.value;
  }

  lines(text: string, budget: MailBudget): Promise<RequestedLine[]> {
    return this.run<RequestedLine[]>('lines', { text, maxLines: this.limits.maxLines }, budget);
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }

  private async run<T>(name: string, task: unknown, budget: MailBudget): Promise<T> {
    if (budget.remainingMs <= 0) throw overBudget(budget);
    const pool = this.threadPool();
    // A thread starting up (after a mail was stopped, or after an idle while) is not the mail's doing.
    await pool.run(null, { name: 'ready', signal: AbortSignal.timeout(THREAD_START_MS) }).catch(() => {
      throw new Failure('internal', `no mail reading thread started${this.threadError ? `: ${this.threadError.message}` : ` in ${THREAD_START_MS / 1000} s`}`);
    });
    const started = this.clock.monotonicMs();
    try {
      return (await pool.run(task, { name, signal: AbortSignal.timeout(Math.max(1, Math.floor(budget.remainingMs))) })) as T;
    } catch (error) {
      const { name: kind, code } = error as { name?: string; code?: string };
      if (kind === 'AbortError' || kind === 'TimeoutError') throw overBudget(budget);
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') throw new Failure('mail_over_limit', `reading the mail needed more than ${THREAD_HEAP_MB} MB of memory; stopped`);
      throw error;
    } finally {
      budget.spend(this.clock.monotonicMs() - started);
    }
  }

  /** Started on first use, so that commands that read no mail start no thread. */
  private threadPool(): Piscina {
    if (this.pool) return this.pool;
    this.pool = new Piscina({
      filename: entry(),
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: IDLE_MS,
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    this.pool.on('error', (error: Error) => (this.threadError = error));
    return this.pool;
  }
}
