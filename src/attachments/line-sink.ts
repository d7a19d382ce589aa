import type { Clock } from '../time/clock.js';
import { count, formatDuration } from './limits.js';

/** A known reason an attachment could not be read, worded to follow the file's name in a warning. */
export class AttachmentProblem extends Error {
  override name = 'AttachmentProblem';
}

function reason(error: unknown): string {
  if (error instanceof AttachmentProblem) return error.message;
  return `could not be read (${error instanceof Error ? error.message : String(error)})`;
}

/**
 * Collects the lines and warnings read from one attachment and tells its reader when to stop:
 * at the row limit, at the deadline, or once reading has failed or been given up.
 */
export class LineSink {
  readonly lines: string[] = [];
  readonly warnings: string[] = [];
  private readonly controller = new AbortController();
  private readonly deadline: number;

  constructor(
    private readonly name: string,
    private readonly maxRows: number,
    private readonly timeoutMs: number,
    private readonly clock: Clock,
  ) {
    this.deadline = clock.monotonicMs() + timeoutMs;
  }

  /** Aborted when the reader should stop; lets a reader cancel work it is waiting on. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopped(): boolean {
    return this.signal.aborted;
  }

  /** Keeps a line; false once the reader should stop. The clock is read here because a busy parser starves timers. */
  add(line: string): boolean {
    if (this.stopped) return false;
    if (this.clock.monotonicMs() > this.deadline) {
      this.timeOut();
      return false;
    }
    if (this.lines.length >= this.maxRows) {
      this.stop(`over the ${this.maxRows}-row limit; read the first ${count(this.maxRows, 'row')}`);
      return false;
    }
    this.lines.push(line);
    return true;
  }

  warn(text: string): void {
    if (!this.stopped) this.warnings.push(`${this.name}: ${text}`);
  }

  timeOut(): void {
    this.stop(`reading took longer than the ${formatDuration(this.timeoutMs)} time limit; ${this.kept()}`);
  }

  /** Ends reading with the reason the reader failed; a reader that was already given up is not heard. */
  fail(error: unknown): void {
    this.stop(this.lines.length ? `${reason(error)}; ${this.kept()}` : reason(error));
  }

  private kept(): string {
    return this.lines.length ? `kept the ${count(this.lines.length, 'row')} read before that` : 'nothing read';
  }

  private stop(text: string): void {
    this.warn(text);
    this.controller.abort();
  }
}
