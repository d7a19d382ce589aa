import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Failure } from '../../domain/failure.js';
import { errorCode, type FileSystem } from './file-system.js';

/** What a file system answers when asked to flush a folder it cannot flush. */
const CANNOT_SYNC_FOLDERS: ReadonlySet<string> = new Set(['EINVAL', 'EISDIR', 'EPERM', 'ENOTSUP']);

/** What the ERP's import must leave alone: a document still being written. */
export const TEMPORARY_PREFIX = '.offerflow-';

/**
 * The folder the ERP's file import reads. A document appears whole or not at all: it is written
 * under a temporary name in the same folder, flushed to disk, then renamed to its own name, which
 * replaces an earlier revision in one step. Every failure is one worth trying again (a share gone
 * away, a full disk).
 */
export class Outbox {
  constructor(
    readonly dir: string,
    private readonly fs: FileSystem,
  ) {}

  async write(name: string, content: string | Buffer): Promise<void> {
    const temporary = join(this.dir, `${TEMPORARY_PREFIX}${randomUUID()}.tmp`);
    try {
      const handle = await this.fs.open(temporary, 'wx');
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.fs.rename(temporary, join(this.dir, name));
    } catch (error) {
      await this.fs.unlink(temporary).catch(() => undefined);
      throw this.failure(`could not write ${name}`, error);
    }
    await this.syncFolder(name);
  }

  /**
   * The rename is on disk only once the folder is: without this a power cut can lose a document
   * already reported written. A file system that cannot flush a folder (some network shares
   * refuse to) keeps the rename as safe as it keeps anything.
   */
  private async syncFolder(name: string): Promise<void> {
    try {
      const folder = await this.fs.open(this.dir, 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    } catch (error) {
      if (CANNOT_SYNC_FOLDERS.has(errorCode(error) ?? '')) return;
      throw this.failure(`wrote ${name} but could not flush the folder`, error);
    }
  }

  /** The document as it lies in the folder; null once the ERP's import has taken it. */
  async read(name: string): Promise<Buffer | null> {
    try {
      return await this.fs.readFile(join(this.dir, name));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw this.failure(`could not read ${name}`, error);
    }
  }

  async remove(name: string): Promise<void> {
    try {
      await this.fs.unlink(join(this.dir, name));
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw this.failure(`could not remove ${name}`, error);
    }
  }

  async check(): Promise<void> {
    let isFolder: boolean;
    try {
      isFolder = (await this.fs.stat(this.dir)).isDirectory();
    } catch (error) {
      throw this.failure('cannot be reached', error);
    }
    if (!isFolder) throw new Failure('erp_unavailable', `outbox ${this.dir} is not a folder`);
  }

  private failure(what: string, error: unknown): Failure {
    const reason = error instanceof Error ? error.message : String(error);
    return new Failure('erp_unavailable', `outbox ${this.dir}: ${what}: ${reason}`, { cause: error });
  }
}
