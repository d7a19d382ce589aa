import { describe, expect, it } from 'vitest';
import { catalogLoader, CatalogUnavailableError } from '../../src/app/catalog-loader.js';
import type { Product } from '../../src/domain/product.js';
import type { ProductRepository } from '../../src/erp/ports.js';
import { PRODUCTS, seededErp } from '../support/seller.js';

const START = Date.parse('2025-03-03T08:00:00Z');

/** An ERP whose product reads fail while `failures` lasts, and can be held open with `hold()`. */
class FlakyProducts implements ProductRepository {
  failures = 0;
  reads = 0;
  private readonly rows = new Map<string, { product: Product; modifiedAt: number }>();
  private held: Promise<void> | null = null;

  constructor(at: number) {
    for (const product of PRODUCTS) this.set(product, at);
  }

  set(product: Product, modifiedAt: number): void {
    this.rows.set(product.sku, { product, modifiedAt });
  }

  /** Reads wait until the returned function is called. */
  hold(): () => void {
    let resolve = () => {};
    this.held = new Promise<void>((done) => (resolve = done));
    return () => {
      this.held = null;
      resolve();
    };
  }

  async *iterate(options: { modifiedAfter?: string } = {}): AsyncIterable<Product> {
    this.reads += 1;
    if (this.held) await this.held;
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

function setup(options: { random?: () => number } = {}) {
  const clock = { now: START };
  const erp = new FlakyProducts(START - 1);
  const loader = catalogLoader(erp, { now: () => clock.now, random: options.random ?? (() => 1) });
  return { clock, erp, loader };
}

const renamed = { ...PRODUCTS[0]!, name: 'Kupariputki 15x1,0 kova tanko' };
const topName = async (loader: ReturnType<typeof setup>['loader'], text: string) => (await loader.index()).search(text, 1)[0]?.product.name;

describe('catalogLoader', () => {
  it('builds once, then brings in changed products after a minute, replacing their old versions', async () => {
    const erp = await seededErp();
    let clock = Date.now();
    const loader = catalogLoader(erp.products, { now: () => clock });
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

  it('shares one load among callers that come while it is in flight', async () => {
    const { erp, loader } = setup();
    const release = erp.hold();
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
    const release = erp.hold();
    loader.warm();
    expect(loader.state()).toEqual({ status: 'loading' });
    expect(erp.reads).toBe(1);
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
