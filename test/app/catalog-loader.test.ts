import { describe, expect, it } from 'vitest';
import { catalogLoader, CatalogUnavailableError, type SnapshotEvent } from '../../src/app/catalog-loader.js';
import type { CatalogSnapshots, SavedCatalog } from '../../src/app/catalog-snapshots.js';
import type { Product } from '../../src/domain/product.js';
import type { ProductRepository } from '../../src/erp/ports.js';
import { CatalogIndex } from '../../src/matching/catalog-index.js';
import { PRODUCTS, seededErp } from '../support/seller.js';
import { until } from '../support/until.js';

const START = Date.parse('2025-03-03T08:00:00Z');

/** Calls that pass it wait, once it is held, until the function `hold()` returned is called. */
class Gate {
  private held: Promise<void> | null = null;

  hold(): () => void {
    let resolve = () => {};
    this.held = new Promise<void>((done) => (resolve = done));
    return () => {
      this.held = null;
      resolve();
    };
  }

  async pass(): Promise<void> {
    if (this.held) await this.held;
  }
}

/** An ERP whose product reads fail while `failures` lasts, and can be held open with `gate`. */
class FlakyProducts implements ProductRepository {
  failures = 0;
  reads = 0;
  readonly gate = new Gate();
  private readonly rows = new Map<string, { product: Product; modifiedAt: number }>();

  constructor(at: number) {
    for (const product of PRODUCTS) this.set(product, at);
  }

  set(product: Product, modifiedAt: number): void {
    this.rows.set(product.sku, { product, modifiedAt });
  }

  /** The ERP stops selling it: no refresh ever says so. */
  remove(sku: string): void {
    this.rows.delete(sku);
  }

  readonly asked: (string | undefined)[] = [];

  async *iterate(options: { modifiedAfter?: string } = {}): AsyncIterable<Product> {
    this.reads += 1;
    this.asked.push(options.modifiedAfter);
    await this.gate.pass();
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('connect ECONNREFUSED 10.0.0.5:443');
    }
    const after = options.modifiedAfter ? Date.parse(options.modifiedAfter) : -Infinity;
    for (const { product, modifiedAt } of this.rows.values()) if (modifiedAt > after) yield product;
  }

  getBySku(): Promise<Product | null> {
    throw new Error('not used by the loader');
  }

  findByCode(): Promise<Product[]> {
    throw new Error('not used by the loader');
  }
}

/** Holds what it is given, as the snapshot file does between processes. */
class MemorySnapshots implements CatalogSnapshots {
  saved: SavedCatalog | null = null;
  readonly saves: { asOf: number; builtAt: number; products: number }[] = [];
  failing = false;
  readonly gate = new Gate();

  async load(): Promise<SavedCatalog | { ignored: string }> {
    return this.saved ?? { ignored: 'no snapshot yet' };
  }

  async save(index: CatalogIndex, times: { asOf: number; builtAt: number }): Promise<void> {
    await this.gate.pass();
    if (this.failing) throw new Error('ENOSPC: no space left on device');
    this.saves.push({ ...times, products: index.size });
    this.saved = { index, ...times };
  }
}

function setup(options: { random?: () => number; snapshots?: MemorySnapshots } = {}) {
  const clock = { now: START };
  const erp = new FlakyProducts(START - 1);
  const events: SnapshotEvent[] = [];
  const loader = catalogLoader(erp, { clock: { now: () => new Date(clock.now), monotonicMs: () => clock.now }, random: options.random ?? (() => 1), snapshots: options.snapshots, onSnapshot: (e) => events.push(e) });
  return { clock, erp, loader, events };
}

const HOUR = 60 * 60_000;

async function savedIndex(products: Product[], asOf: number, builtAt = asOf): Promise<SavedCatalog> {
  async function* all() {
    yield* products;
  }
  return { index: await CatalogIndex.build(all()), asOf, builtAt };
}

const renamed = { ...PRODUCTS[0]!, name: 'Kupariputki 15x1,0 kova tanko' };
const topName = async (loader: ReturnType<typeof setup>['loader'], text: string) => (await loader.index()).search(text, 1)[0]?.product.name;

