import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIRECTORY_SETTLE_MS, DirectorySource } from '../../../src/email/sources/directory-source.js';

const folder = () => mkdtempSync(join(tmpdir(), 'offerflow-drop-'));
const ids = async (source: DirectorySource) => (await source.list()).map((m) => m.id);

function writtenAgo(path: string, ms: number): void {
  writeFileSync(path, 'Subject: x\r\n\r\nx\r\n');
  const at = new Date(Date.now() - ms);
  utimesSync(path, at, at);
}

describe('a folder of .eml files', () => {
  it('leaves a file alone while it may still be being written, and takes it once it has gone unchanged', async () => {
    const path = folder();
    const source = new DirectorySource(path, 'done');
    writtenAgo(join(path, 'old.eml'), DIRECTORY_SETTLE_MS + 500);
    writtenAgo(join(path, 'copying.eml'), 0);

    expect(await ids(source)).toEqual(['old.eml']);

    const at = new Date(Date.now() - DIRECTORY_SETTLE_MS - 500);
    utimesSync(join(path, 'copying.eml'), at, at);
    expect(await ids(source)).toEqual(['copying.eml', 'old.eml']);
  });

  it('lists only .eml files, not hidden ones (a copy under way under a temporary name)', async () => {
    const path = folder();
    for (const name of ['a.EML', '.b.eml', 'c.eml.part', 'notes.txt']) writtenAgo(join(path, name), DIRECTORY_SETTLE_MS + 500);

    expect(await ids(new DirectorySource(path, 'done'))).toEqual(['a.EML']);
  });
});
