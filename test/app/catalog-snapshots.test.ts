import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { erpSource, snapshotFile } from '../../src/app/catalog-snapshots.js';
import { CatalogIndex } from '../../src/matching/catalog-index.js';
import { INDEX_FORMAT } from '../../src/matching/catalog-snapshot.js';
import { catalogSnapshotFile } from '../../src/store/catalog-snapshot-file.js';
import { CATALOG, streamOf } from '../matching/catalog.js';
import { systemClock } from '../../src/time/clock.js';

const SOURCE = erpSource('lemonsoft', { baseUrl: 'https://erp.example.fi', database: 'LIVE', username: 'offerflow', password: 'secret' });
const TIMES = { asOf: Date.parse('2025-03-03T08:00:00Z'), builtAt: Date.parse('2025-03-03T07:00:00Z') };

let index: CatalogIndex;
beforeAll(async () => {
  index = await CatalogIndex.build(streamOf(CATALOG));
});

async function saved(): Promise<string> {
  const file = catalogSnapshotFile(mkdtempSync(join(tmpdir(), 'offerflow-snapshots-')));
  await snapshotFile(file, SOURCE, systemClock).save(index, TIMES);
  return file;
}

async function ignoredBecause(file: string, source = SOURCE): Promise<string> {
  const loaded = await snapshotFile(file, source, systemClock).load();
  if (!('ignored' in loaded)) throw new Error('the snapshot was used');
  return loaded.ignored;
}

describe('erpSource', () => {
  it('is the same for the same settings in any order, and differs for another installation', () => {
    expect(erpSource('lemonsoft', { database: 'LIVE', username: 'offerflow', password: 'secret', baseUrl: 'https://erp.example.fi' })).toBe(SOURCE);
    expect(erpSource('lemonsoft', { baseUrl: 'https://erp.example.fi', database: 'TEST', username: 'offerflow', password: 'secret' })).not.toBe(SOURCE);
    expect(erpSource('local', {})).toMatch(/^local:[0-9a-f]{16}$/);
    expect(SOURCE).not.toContain('secret');
  });
});

describe('snapshotFile', () => {
  it('loads the index it saved, with the times it was saved with', async () => {
    const loaded = await snapshotFile(await saved(), SOURCE, systemClock).load();
    if ('ignored' in loaded) throw new Error(loaded.ignored);
    expect({ asOf: loaded.asOf, builtAt: loaded.builtAt }).toEqual(TIMES);
    expect(loaded.index.search('Kupariputki 22x1,0 kova', 3)).toEqual(index.search('Kupariputki 22x1,0 kova', 3));
    expect(readFileSync(await saved()).includes(Buffer.from('secret'))).toBe(false);
  });

  it('ignores a missing file', async () => {
    expect(await ignoredBecause(join(mkdtempSync(join(tmpdir(), 'offerflow-snapshots-')), 'none'))).toBe('no snapshot yet');
  });

  it('ignores a file from another ERP', async () => {
    expect(await ignoredBecause(await saved(), erpSource('local', {}))).toMatch(/^made from another ERP \(lemonsoft:\w+, this is local:\w+\)$/);
  });

  it('ignores a truncated file', async () => {
    const file = await saved();
    truncateSync(file, readFileSync(file).length - 1_000);
    expect(await ignoredBecause(file)).toMatch(/^truncated: /);
  });

  it('ignores a corrupt file', async () => {
    const file = await saved();
    const bytes = readFileSync(file);
    const at = bytes.length - 5_000;
    bytes.writeUInt8(bytes[at]! ^ 0x55, at);
    writeFileSync(file, bytes);
    expect(await ignoredBecause(file)).toMatch(/ section is corrupt \(checksum\)$/);
  });

  it('ignores a file of another index format', async () => {
    const file = await saved();
    const bytes = readFileSync(file);
    const at = bytes.indexOf(`"indexFormat":${INDEX_FORMAT}`);
    bytes.write(`"indexFormat":${INDEX_FORMAT + 1}`, at);
    writeFileSync(file, bytes);
    expect(await ignoredBecause(file)).toBe(`index format ${INDEX_FORMAT + 1}, this Offerflow builds ${INDEX_FORMAT}`);
  });

  it('ignores a file that is no snapshot', async () => {
    const file = await saved();
    writeFileSync(file, 'sku;name\n');
    expect(await ignoredBecause(file)).toBe('not a catalog snapshot');
  });
});
