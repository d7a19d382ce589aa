import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, offerflow, seeded } from '../support/cli.js';
import { fixture, fixturePath } from '../support/fixtures.js';

/** A request whose only item list is the given attachment, written as a real MIME message. */
function emailWithAttachment(file: string, filename: string, contentType: string, content: Buffer): string {
  const base64 = content.toString('base64').replace(/.{76}/g, '$&\r\n');
  const mime = [
    'From: Matti Putkinen <matti@putki.fi>',
    'To: Mikko Myyjä <mikko@seller.fi>',
    `Subject: Tarjouspyyntö, lista liitteenä (${filename})`,
    `Message-ID: <${filename}@putki.fi>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=UTF-8',
    '',
    'Hei, lista liitteenä.',
    '--b',
    `Content-Type: ${contentType}; name="${filename}"`,
    `Content-Disposition: attachment; filename="${filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64,
    '--b--',
    '',
  ].join('\r\n');
  writeFileSync(file, mime);
  return file;
}

describe('bad input in a batch', () => {
  it('ends each bad email with a reason, keeps every run, and goes on to the next', async () => {
    const dataDir = await seeded();
    const junk = join(dataDir, 'junk.eml');
    writeFileSync(junk, randomBytes(4096));
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const huge = emailWithAttachment(join(dataDir, 'huge.eml'), 'tuotteet.xlsx', xlsx, randomBytes(15 * 1024 * 1024));
    const corrupt = emailWithAttachment(join(dataDir, 'corrupt.eml'), 'rikki.xlsx', xlsx, fixture('attachments/rikki.xlsx'));
    const locked = emailWithAttachment(join(dataDir, 'locked.eml'), 'salattu.pdf', 'application/pdf', fixture('attachments/salattu.pdf'));
    const good = fixturePath('workflow/rfq-known-customer.eml');

    const run = await offerflow(['process', junk, huge, corrupt, locked, good, '--json', '--data-dir', dataDir]);
    const [junkResult, hugeResult, corruptResult, lockedResult, goodResult] = jsonLines(run.stdout) as { status: string; errors: string[]; warnings: string[] }[];

    expect(run.code).toBe(1);
    expect(junkResult).toMatchObject({
      status: 'failed',
      errors: ['parse_email: this is not an email: it has no From, Subject, Date or Message-ID header'],
      failure: { code: 'not_an_email', permanent: true },
    });
    expect(hugeResult!.status).toBe('needs_review');
    expect(hugeResult!.warnings).toContain('tuotteet.xlsx: 15 MB is over the 10 MB attachment limit; not read');
    expect(corruptResult!.status).toBe('needs_review');
    expect(corruptResult!.warnings.some((w) => w.startsWith('rikki.xlsx: not a valid XLSX file'))).toBe(true);
    expect(lockedResult!.warnings).toContain('salattu.pdf: password-protected; not read');
    expect(goodResult!.status).toBe('created');

    const runs = JSON.parse((await offerflow(['runs', 'list', '--json', '--data-dir', dataDir])).stdout) as { status: string }[];
    expect(runs.map((r) => r.status).sort()).toEqual(['created', 'failed', 'needs_review', 'needs_review', 'needs_review']);
  });
});
