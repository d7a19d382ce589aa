import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIRECTORY_SETTLE_MS, DirectorySource } from '../../../src/email/sources/directory-source.js';
import { settled } from '../../support/dropped-mail.js';
import { systemClock } from '../../../src/time/clock.js';

const folder = () => mkdtempSync(join(tmpdir(), 'offerflow-drop-'));
const ids = async (source: DirectorySource) => (await source.list()).map((m) => m.id);

const mail = (path: string) => () => writeFileSync(path, 'Subject: x\r\n\r\nx\r\n');

describe('a folder of .eml files', () => {
  it('leaves a file alone while it may still be being written, and takes it once it has gone unchanged', async () => {
    const path = folder();
    const source = new DirectorySource(path, 'done', systemClock);
    settled(join(path, 'old.eml'), mail(join(path, 'old.eml')));
    mail(join(path, 'copying.eml'))();

    expect(await ids(source)).toEqual(['old.eml']);

    const at = new Date(Date.now() - DIRECTORY_SETTLE_MS - 500);
    utimesSync(join(path, 'copying.eml'), at, at);
    expect(await ids(source)).toEqual(['copying.eml', 'old.eml']);
  });

  it('lists only .eml files, not hidden ones (a copy under way under a temporary name)', async () => {
    const path = folder();
    for (const name of ['a.EML', '.b.eml', 'c.eml.part', 'notes.txt']) settled(join(path, name), mail(join(path, name)));

    expect(await ids(new DirectorySource(path, 'done', systemClock))).toEqual(['a.EML']);
  });

  it('takes every file at once for a batch over a folder that is complete', async () => {
    const path = folder();
    mail(join(path, 'just-written.eml'))();

    expect(await ids(new DirectorySource(path, 'done', systemClock, 0))).toEqual(['just-written.eml']);
  });
});
