import { access, constants, mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { MailGone, type MailSource, type SourceMail } from '../mail-source.js';

/** A folder that .eml files are dropped into (by a mail rule, a script or a person); done mails move to a subfolder. */
export class DirectorySource implements MailSource {
  constructor(
    private readonly path: string,
    private readonly doneFolder: string,
  ) {}

  async list(): Promise<SourceMail[]> {
    const names = (await readdir(this.path, { withFileTypes: true })).filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.eml')).map((e) => e.name);
    return names.sort().map((name) => ({ id: name, raw: () => this.read(name) }));
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
