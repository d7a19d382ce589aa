import { join } from 'node:path';
import { Failure } from '../../domain/failure.js';
import { openSqlite } from '../../store/sqlite.js';
import type { Clock } from '../../time/clock.js';
import { openLocalErp } from '../local/adapter.js';
import type { ErpAdapter } from '../ports.js';
import { AckFolder } from './ack-folder.js';
import { ExportRefresh } from './export-refresh.js';
import { realFileSystem, type FileSystem } from './file-system.js';
import { freshCustomers, freshPersons, freshPricing, freshProducts } from './fresh-reads.js';
import { FilesLedger, filesLedgerMigrations, type FilesLedgerSchema } from './ledger.js';
import { FilesOfferRepository } from './offer-repository.js';
import { Outbox } from './outbox.js';
import { RefreshSchedule } from './refresh-schedule.js';
import { parseFilesSettings } from './settings.js';

export const FILES_ERP_TYPE = 'files';

/** A write is one file written, flushed and renamed: far less than this, even on a slow share. */
const MAX_WRITE_MS = 30_000;

/** The adapter's own files in the data directory: its copy of the ERP's master data, and its ledger. */
export function filesErpDir(dataDir: string): string {
  return join(dataDir, 'erp-files');
}

export interface FilesErpContext {
  dataDir: string;
  settings: Record<string, unknown>;
  clock: Clock;
  /** The file operations on the shared folders; the real ones unless a test makes them fail. */
  fileSystem?: FileSystem;
}

/**
 * An ERP reached through folders, for ERPs without an open API (Jeeves, Oscar and others): master
 * data from the files its export job writes, kept in a local copy (the embedded ERP's tables)
 * that follows them; offers as documents in the outbox its file import reads.
 */
export async function openFilesErp(context: FilesErpContext): Promise<ErpAdapter> {
  const settings = parseFilesSettings(context.settings);
  const fs = context.fileSystem ?? realFileSystem;
  const dir = filesErpDir(context.dataDir);
  const copy = await openLocalErp({ dataDir: dir, clock: context.clock });
  const db = await openSqlite<FilesLedgerSchema>(join(dir, 'ledger.sqlite'), filesLedgerMigrations);
  const ledger = new FilesLedger(db, settings.firstOfferNumber);
  const exports = new ExportRefresh(copy.masterData, ledger, fs, settings);
  const acks = settings.ackDir === null ? null : new AckFolder(settings.ackDir, ledger, fs);
  const intervalMs = settings.refreshSeconds * 1000;
  const exportSchedule = new RefreshSchedule(context.clock, intervalMs, () => exports.refresh());
  const ackSchedule = new RefreshSchedule(context.clock, intervalMs, async () => acks?.refresh());
  const fresh = () => exportSchedule.due();
  const outbox = new Outbox(settings.outboxDir, fs);
  const delivery = {
    format: settings.format,
    csv: settings.csv,
    seller: { name: settings.sellerName, businessId: settings.sellerBusinessId },
    writeRetries: settings.writeRetries,
    retryBaseMs: settings.retryBaseMs,
  };
  // The first read of the exports happens now, so that a process starts on the files as they are.
  await exportSchedule.now();
  return {
    type: FILES_ERP_TYPE,
    customers: freshCustomers(copy.customers, fresh),
    persons: freshPersons(copy.persons, fresh),
    products: freshProducts(copy.products, fresh),
    pricing: freshPricing(copy.pricing, fresh),
    offers: new FilesOfferRepository(ledger, outbox, delivery, () => ackSchedule.due()),
    // A file hand-off gets no print back: Offerflow makes the PDF.
    documents: null,
    // The documents carry our totals; the exports say nothing of how the ERP would total a row.
    lineRounding: 'discounted',
    maxWriteMs: MAX_WRITE_MS,
    /**
     * Fails while the outbox cannot be written to, and while an export or acknowledgement file
     * cannot be read: offers are still made, on the last good master data, but someone must fix
     * the file, and a readiness check is what is watched.
     */
    async check() {
      await outbox.check();
      await ledger.check();
      await exportSchedule.now();
      await ackSchedule.now();
      const problems = [...(await exports.problems()), ...(acks?.problems() ?? [])];
      if (problems.length) throw new Failure('erp_unavailable', `the ERP's files have problems (the last good data is in use):\n  ${problems.join('\n  ')}`);
    },
    async close() {
      await db.destroy();
      await copy.close();
    },
  };
}
