import type { ProductRepository } from '../erp/ports.js';
import { CatalogIndex } from '../matching/catalog-index.js';
import type { CatalogSnapshots, SavedCatalog } from './catalog-snapshots.js';
import { Failure, failureOf } from '../domain/failure.js';
import { backoffMs, type Backoff } from '../time/backoff.js';
import type { Clock } from '../time/clock.js';

/** How stale the index may get before the next request brings in the products changed since. */
const REFRESH_AFTER_MS = 60_000;
/**
 * A snapshot is written after a build, and after refreshes that changed products at most this
 * often: writing a million products' index takes a second or two of disk.
 */
const SAVE_EVERY_MS = 10 * 60_000;
/**
 * Refreshes bring changed products, never the ones the ERP stopped selling: those leave the
 * index only when it is built anew. So a snapshot of an index built longer ago than this is
 * not used (nor written), and the next process builds from the ERP.
 */
const REBUILD_AFTER_MS = 24 * 60 * 60_000;
/**
 * The ERP is asked again after a wait whose cap doubles from a second with each failure in a row,
 * up to a minute, so that an ERP back after an hour is noticed within a minute.
 */
const RETRY: Backoff = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

/** A failure, and when the ERP is asked again. */
export interface CatalogFailure {
  reason: string;
  /** ISO time. */
  retryAt: string;
}

/** Whether the index can serve, for readiness checks. */
export type CatalogState =
  /** Nothing has asked for it yet: `warm()` starts loading. */
  | { status: 'idle' }
  | { status: 'loading' }
  /** No index yet: mails fail at match_products until the retry succeeds. */
  | ({ status: 'failed' } & CatalogFailure)
  /**
   * `ageMs`: since the index was last brought up to date with the ERP. `refreshFailed`: the last
   * refresh did not get through; the index serves as it was.
   */
  | { status: 'ready'; products: number; ageMs: number; refreshFailed?: CatalogFailure };

export interface CatalogLoader {
  /** The shared index; rejects with CatalogUnavailableError while there is none. */
  index(): Promise<CatalogIndex>;
  /** The index as it is now, null before the first load: no load or refresh is started or awaited. */
  current(): CatalogIndex | null;
  state(): CatalogState;
  /** Starts loading (or a refresh that is due) without waiting for it, e.g. when a service starts. */
  warm(): void;
  /** Starts no more refreshes, and waits for the load, refresh and snapshot writing under way. */
  close(): Promise<void>;
}

/** What became of the snapshot, for the logs. */
export type SnapshotEvent =
  | { event: 'loaded'; products: number; asOf: string }
  | { event: 'ignored'; reason: string }
  | { event: 'saved'; products: number; seconds: number }
  | { event: 'save failed'; reason: string };

interface CatalogLoaderOptions {
  clock: Clock;
  /** For the retry jitter. */
  random?: () => number;
  /** Where the index is kept between processes; without it every process builds from the ERP. */
  snapshots?: CatalogSnapshots;
  onSnapshot?: (event: SnapshotEvent) => void;
}

/** A transient failure: the job queue tries the mail again later, and by then the ERP may be back. */
export class CatalogUnavailableError extends Failure {
  override name = 'CatalogUnavailableError';
  constructor(failure: CatalogFailure) {
    super('catalog_unavailable', `the product catalog could not be loaded (${failure.reason}); it is tried again at ${failure.retryAt}`);
  }
}

const messageOf = (error: unknown) => failureOf(error).message;

/**
 * Loads the catalog index on first use and shares it, so a batch of emails indexes once: from
 * the snapshot a process before saved, then brought up to date in the background with the
 * products changed since; or else built from the ERP, and saved. A long-running process then
 * adds only the products changed since the last look. Products the ERP stops selling stay
 * findable until the index is next built from the ERP. A load or refresh that fails is tried
 * again after a wait shared by the whole process (exponential, full jitter), so that every mail
 * arriving while the ERP is down does not hammer it; until then a failed load fails mails at
 * once, and a failed refresh leaves the index serving as it was.
 */
