import { basename } from 'node:path';
import * as real from 'node:fs/promises';
import type { FileSystem } from '../../src/erp/files/file-system.js';
import { TEMPORARY_PREFIX } from '../../src/erp/files/outbox.js';

/** `op`, after `before` has seen the path it is called on. */
function readingFirst<F extends (...args: never[]) => Promise<unknown>>(op: F, before: (path: unknown) => void): F {
  return (async (...args: Parameters<F>) => {
    before(args[0]);
    return op(...args);
  }) as F;
}

/**
 * The real file operations, with the failures of a mounted share switched on by a test: tests run
 * as root, so permissions cannot make a write fail, and a disk cannot be made to hiccup on cue.
 * Reads are those of the export folder; writes are those that put a document into the outbox or
 * take one out (not the temporary file's own, which the ERP never sees).
 */
export class SwitchableFileSystem {
  private readsFailing = 0;
  private writesFailing = 0;
  private writeError = 'EIO';
  private answersLosing: Set<'rename' | 'unlink'> = new Set();
  private losingOnce = false;

  constructor(private readonly exportDir: string) {}

  failReads(count: number): void {
    this.readsFailing = count;
  }

  /** The next `count` document writes fail before they are done, as a disk that hiccups does. */
  failWrites(count: number): void {
    this.writesFailing = count;
    this.writeError = 'EIO';
  }

  /** Every document write fails until a reset, as on a share mounted read-only. */
  refuseWrites(): void {
    this.writesFailing = Infinity;
    this.writeError = 'EROFS';
  }

  /** Document writes are done, then fail as if the answer were lost: the first one only, or the first of each kind. */
  loseAnswers(which: 'first' | 'every'): void {
    this.answersLosing = new Set(['rename', 'unlink']);
    this.losingOnce = which === 'first';
  }

  reset(): void {
    this.readsFailing = 0;
    this.writesFailing = 0;
    this.answersLosing = new Set();
  }

  private read(path: unknown): void {
    if (this.readsFailing === 0 || !String(path).startsWith(this.exportDir)) return;
    this.readsFailing -= 1;
    throw Object.assign(new Error(`EIO: i/o error, read '${String(path)}'`), { code: 'EIO' });
  }

  private beforeWrite(path: unknown): void {
    if (this.writesFailing === 0) return;
    this.writesFailing -= 1;
    throw Object.assign(new Error(`${this.writeError}: write '${String(path)}' failed`), { code: this.writeError });
  }

  private afterWrite(kind: 'rename' | 'unlink', path: unknown): void {
    if (!this.answersLosing.has(kind)) return;
    if (this.losingOnce) this.answersLosing.clear();
    else this.answersLosing.delete(kind);
    throw Object.assign(new Error(`ETIMEDOUT: the share did not answer, ${kind} '${String(path)}'`), { code: 'ETIMEDOUT' });
  }

  private isDocument(path: unknown): boolean {
    return !basename(String(path)).startsWith(TEMPORARY_PREFIX);
  }

  readonly fs: FileSystem = {
    ...real,
    readdir: readingFirst(real.readdir, (path) => this.read(path)),
    stat: readingFirst(real.stat, (path) => this.read(path)),
    readFile: readingFirst(real.readFile, (path) => this.read(path)),
    rename: async (from, to) => {
      this.beforeWrite(to);
      await real.rename(from, to);
      this.afterWrite('rename', to);
    },
    unlink: async (path) => {
      if (!this.isDocument(path)) return real.unlink(path);
      this.beforeWrite(path);
      await real.unlink(path);
      this.afterWrite('unlink', path);
    },
  };
}
