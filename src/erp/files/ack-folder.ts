import { join } from 'node:path';
import { z } from 'zod';
import { importTable } from '../../import/import-file.js';
import type { ImportKind } from '../../import/kinds.js';
import { ImportError } from '../../import/table.js';
import type { FileSystem } from './file-system.js';
import type { FilesLedger } from './ledger.js';

/**
 * The acknowledgement folder: the ERP's import writes, for documents it has taken in, a CSV with
 * the columns `reference` (our reference, the Quotation's ID) and `number` (the ERP's own offer
 * number), one row per document, any delimiter and encoding the import files may have. A file
 * read is moved into `processed/`; one that cannot be read stays, read again on each refresh,
 * and its problem is reported by the readiness check until it is fixed or removed.
 */

interface Acknowledgement {
  reference: string;
  erpNumber: string;
}

const ACKNOWLEDGEMENTS: ImportKind<Acknowledgement, { acknowledgements: Acknowledgement[] }> = {
  columns: ['reference', 'number'],
  required: ['reference', 'number'],
  schema: z.object({ reference: z.string(), number: z.string() }).transform((r) => ({ reference: r.reference, erpNumber: r.number })),
  key: (a) => a.reference,
  batch: (acknowledgements) => ({ acknowledgements }),
};

const PROCESSED_FOLDER = 'processed';

export class AckFolder {
  /** As of the last refresh, which reads every file still in the folder. */
  private unreadable: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly ledger: FilesLedger,
    private readonly fs: FileSystem,
  ) {}

  /** Never fails: acknowledgements are a courtesy of the ERP, and what goes wrong with them is for the readiness check to say. */
  async refresh(): Promise<void> {
    let names: string[];
    try {
      names = (await this.fs.readdir(this.dir)).filter((name) => name.toLowerCase().endsWith('.csv'));
    } catch (error) {
      this.unreadable = [`cannot read the folder ${this.dir}: ${(error as Error).message}`];
      return;
    }
    const unreadable: string[] = [];
    for (const name of names) {
      const problem = await this.read(name);
      if (problem) unreadable.push(problem);
    }
    this.unreadable = unreadable;
  }

  /** Null once the file is recorded and put away; else why not. */
  private async read(name: string): Promise<string | null> {
    const path = join(this.dir, name);
    const acknowledgements: Acknowledgement[] = [];
    try {
      await importTable({ inTransaction: (work) => work({ write: async (batch) => void acknowledgements.push(...batch.acknowledgements) }) }, ACKNOWLEDGEMENTS, path);
      await this.ledger.acknowledge(acknowledgements);
      await this.fs.mkdir(join(this.dir, PROCESSED_FOLDER), { recursive: true });
      await this.fs.rename(path, join(this.dir, PROCESSED_FOLDER, name));
      return null;
    } catch (error) {
      // An import error names the file already.
      return error instanceof ImportError ? error.message : `${name}: ${(error as Error).message}`;
    }
  }

  problems(): string[] {
    return this.unreadable.map((problem) => `acknowledgements: ${problem}`);
  }
}