class Loader implements CatalogLoader {
  private built: CatalogIndex | null = null;
  private loading: Promise<CatalogIndex> | null = null;
  private loadFailed: { reason: string; retryAt: number } | null = null;
  /** When the ERP was last read from: the index holds every change made before. */
  private upToDate = 0;
  /** When the index was last built from the whole catalog. */
  private builtAt = 0;
  /** A mail waits for a refresh it finds due, so that it sees the last minute's changes; not for the one after a snapshot. */
  private refreshing: { done: Promise<void>; awaited: boolean } | null = null;
  private refreshFailed: { reason: string; retryAt: number } | null = null;
  /** Load and refresh failures in a row, for the backoff. */
  private failures = 0;
  private saving: Promise<void> | null = null;
  /** When the snapshot on disk was written, or as of when the one loaded was. */
  private savedAt = -Infinity;
  private changedSinceSave = false;
  private closing = false;
  private rebuilding: Promise<void> | null = null;
  /** A rebuild that failed is not tried again before this. */
  private rebuildAfter = 0;

  constructor(
    private readonly products: ProductRepository,
    private readonly clock: Clock,
    private readonly random: () => number,
    private readonly snapshots: CatalogSnapshots | null,
    private readonly onSnapshot: (event: SnapshotEvent) => void,
  ) {}

  async index(): Promise<CatalogIndex> {
    if (!this.built) return this.load();
    this.refreshIfDue();
    if (this.refreshing?.awaited) await this.refreshing.done;
    return this.built;
  }

  current(): CatalogIndex | null {
    return this.built;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.loading?.catch(() => undefined);
    await this.refreshing?.done;
    await this.rebuilding;
    await this.saving;
  }

  warm(): void {
    this.index().catch(() => undefined);
  }

  state(): CatalogState {
    if (this.built) {
      const ready = { status: 'ready' as const, products: this.built.size, ageMs: this.now() - this.upToDate };
      return this.refreshFailed ? { ...ready, refreshFailed: this.failureOf(this.refreshFailed) } : ready;
    }
    if (this.loading) return { status: 'loading' };
    if (this.loadFailed) return { status: 'failed', ...this.failureOf(this.loadFailed) };
    return { status: 'idle' };
  }

  private load(): Promise<CatalogIndex> {
    if (this.loading) return this.loading;
    if (this.loadFailed && this.now() < this.loadFailed.retryAt) return Promise.reject(new CatalogUnavailableError(this.failureOf(this.loadFailed)));
    this.loading = this.loadIndex()
      .then(
        ({ index, fromSnapshot }) => {
          this.built = index;
          this.loadFailed = null;
          this.failures = 0;
          // However new the snapshot: another process may have changed the ERP since.
          if (fromSnapshot) this.startRefresh(false);
          else this.saveIfDue();
          return index;
        },
        (error: unknown) => {
          this.loadFailed = this.failed(error);
          throw new CatalogUnavailableError(this.failureOf(this.loadFailed));
        },
      )
      .finally(() => (this.loading = null));
    return this.loading;
  }

  private async loadIndex(): Promise<{ index: CatalogIndex; fromSnapshot: boolean }> {
    const saved = await this.savedIndex();
    if (saved) {
      this.upToDate = saved.asOf;
      this.builtAt = saved.builtAt;
      this.savedAt = saved.asOf;
      return { index: saved.index, fromSnapshot: true };
    }
    const asOf = this.now();
    const index = await CatalogIndex.build(this.products.iterate());
    this.upToDate = asOf;
    this.builtAt = asOf;
    this.changedSinceSave = true;
    return { index, fromSnapshot: false };
  }

  /** A snapshot can fail in any way (a disk error, a bad file): the ERP is there to build from. */
  private async savedIndex(): Promise<SavedCatalog | null> {
    if (!this.snapshots) return null;
    const saved = await this.snapshots.load().catch((error: unknown) => ({ ignored: `unreadable: ${messageOf(error)}` }));
    if ('ignored' in saved) {
      this.onSnapshot({ event: 'ignored', reason: saved.ignored });
      return null;
    }
    if (this.now() - saved.builtAt >= REBUILD_AFTER_MS) {
      this.onSnapshot({ event: 'ignored', reason: `built from the ERP at ${new Date(saved.builtAt).toISOString()}, over a day ago: building afresh drops the products the ERP stopped selling` });
      return null;
    }
    this.onSnapshot({ event: 'loaded', products: saved.index.size, asOf: new Date(saved.asOf).toISOString() });
    return saved;
  }

