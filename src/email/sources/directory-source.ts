import { access, constants, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../time/clock.js';
import { MailGone, type MailSource, type SourceMail } from '../mail-source.js';

/**
 * How long a file must have gone unchanged before it is read. A mail being copied into the
 * folder is a file that grows; read too soon, it would be the first part of a mail, made into
 * an offer of its first lines. Writers that can should still write elsewhere and move the file in.
 */
export const DIRECTORY_SETTLE_MS = 1000;

const isMailName = (name: string) => !name.startsWith('.') && name.toLowerCase().endsWith('.eml');

/** A folder that .eml files are dropped into (by a mail rule, a script or a person); done mails move to a subfolder. */
export class DirectorySource implements MailSource {
  constructor(
    private readonly path: string,
    private readonly doneFolder: string,
    private readonly clock: Clock,
    /** 0 for a batch run over a folder that is complete, as `replay` does. */
    private readonly settleMs = DIRECTORY_SETTLE_MS,
  ) {}

  async list(): Promise<SourceMail[]> {
    const names = (await readdir(this.path, { withFileTypes: true })).filter((e) => e.isFile() && isMailName(e.name)).map((e) => e.name);
    const settled = await Promise.all(names.map(async (name) => ((await this.settled(name)) ? name : null)));
    return settled
      .filter((name) => name !== null)
      .sort()
      .map((name) => ({ id: name, raw: () => this.read(name) }));
  }

  private async settled(name: string): Promise<boolean> {
    try {
      return this.settleMs === 0 || this.clock.now().getTime() - (await stat(join(this.path, name))).mtimeMs >= this.settleMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  private async read(name: string): Promise<Buffer> {
    try {
      return await readFile(join(this.path, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MailGone(`${name} was moved away before it was read`);
      throw error;
    }
  }

  async markDone(id: string): Promise<void> {
    const done = join(this.path, this.doneFolder);
    await mkdir(done, { recursive: true });
    try {
      await rename(join(this.path, id), join(done, id));
    } catch (error) {
      // Another process watching the folder moved it first.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  async check(): Promise<void> {
    try {
      await access(this.path, constants.R_OK | constants.W_OK);
    } catch {
      throw new Error(`folder ${this.path} cannot be read and written`);
    }
  }

  async close(): Promise<void> {}
}
