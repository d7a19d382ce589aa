import { createHash } from 'node:crypto';
import type { CatalogIndex } from '../matching/catalog-index.js';
import { decodeCatalogSnapshot, encodeCatalogSnapshot } from '../matching/catalog-snapshot.js';
import { readCatalogSnapshotFile, writeCatalogSnapshotFile } from '../store/catalog-snapshot-file.js';
import type { Clock } from '../time/clock.js';

/** An index saved before, and how fresh it is (epoch ms). */
export interface SavedCatalog {
  index: CatalogIndex;
  /** The ERP was read at this time: changes made since are not in it. */
  asOf: number;
  /** The index was last built from the whole catalog at this time. */
  builtAt: number;
}

/** Where the loader keeps its index between processes. */
export interface CatalogSnapshots {
  /** The saved index, or why there is none to use. */
  load(): Promise<SavedCatalog | { ignored: string }>;
  save(index: CatalogIndex, times: { asOf: number; builtAt: number }): Promise<void>;
}

/** JSON with its keys sorted, so that the same settings always give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Which ERP, and which installation of it, an index comes from: its type and a hash of its
 * settings (address, database, credentials), so that a data directory pointed at another ERP
 * never answers with the old one's products. The settings themselves are not written anywhere.
 */
export function erpSource(type: string, settings: Record<string, unknown>): string {
  return `${type}:${createHash('sha256').update(canonical(settings)).digest('hex').slice(0, 16)}`;
}

/** Snapshots in one file, of an index from `source` only. */
export function snapshotFile(file: string, source: string, clock: Clock): CatalogSnapshots {
  return {
    async load() {
      const bytes = await readCatalogSnapshotFile(file);
      if (!bytes) return { ignored: 'no snapshot yet' };
      const decoded = decodeCatalogSnapshot(bytes, source);
      if ('reason' in decoded) return { ignored: decoded.reason };
      return { index: decoded.index, asOf: Date.parse(decoded.meta.asOf), builtAt: Date.parse(decoded.meta.builtAt) };
    },
    save: (index, { asOf, builtAt }) =>
      writeCatalogSnapshotFile(file, encodeCatalogSnapshot(index, { source, asOf: new Date(asOf).toISOString(), builtAt: new Date(builtAt).toISOString() }), clock.now()),
  };
}