describe('catalogLoader', () => {
  it('builds once, then brings in changed products after a minute, replacing their old versions', async () => {
    const erp = await seededErp();
    let clock = Date.now();
    const loader = catalogLoader(erp.products, { clock: { now: () => new Date(clock), monotonicMs: () => clock } });
    const first = await loader.index();
    await erp.masterData.inTransaction((writer) => writer.write({ products: [renamed] }));

    const soon = await loader.index();
    expect(soon.search('kupariputki 15x1,0 kova tanko', 1)[0]?.product.name).toBe('Kupariputki 15x1,0 kova');

    clock += 61_000;
    const later = await loader.index();
    await erp.close();

    expect(later).toBe(first);
    expect(later.size).toBe(PRODUCTS.length);
    const names = later.search('kupariputki 15x1,0 kova', 5).map((s) => s.product.name);
    expect(names[0]).toBe('Kupariputki 15x1,0 kova tanko');
    expect(names).not.toContain('Kupariputki 15x1,0 kova');
  });

  it('builds the index again once a day in the background, dropping what the ERP stopped selling', async () => {
    const { clock, erp, loader } = setup();
    const first = await loader.index();
    erp.remove(PRODUCTS[0]!.sku);
    clock.now += 25 * HOUR;

    const rebuilt = await until('the rebuild to take over', async () => ((await loader.index()) !== first ? loader.index() : false));

    expect(rebuilt.size).toBe(PRODUCTS.length - 1);
    expect(rebuilt.findByCode(PRODUCTS[0]!.sku)).toEqual([]);
    expect(first.findByCode(PRODUCTS[0]!.sku)).toHaveLength(1);
  });

  it('shares one load among callers that come while it is in flight', async () => {
    const { erp, loader } = setup();
    const release = erp.gate.hold();
    const calls = [loader.index(), loader.index(), loader.index()];
    release();
    const [a, b, c] = await Promise.all(calls);
    expect(erp.reads).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });
});

