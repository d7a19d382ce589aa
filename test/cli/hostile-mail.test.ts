import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonLines, offerflow, seeded } from '../support/cli.js';
import { goodMail, HOSTILE_MAILS, htmlMail } from '../support/hostile-mail.js';
import { getJson, serve, stopServed, writeServiceConfig } from '../support/serve.js';
import { until } from '../support/until.js';

/** Short enough that a mail stopped for it costs the suite little; long enough for any honest mail. */
const BUDGET_SECONDS = 8;
/** Besides reading (the budget): matching, pricing, writing the offer, and starting a thread. */
const SLACK_MS = 5_000;

interface Result {
  status: string;
  warnings: string[];
  errors: string[];
  failure: { code: string } | null;
  steps: { name: string; ms: number }[];
  lines: unknown[];
}

const READING_STEPS = new Set(['parse_email', 'extract_products']);
const readingMs = (result: Result) => result.steps.filter((s) => READING_STEPS.has(s.name)).reduce((sum, s) => sum + s.ms, 0);

afterEach(() => stopServed());

describe('hostile mail', () => {
  it('finishes each one within its budget, naming what it did not read, and the next mail of the batch succeeds', async () => {
    const dataDir = await seeded();
    writeFileSync(join(dataDir, 'offerflow.json'), JSON.stringify({ limits: { readingSeconds: BUDGET_SECONDS } }));
    const files = HOSTILE_MAILS.flatMap(({ mail }, i) => {
      const hostile = join(dataDir, `${i}-hostile.eml`);
      const good = join(dataDir, `${i}-good.eml`);
      writeFileSync(hostile, mail(`hostile-${i}`));
      writeFileSync(good, goodMail(`good-${i}`));
      return [hostile, good];
    });

    const run = await offerflow(['process', ...files, '--json', '--data-dir', dataDir]);
    const results = jsonLines(run.stdout) as unknown as Result[];

    expect(results).toHaveLength(files.length);
    HOSTILE_MAILS.forEach(({ name }, i) => {
      const hostile = results[2 * i]!;
      const next = results[2 * i + 1]!;
      expect(readingMs(hostile), name).toBeLessThan(BUDGET_SECONDS * 1000 + SLACK_MS);
      expect(hostile.failure?.code, `${name}: ${hostile.errors.join('; ')}`).not.toBe('mail_over_time_budget');
      expect(next.status, `the mail after ${name}`).toBe('created');
    });
    const byName = Object.fromEntries(HOSTILE_MAILS.map(({ name }, i) => [name, results[2 * i]!]));
    expect(byName['a line of 100,000 spaces']!.warnings).toEqual([expect.stringMatching(/^the text line 1 is 100,\d{3} characters long, over the 2,000-character limit for a line; not read$/)]);
    expect(byName['a 1 MB line of dashes']!.status).toBe('needs_review');
    expect(byName['a single 2 MB line']!.warnings[0]).toMatch(/over the 2,000-character limit for a line; not read/);
    expect(byName['200,000 item lines']).toMatchObject({ status: 'needs_review', lines: expect.any(Array) });
    expect(byName['200,000 item lines']!.lines).toHaveLength(500);
    expect(byName['200,000 item lines']!.warnings).toContain('the request has more than 500 lines, over the limit; read the first 500, the rest not read');
    expect(byName['5,000 attachments']!.warnings).toContain('the mail has 5000 attachments, over the 20-attachment limit; read the first 20');
    expect(byName['no email at all']).toMatchObject({ status: 'failed', failure: { code: 'not_an_email', permanent: true } });
  }, 300_000);

  it('stops a mail at its budget while the service goes on answering /healthz, and does the next mail', async () => {
    const dataDir = await seeded();
    const inbox = join(dataDir, 'inbox');
    mkdirSync(inbox);
    // Lines up to the most the limits allow, so that what stops the mail is the time it takes.
    writeServiceConfig(dataDir, inbox, { limits: { readingSeconds: 1, lines: 100_000 } });
    const served = await serve(dataDir);
    // Honest but far too much to read in a second: a 14 MB HTML table of a quarter million rows
    // (about three seconds to read on a quiet development machine).
    writeFileSync(join(inbox, '0-slow.eml'), htmlMail('slow', `<table>${'<tr><td>Kupariputki 15x1,0 kova</td><td>10 m</td></tr>\r\n'.repeat(250_000)}</table>`));
    writeFileSync(join(inbox, '1-good.eml'), goodMail('after-slow'));

    let slowest = 0;
    await until(
      'the good mail to be done and the slow one given up',
      async () => {
        const started = Date.now();
        expect((await getJson(served, '/healthz')).status).toBe(200);
        slowest = Math.max(slowest, Date.now() - started);
        return existsSync(join(inbox, 'done', '1-good.eml')) && served.log.some((l) => l.msg === 'run gave up: dead letter');
      },
      60_000,
    );

    expect(served.log.find((l) => l.msg === 'run gave up: dead letter')).toMatchObject({ code: 'mail_over_time_budget', attempts: 1 });
    expect(readdirSync(inbox).filter((f) => f.endsWith('.eml'))).toEqual(['0-slow.eml']);
    expect(slowest).toBeLessThan(1_000);
  }, 120_000);
});
