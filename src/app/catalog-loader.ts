import type { ProductRepository } from '../erp/ports.js';
import { CatalogIndex } from '../matching/catalog-index.js';

/** How stale the index may get before the next request brings in the products changed since. */
const REFRESH_AFTER_MS = 60_000;
/** The ERP is asked again after a wait that doubles from this with each failure in a row... */
const FIRST_RETRY_MS = 1_000;
/** ...up to this, so that an ERP back after an hour is noticed within a minute. */
const MAX_RETRY_MS = 60_000;

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
  state(): CatalogState;
  /** Starts loading (or a refresh that is due) without waiting for it, e.g. when a service starts. */
  warm(): void;
}

export interface CatalogLoaderOptions {
  now?: () => number;
  /** For the retry jitter. */
  random?: () => number;
}

/** A transient failure: the job queue tries the mail again later, and by then the ERP may be back. */
export class CatalogUnavailableError extends Error {
  constructor(failure: CatalogFailure) {
    super(`the product catalog could not be loaded (${failure.reason}); it is tried again at ${failure.retryAt}`);
    this.name = 'CatalogUnavailableError';
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Builds the catalog index on first use and shares it, so a batch of emails indexes once; a
 * long-running process then adds only the products changed since the last look. Products the
 * ERP stops selling stay findable until the process restarts. A load or refresh that fails is
 * tried again after a wait shared by the whole process (exponential, full jitter), so that
 * every mail arriving while the ERP is down does not hammer it; until then a failed load fails
 * mails at once, and a failed refresh leaves the index serving as it was.
 */
class Loader implements CatalogLoader {
  private built: CatalogIndex | null = null;
  private loading: Promise<CatalogIndex> | null = null;
  private loadFailed: { reason: string; retryAt: number } | null = null;
  /** When the ERP was last read from: the index holds every change made before. */
  private upToDate = 0;
  private refreshing: Promise<void> | null = null;
  private refreshFailed: { reason: string; retryAt: number } | null = null;
  /** Load and refresh failures in a row, for the backoff. */
  private failures = 0;

  constructor(
    private readonly products: ProductRepository,
    private readonly now: () => number,
    private readonly random: () => number,
  ) {}

  async index(): Promise<CatalogIndex> {
    if (!this.built) return this.load();
    this.refreshIfDue();
    if (this.refreshing) await this.refreshing;
    return this.built;
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
    const asOf = this.now();
    this.loading = CatalogIndex.build(this.products.iterate())
      .then(
        (index) => {
          this.built = index;
          this.upToDate = asOf;
          this.loadFailed = null;
          this.failures = 0;
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

  private refreshIfDue(): void {
    const due = this.refreshFailed ? this.refreshFailed.retryAt : this.upToDate + REFRESH_AFTER_MS;
    if (this.refreshing || this.now() < due) return;
    const since = this.upToDate;
    const asOf = this.now();
    this.refreshing = this.refresh(since)
      .then(
        () => {
          this.upToDate = asOf;
          this.refreshFailed = null;
          this.failures = 0;
        },
        // The products read before the failure stay replaced; the retry reads them again from `since`.
        (error: unknown) => void (this.refreshFailed = this.failed(error)),
      )
      .finally(() => (this.refreshing = null));
  }

  private async refresh(since: number): Promise<void> {
    const index = this.built!;
    for await (const product of this.products.iterate({ modifiedAfter: new Date(since).toISOString() })) index.replace(product);
  }

  /** Full jitter under a doubling cap: processes failing together do not retry together. */
  private failed(error: unknown): { reason: string; retryAt: number } {
    const cap = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
    this.failures += 1;
    return { reason: messageOf(error), retryAt: this.now() + this.random() * cap };
  }

  private failureOf(failure: { reason: string; retryAt: number }): CatalogFailure {
    return { reason: failure.reason, retryAt: new Date(failure.retryAt).toISOString() };
  }
}

export function catalogLoader(products: ProductRepository, options: CatalogLoaderOptions = {}): CatalogLoader {
  return new Loader(products, options.now ?? Date.now, options.random ?? Math.random);
}