describe('catalogLoader after a failed load', () => {
  it('fails at once, saying why and when it tries again, until the wait is over; then loads', async () => {
    const { clock, erp, loader } = setup();
    erp.failures = 1;
    const first = loader.index();
    await expect(first).rejects.toBeInstanceOf(CatalogUnavailableError);
    await expect(first).rejects.toThrow('the product catalog could not be loaded (connect ECONNREFUSED 10.0.0.5:443); it is tried again at 2025-03-03T08:00:01.000Z');

    clock.now += 999;
    await expect(loader.index()).rejects.toThrow('tried again at 2025-03-03T08:00:01.000Z');
    expect(erp.reads).toBe(1);

    clock.now += 1;
    expect((await loader.index()).size).toBe(PRODUCTS.length);
    expect(erp.reads).toBe(2);
  });

  it('waits twice as long after each failure in a row, up to a minute', async () => {
    const { clock, erp, loader } = setup();
    erp.failures = 9;
    const waits: number[] = [];
    for (let attempt = 0; attempt < 9; attempt += 1) {
      await loader.index().catch(() => undefined);
      const state = loader.state();
      if (state.status !== 'failed') throw new Error(`expected failed, got ${state.status}`);
      waits.push(Date.parse(state.retryAt) - clock.now);
      clock.now = Date.parse(state.retryAt);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    await loader.index();
    expect(loader.state()).toMatchObject({ status: 'ready' });
  });

  it('waits a random part of the doubled wait, so processes failing together do not retry together', async () => {
    const { clock, erp, loader } = setup({ random: () => 0.25 });
    erp.failures = 2;
    await loader.index().catch(() => undefined);
    clock.now += 250;
    await expect(loader.index()).rejects.toThrow(`tried again at ${new Date(clock.now + 500).toISOString()}`);
  });

  it('starts counting the waits again after a success', async () => {
    const { clock, erp, loader } = setup();
    erp.failures = 2;
    await loader.index().catch(() => undefined);
    clock.now += 1_000;
    await loader.index().catch(() => undefined);
    clock.now += 2_000;
    await loader.index();
    clock.now += 60_000;
    erp.failures = 1;
    await loader.index();
    expect(loader.state()).toMatchObject({ refreshFailed: { retryAt: new Date(clock.now + 1_000).toISOString() } });
  });
});

describe('catalogLoader after a failed refresh', () => {
  it('serves the last good index, and brings the changes in once the ERP answers again', async () => {
    const { clock, erp, loader } = setup();
    const built = await loader.index();
    erp.set(renamed, START + 10_000);
    clock.now += 61_000;
    erp.failures = 1;

    expect(await loader.index()).toBe(built);
    expect(await topName(loader, 'kupariputki 15x1,0 kova')).toBe('Kupariputki 15x1,0 kova');
    expect(loader.state()).toEqual({
      status: 'ready',
      products: PRODUCTS.length,
      ageMs: 61_000,
      refreshFailed: { reason: 'connect ECONNREFUSED 10.0.0.5:443', retryAt: new Date(clock.now + 1_000).toISOString() },
    });

    clock.now += 500;
    await loader.index();
    expect(erp.reads).toBe(2);

    clock.now += 500;
    expect(await topName(loader, 'kupariputki 15x1,0 kova')).toBe('Kupariputki 15x1,0 kova tanko');
    expect(loader.state()).toEqual({ status: 'ready', products: PRODUCTS.length, ageMs: 0 });
  });

  it('reads again from where the failed refresh started', async () => {
    const { clock, erp, loader } = setup();
    await loader.index();
    erp.set(renamed, START + 30_000);
    clock.now += 61_000;
    erp.failures = 1;
    await loader.index();
    clock.now += 1_000;
    expect(await topName(loader, 'kupariputki 15x1,0 kova tanko')).toBe('Kupariputki 15x1,0 kova tanko');
  });
});

describe('catalogLoader.state', () => {
  it('is idle, then loading, then ready with the size and age of the index', async () => {
    const { clock, erp, loader } = setup();
    expect(loader.state()).toEqual({ status: 'idle' });
    const release = erp.gate.hold();
    loader.warm();
    expect(loader.state()).toEqual({ status: 'loading' });
    release();
    await loader.index();
    clock.now += 45_000;
    expect(loader.state()).toEqual({ status: 'ready', products: PRODUCTS.length, ageMs: 45_000 });
  });

  it('is failed with the reason and next try while there is no index', async () => {
    const { erp, loader } = setup();
    erp.failures = 1;
    loader.warm();
    await expect(loader.index()).rejects.toThrow();
    expect(loader.state()).toEqual({ status: 'failed', reason: 'connect ECONNREFUSED 10.0.0.5:443', retryAt: '2025-03-03T08:00:01.000Z' });
  });
});

describe('catalogLoader with a snapshot', () => {
  it('serves the saved index at once and brings in the products changed since it in the background', async () => {
    const snapshots = new MemorySnapshots();
    snapshots.saved = await savedIndex(PRODUCTS, START - HOUR);
    const { erp, loader, events } = setup({ snapshots });
    erp.set(renamed, START - HOUR / 2);
    const release = erp.gate.hold();

    const index = await loader.index();
    expect(index).toBe(snapshots.saved.index);
    expect(erp.reads).toBe(0);
    expect(index.search('kupariputki 15x1,0 kova', 1)[0]?.product.name).toBe('Kupariputki 15x1,0 kova');
    await until('the catch-up', () => erp.reads === 1);
    expect(erp.asked).toEqual([new Date(START - HOUR).toISOString()]);
    expect(loader.state()).toEqual({ status: 'ready', products: PRODUCTS.length, ageMs: HOUR });
    expect(events).toEqual([{ event: 'loaded', products: PRODUCTS.length, asOf: new Date(START - HOUR).toISOString() }]);

    release();
    await loader.close();
    expect(index.search('kupariputki 15x1,0 kova', 1)[0]?.product.name).toBe('Kupariputki 15x1,0 kova tanko');
    expect(loader.state()).toEqual({ status: 'ready', products: PRODUCTS.length, ageMs: 0 });
  });

  it('catches up with a snapshot only seconds old too: another process may have changed the ERP since', async () => {
    const snapshots = new MemorySnapshots();
    snapshots.saved = await savedIndex(PRODUCTS, START - 5_000);
    const { erp, loader } = setup({ snapshots });
    erp.set(renamed, START - 2_000);
    await loader.index();
    await loader.close();
    expect(erp.asked).toEqual([new Date(START - 5_000).toISOString()]);
    expect(await topName(loader, 'kupariputki 15x1,0 kova')).toBe('Kupariputki 15x1,0 kova tanko');
  });

  it('serves the saved index while the ERP is down, saying the refresh failed', async () => {
    const snapshots = new MemorySnapshots();
    snapshots.saved = await savedIndex(PRODUCTS, START - HOUR);
    const { erp, loader } = setup({ snapshots });
    erp.failures = 1;
    await loader.index();
    await loader.close();
    expect(loader.state()).toMatchObject({ status: 'ready', ageMs: HOUR, refreshFailed: { reason: 'connect ECONNREFUSED 10.0.0.5:443' } });
  });

  it('builds from the ERP when there is no snapshot, and saves what it built as of when it began reading', async () => {
    const snapshots = new MemorySnapshots();
    const { clock, erp, loader, events } = setup({ snapshots });
    const release = erp.gate.hold();
    const loading = loader.index();
    await until('the ERP read', () => erp.reads === 1);
    clock.now += 5_000;
    release();
    await loading;
    await loader.close();
    expect(snapshots.saves).toEqual([{ asOf: START, builtAt: START, products: PRODUCTS.length }]);
    expect(events.map((e) => e.event)).toEqual(['ignored', 'saved']);
    expect(events[0]).toEqual({ event: 'ignored', reason: 'no snapshot yet' });
  });

  it('builds afresh from an index built over a day ago, as refreshes never drop what the ERP stopped selling', async () => {
    const snapshots = new MemorySnapshots();
    snapshots.saved = await savedIndex([...PRODUCTS, { ...PRODUCTS[0]!, sku: '9999999', name: 'Poistunut tuote' }], START - HOUR, START - 25 * HOUR);
    const { loader, events } = setup({ snapshots });
    const index = await loader.index();
    await loader.close();
    expect(index.size).toBe(PRODUCTS.length);
    expect(events[0]).toEqual({ event: 'ignored', reason: 'built from the ERP at 2025-03-02T07:00:00.000Z, over a day ago: building afresh drops the products the ERP stopped selling' });
    expect(snapshots.saves).toEqual([{ asOf: START, builtAt: START, products: PRODUCTS.length }]);
  });

  it('saves after refreshes that changed products, at most every ten minutes', async () => {
    const snapshots = new MemorySnapshots();
    const { clock, erp, loader } = setup({ snapshots });
    await loader.index();
    // A mail waits for the refresh it finds due, and the write starts as that ends.
    const refreshAt = async (minutes: number, change?: Product) => {
      clock.now = START + minutes * 60_000;
      if (change) erp.set(change, clock.now - 1);
      await loader.index();
    };
    await refreshAt(2, renamed);
    await refreshAt(9);
    expect(snapshots.saves.map((s) => s.asOf)).toEqual([START]);
    await refreshAt(11);
    await refreshAt(22);
    await refreshAt(33, { ...renamed, name: 'Kupariputki 15x1,0 kova tanko 5 m' });
    expect(snapshots.saves).toEqual([
      { asOf: START, builtAt: START, products: PRODUCTS.length },
      { asOf: START + 11 * 60_000, builtAt: START, products: PRODUCTS.length },
      { asOf: START + 33 * 60_000, builtAt: START, products: PRODUCTS.length },
    ]);
  });

  it('does not change the index while it is being written, nor keep the mail waiting for it', async () => {
    const snapshots = new MemorySnapshots();
    const { clock, erp, loader } = setup({ snapshots });
    const release = snapshots.gate.hold();
    await loader.index();
    erp.set(renamed, START + 1_000);
    clock.now += 61_000;
    expect(await topName(loader, 'kupariputki 15x1,0 kova')).toBe('Kupariputki 15x1,0 kova');
    expect(erp.reads).toBe(1);
    release();
    await loader.close();
    expect(erp.reads).toBe(1);
    expect(await topName(loader, 'kupariputki 15x1,0 kova')).toBe('Kupariputki 15x1,0 kova');
  });

  it('tries saving again at the first refresh ten minutes after a failed write', async () => {
    const snapshots = new MemorySnapshots();
    snapshots.failing = true;
    const { clock, loader, events } = setup({ snapshots });
    await loader.index();
    await until('the failed write', () => events.some((e) => e.event === 'save failed'));
    expect(events.at(-1)).toEqual({ event: 'save failed', reason: 'ENOSPC: no space left on device' });
    snapshots.failing = false;
    clock.now += 5 * 60_000;
    await loader.index();
    expect(snapshots.saves).toEqual([]);
    clock.now += 6 * 60_000;
    await loader.index();
    expect(snapshots.saves).toEqual([{ asOf: clock.now, builtAt: START, products: PRODUCTS.length }]);
  });
});
