import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, offerflow, seeded } from '../support/cli.js';
import { fixturePath } from '../support/fixtures.js';

async function folderOfMail(dataDir: string): Promise<string> {
  const folder = join(dataDir, 'batch');
  mkdirSync(folder);
  for (const name of ['rfq-known-customer.eml', 'thanks.eml', 'rfq-unmatched-line.eml']) copyFileSync(fixturePath(`workflow/${name}`), join(folder, name));
  return folder;
}

describe('offerflow replay', () => {
  it('runs a folder in shadow mode, prints what it came to, and writes nothing anywhere', async () => {
    const dataDir = await seeded();
    const folder = await folderOfMail(dataDir);

    const run = await offerflow(['replay', folder, '--json', '--data-dir', dataDir]);

    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(jsonLines(lines.slice(0, 3).join('\n')).map((r) => r.status)).toEqual(['created', 'needs_review', 'not_an_rfq']);
    expect(lines[3]).toMatch(/^REPLAY mails=3 created=1 needs_review=1 not_an_rfq=1 failed=0 duplicate=0 lines=\d+ matched=\d+ touchless=0\.500 seconds=/);
    expect(JSON.parse((await offerflow(['runs', 'list', '--json', '--data-dir', dataDir])).stdout)).toEqual([]);
    expect(readdirSync(folder)).toHaveLength(3);
  });

  it('creates the offers in auto mode, as the service would', async () => {
    const dataDir = await seeded();
    const run = await offerflow(['replay', await folderOfMail(dataDir), '--mode', 'auto', '--quiet', '--data-dir', dataDir]);

    expect(run.stdout).toMatch(/^REPLAY mails=3 created=1 needs_review=1/);
    expect((await offerflow(['offers', 'show', '10001', '--data-dir', dataDir])).code).toBe(0);
  });

  it('names a source that is neither a folder nor a configured mailbox', async () => {
    const run = await offerflow(['replay', 'no-such-mailbox', '--data-dir', await seeded()]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("'no-such-mailbox' is neither a folder nor a configured mailbox (none configured)");
  });
});
