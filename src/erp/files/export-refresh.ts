import type { LocalMasterData, MasterDataKind } from '../local/master-data.js';
import { importTable, type HeaderMapping, type MasterDataTarget } from '../../import/import-file.js';
import { IMPORT_KINDS, type ImportKind, type ImportKindName } from '../../import/kinds.js';
import { IMPORT_LIMITS, type Column } from '../../import/limits.js';
import { MASTER_DATA_FILES } from '../../import/read-master-data.js';
import { contentHash, findExport, type ExportFile } from './export-folder.js';
import type { FileSystem } from './file-system.js';
import type { FilesLedger } from './ledger.js';
import type { ExportKindSettings, FilesSettings } from './settings.js';

const KIND_OF: Record<ImportKindName, MasterDataKind> = { customers: 'customers', persons: 'persons', products: 'products', pricelists: 'priceRules' };

function mappingOf(settings: ExportKindSettings): HeaderMapping {
  return new Map(Object.entries(settings.columns) as [Column, string][]);
}

/**
 * Keeps the adapter's copy of the ERP's master data as its export files last were. Each kind is
 * read again, whole and in one transaction, when its file's content changes; a file that fails
 * leaves the last good data in use, and its problem (file, row, column) is kept for the readiness
 * check until a good file replaces it.
 */
export class ExportRefresh {
  constructor(
    private readonly masterData: LocalMasterData,
    private readonly ledger: FilesLedger,
    private readonly fs: FileSystem,
    private readonly settings: Pick<FilesSettings, 'exportDir' | 'exports'>,
  ) {}

  /** One kind after another, in the order a load needs them (persons before the customers they serve). */
  async refresh(): Promise<void> {
    for (const kind of MASTER_DATA_FILES) await this.refreshKind(kind);
  }

  /** What is wrong with the export files, one line per kind, as last read. */
  async problems(): Promise<string[]> {
    const problems: string[] = [];
    for (const kind of MASTER_DATA_FILES) {
      if (this.settings.exports[kind].file === null) continue;
      const state = await this.ledger.exportState(kind);
      if (state?.error) problems.push(`${kind}: ${state.error}`);
    }
    return problems;
  }

  private async refreshKind(kind: ImportKindName): Promise<void> {
    const { file: pattern } = this.settings.exports[kind];
    if (pattern === null) return;
    const before = await this.ledger.exportState(kind);
    let file: ExportFile | null;
    let hash: string;
    try {
      file = await findExport(this.fs, this.settings.exportDir, pattern);
      if (file && before?.fingerprint.startsWith(`${file.stamp}|`)) return;
      hash = file ? await contentHash(this.fs, file.path) : '';
    } catch (error) {
      await this.ledger.recordExport(kind, { fingerprint: '', error: `cannot read the export folder ${this.settings.exportDir}: ${(error as Error).message}` });
      return;
    }
    // No fingerprint: the file read next, whatever it holds, is read in full.
    if (!file) {
      await this.ledger.recordExport(kind, { fingerprint: '', error: `no file '${pattern}' in the export folder ${this.settings.exportDir}` });
      return;
    }
    const fingerprint = `${file.stamp}|${hash}`;
    // The same content under a new time stamp (the export job ran again with nothing changed) is not read again.
    if (before?.fingerprint.startsWith(`${file.name}|`) && before.fingerprint.endsWith(`|${hash}`)) {
      await this.ledger.recordExport(kind, { fingerprint, error: before.error });
      return;
    }
    await this.ledger.recordExport(kind, { fingerprint, error: await this.load(kind, file.path) });
  }

  /** Null when the file loaded; else why not, naming file, row and column. */
  private async load(kind: ImportKindName, path: string): Promise<string | null> {
    const target: MasterDataTarget = { inTransaction: (work) => this.masterData.replacing(KIND_OF[kind], work) };
    try {
      await importTable(target, IMPORT_KINDS[kind] as ImportKind<unknown>, path, undefined, IMPORT_LIMITS, mappingOf(this.settings.exports[kind]));
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }
}
