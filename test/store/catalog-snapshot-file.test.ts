import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogSnapshotFile, readCatalogSnapshotFile, writeCatalogSnapshotFile } from '../../src/store/catalog-snapshot-file.js';

function newFile(): string {
  return catalogSnapshotFile(mkdtempSync(join(tmpdir(), 'offerflow-snapshot-')));
}

const bytes = (text: string) => new TextEncoder().encode(text);
const filesBeside = (file: string) => readdirSync(join(file, '..')).sort();

describe('catalog snapshot file', () => {
  it('writes the pieces one after another and reads them back in a buffer of their own', async () => {
    const file = newFile();
    await writeCatalogSnapshotFile(file, [bytes('OFCAT'), bytes(''), bytes('IDX'), new Uint8Array(3)], new Date());
    const read = await readCatalogSnapshotFile(file);
    expect(Buffer.from(read!).toString('latin1')).toBe('OFCATIDX\0\0\0');
    expect(read!.byteOffset).toBe(0);
    expect(filesBeside(file)).toEqual(['catalog-index.snapshot']);
  });

  it('reads nothing when there is no file', async () => {
    expect(await readCatalogSnapshotFile(newFile())).toBeNull();
  });

  it('leaves the old file whole, and no temporary file, when a write fails half way', async () => {
    const file = newFile();
    await writeCatalogSnapshotFile(file, [bytes('old snapshot')], new Date());
    function* failing() {
      yield bytes('new snap');
      throw new Error('the index changed');
    }
    await expect(writeCatalogSnapshotFile(file, failing(), new Date())).rejects.toThrow('the index changed');
    expect(readFileSync(file, 'utf8')).toBe('old snapshot');
    expect(filesBeside(file)).toEqual(['catalog-index.snapshot']);
  });

  it('leaves one whole file when several processes write at once', async () => {
    const file = newFile();
    const versions = ['a', 'b', 'c', 'd'].map((v) => Array.from({ length: 64 }, () => bytes(v.repeat(64 * 1024))));
    await Promise.all(versions.map((pieces) => writeCatalogSnapshotFile(file, pieces, new Date())));
    const text = readFileSync(file, 'latin1');
    expect(text).toHaveLength(64 * 64 * 1024);
    expect(new Set(text).size).toBe(1);
    expect(filesBeside(file)).toEqual(['catalog-index.snapshot']);
  });

  it('removes the temporary file of a writer that died long ago, not one of a writer at work', async () => {
    const file = newFile();
    const dead = `${file}.4242.0badc0ffee00.tmp`;
    const working = `${file}.4343.0123456789ab.tmp`;
    writeFileSync(dead, 'half');
    writeFileSync(working, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    utimesSync(dead, twoHoursAgo, twoHoursAgo);
    await writeCatalogSnapshotFile(file, [bytes('whole')], new Date());
    expect(filesBeside(file)).toEqual(['catalog-index.snapshot', 'catalog-index.snapshot.4343.0123456789ab.tmp']);
  });
});