  private refreshIfDue(): void {
    this.rebuildIfDue();
    const due = this.refreshFailed ? this.refreshFailed.retryAt : this.upToDate + REFRESH_AFTER_MS;
    if (this.now() >= due) this.startRefresh(true);
  }

  /**
   * Refreshes only add and replace, so once a day the whole index is built again from the ERP in
   * the background (dropping what it stopped selling, and the superseded versions), then takes
   * the old one's place; mails go on with the old one meanwhile.
   */
  private rebuildIfDue(): void {
    const started = this.now();
    if (this.rebuilding || this.closing || started - this.builtAt < REBUILD_AFTER_MS || started < this.rebuildAfter) return;
    this.rebuilding = CatalogIndex.build(this.products.iterate())
      .then(
        (index) => {
          this.built = index;
          this.builtAt = started;
          // Changes made while it was built are read by the next refresh.
          this.upToDate = started;
          this.changedSinceSave = true;
          this.saveIfDue();
        },
        () => void (this.rebuildAfter = this.now() + RETRY.maxDelayMs),
      )
      .finally(() => (this.rebuilding = null));
  }

  /**
   * Never while a snapshot is being written: its pieces are views of the index's arrays. The
   * catch-up after a snapshot starts once the mail that loaded it has had its turn: an ERP read
   * that holds the thread (SQLite) would otherwise come before the first match.
   */
  private startRefresh(awaited: boolean): void {
    if (this.refreshing || this.saving || this.closing) return;
    const since = this.upToDate;
    const asOf = this.now();
    const index = this.built!;
    const turn = awaited ? Promise.resolve() : new Promise<void>((resolve) => setImmediate(resolve));
    const done = turn
      .then(() => this.refresh(index, since))
      .then(
        (changed) => {
          // A rebuild took the refreshed index's place meanwhile: the next refresh reads these changes for it.
          if (this.built !== index) return;
          this.upToDate = asOf;
          this.refreshFailed = null;
          this.failures = 0;
          if (changed) this.changedSinceSave = true;
          this.saveIfDue();
        },
        // The products read before the failure stay replaced; the retry reads them again from `since`.
        (error: unknown) => void (this.refreshFailed = this.failed(error)),
      )
      .finally(() => (this.refreshing = null));
    this.refreshing = { done, awaited };
  }

  /** Whether any product changed. */
  private async refresh(index: CatalogIndex, since: number): Promise<boolean> {
    let changed = false;
    for await (const product of this.products.iterate({ modifiedAfter: new Date(since).toISOString() })) {
      index.replace(product);
      changed = true;
    }
    return changed;
  }

  /** In the background: a mail never waits for the disk. */
  private saveIfDue(): void {
    const now = this.now();
    const { snapshots, built } = this;
    if (!snapshots || !built || this.saving || !this.changedSinceSave) return;
    if (now - this.savedAt < SAVE_EVERY_MS || now - this.builtAt >= REBUILD_AFTER_MS) return;
    this.changedSinceSave = false;
    this.savedAt = now;
    this.saving = snapshots
      .save(built, { asOf: this.upToDate, builtAt: this.builtAt })
      .then(
        () => this.onSnapshot({ event: 'saved', products: built.size, seconds: (this.now() - now) / 1000 }),
        (error: unknown) => {
          this.changedSinceSave = true;
          this.onSnapshot({ event: 'save failed', reason: messageOf(error) });
        },
      )
      .finally(() => (this.saving = null));
  }

  /** Epoch ms: the times here are stored in the snapshot and shown in readiness. */
  private now(): number {
    return this.clock.now().getTime();
  }

  private failed(error: unknown): { reason: string; retryAt: number } {
    this.failures += 1;
    return { reason: messageOf(error), retryAt: this.now() + backoffMs(RETRY, this.failures, this.random) };
  }

  private failureOf(failure: { reason: string; retryAt: number }): CatalogFailure {
    return { reason: failure.reason, retryAt: new Date(failure.retryAt).toISOString() };
  }
}

export function catalogLoader(products: ProductRepository, options: CatalogLoaderOptions): CatalogLoader {
  return new Loader(products, options.clock, options.random ?? Math.random, options.snapshots ?? null, options.onSnapshot ?? (() => undefined));
}
