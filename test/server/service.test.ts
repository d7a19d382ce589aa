import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { RunningSimulator } from '../../src/erp/lemonsoft/simulator/server.js';
import { serviceLogger } from '../../src/server/logger.js';
import { startService, type RunningService } from '../../src/server/service.js';
import { lemonsoftReader, lemonsoftSettings, startSimulator } from '../erp/conformance/harnesses.js';
import { IMAP_PASSWORD, startDovecot, type Dovecot } from '../support/dovecot.js';
import { startSmtp, type CapturingSmtp } from '../support/smtp.js';
import { fixturePath } from '../support/fixtures.js';
import { seededErp, tempDataDir } from '../support/seller.js';
import { until } from '../support/until.js';
import { systemClock } from '../../src/time/clock.js';
import { letterheadSchema } from '../../src/answer/letterhead.js';


/** Log lines, parsed, for tests that read what the service said. */
function captureLog(): { lines: Record<string, unknown>[]; log: ReturnType<typeof serviceLogger> } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: serviceLogger(sink) };
}


/** These mailboxes' runs never mail their customers: what is tested here is taking mail in and working on it. */
const NO_REPLIES = { policy: 'never' as const, from: null, copySalesperson: false };
describe('the service', () => {
  let dataDir: string;
  let inbox: string;
  let service: RunningService | null;
  let sim: RunningSimulator | null;

  beforeEach(() => {
    dataDir = tempDataDir();
    inbox = join(dataDir, 'inbox');
    mkdirSync(inbox);
    service = null;
    sim = null;
  });

  afterEach(async () => {
    await service?.stop();
    await sim?.close();
  });

  function config(extra: Record<string, unknown> = {}): Config {
    const env = { OFFERFLOW_POLL_SECONDS: '0.1', OFFERFLOW_RETRY_BASE_SECONDS: '0.05', ...extra };
    return {
      ...loadConfig({ dataDir, env, erpTypes: ['local', 'lemonsoft'] }),
      mailboxes: [{ type: 'directory', name: 'rfq@seller.fi', path: inbox, doneFolder: 'done', mode: 'auto', replies: NO_REPLIES }],
    };
  }

  const get = async (path: string) => {
    const answer = await fetch(`http://127.0.0.1:${service!.port}${path}`);
    return { status: answer.status, text: await answer.text() };
  };

  it('sends the offer of a run that ended created in an auto mailbox set to reply on its own to the customer, once, and tells the salesperson', async () => {
    await (await seededErp(dataDir)).close();
    const smtp = await startSmtp();
    try {
      const auto = { type: 'directory' as const, name: 'rfq@seller.fi', path: inbox, doneFolder: 'done', mode: 'auto' as const, replies: { policy: 'auto' as const, from: null, copySalesperson: false } };
      const notifications = { host: '127.0.0.1', port: smtp.port, secure: false, from: 'offerflow@seller.fi' };
      service = await startService({ ...config(), mailboxes: [auto], notifications, letterhead: letterheadSchema.parse({ name: 'Seller Oy' }) }, { port: 0, host: '127.0.0.1', log: captureLog().log, clock: systemClock });
      copyFileSync(fixturePath('workflow/rfq-known-customer.eml'), join(inbox, 'a.eml'));

      await until('the mail to be done', () => existsSync(join(inbox, 'done', 'a.eml')));
      await until('two mails sent', () => smtp.mails.length >= 2);

      const toCustomer = smtp.mails.filter((m) => m.attachments.some((a) => a.contentType === 'application/pdf'));
      expect(toCustomer).toHaveLength(1);
      expect(toCustomer[0]!.inReplyTo).toMatch(/^<.+>$/);
      expect(smtp.mails).toHaveLength(2);
    } finally {
      await service?.stop();
      service = null;
      await smtp.stop();
    }
  });

  it('turns a new mail into an offer, moves the mail to done, and counts it in /metrics', async () => {
    await (await seededErp(dataDir)).close();
    const { lines, log } = captureLog();
    service = await startService(config(), { port: 0, host: '127.0.0.1', log, clock: systemClock });
    copyFileSync(fixturePath('workflow/rfq-known-customer.eml'), join(inbox, 'a.eml'));

    await until('the mail to be done', () => existsSync(join(inbox, 'done', 'a.eml')));

    expect(lines.find((l) => l.msg === 'run finished')).toMatchObject({ status: 'created', offerNumber: '10001' });
    const metrics = (await get('/metrics')).text;
    expect(metrics).toContain('offerflow_mails_seen_total{mailbox="rfq@seller.fi"} 1');
    expect(metrics).toContain('offerflow_runs_total{status="created"} 1');
    expect(metrics).toMatch(/offerflow_erp_call_duration_seconds_count\{call="offers\.create"\} 1/);
    expect(metrics).toMatch(/offerflow_step_duration_seconds_count\{step="match_products"\} 1/);
    expect(metrics).toContain('offerflow_queue_jobs{state="queued"} 0');
  });

  it('takes a request from an IMAP inbox to an offer, mails the salesperson, and moves the mail out of the inbox', async () => {
    await (await seededErp(dataDir)).close();
    const dovecot: Dovecot = await startDovecot();
    const smtp: CapturingSmtp = await startSmtp();
    try {
      const { log } = captureLog();
      const imap = { type: 'imap' as const, name: 'myynti', mode: 'auto' as const, replies: NO_REPLIES, host: '127.0.0.1', port: dovecot.port, secure: false, user: 'myynti@seller.fi', passwordEnv: 'TEST_IMAP_PASSWORD', folder: 'INBOX', doneFolder: 'Processed' };
      process.env.TEST_IMAP_PASSWORD = IMAP_PASSWORD;
      smtp.refuse(1);
      service = await startService(
        { ...config(), mailboxes: [imap], notifications: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'offerflow@seller.fi' } },
        { port: 0, host: '127.0.0.1', log, clock: systemClock },
      );
      const mail = await dovecot.client('myynti@seller.fi');
      await mail.append('INBOX', readFileSync(fixturePath('workflow/rfq-known-customer.eml')));

      await until('the notification', () => smtp.mails.length === 1);
      await until('the mail to leave the inbox', async () => (await mail.status('INBOX', { messages: true })).messages === 0);
      expect((await mail.status('Processed', { messages: true })).messages).toBe(1);
      await mail.logout();
      const [sent] = smtp.mails;
      expect(sent?.to).toMatchObject({ text: 'mikko@seller.fi' });
      expect(sent?.subject).toBe('Tarjous 10001 luotu: Putki Oy (20001)');
      expect(sent?.text).toContain('1000015 Kupariputki 15x1,0 kova');
      expect(sent?.html).toContain('<table');
      expect(JSON.parse((await get('/readyz')).text).checks).toEqual({
        store: 'ok',
        catalog: expect.stringMatching(/^ready: \d+ products, \d+ s old$/),
        queue: 'ok',
        erp: 'ok',
        smtp: 'ok',
        'mailbox:myynti': 'ok',
      });
    } finally {
      await service?.stop();
      service = null;
      await dovecot.stop();
      await smtp.stop();
    }
  });

  it('watches several mailboxes at once, each in its own mode', async () => {
    await (await seededErp(dataDir)).close();
    const trial = join(dataDir, 'trial');
    mkdirSync(trial);
    const { lines, log } = captureLog();
    service = await startService(
      { ...config(), mailboxes: [...config().mailboxes, { type: 'directory', name: 'trial@seller.fi', path: trial, doneFolder: 'done', mode: 'shadow', replies: NO_REPLIES }] },
      { port: 0, host: '127.0.0.1', log, clock: systemClock },
    );
    copyFileSync(fixturePath('workflow/rfq-known-customer.eml'), join(inbox, 'a.eml'));
    copyFileSync(fixturePath('workflow/web-form.eml'), join(trial, 'b.eml'));

    await until('both runs', () => lines.filter((l) => l.msg === 'run finished').length === 2);
    await until('the auto mail to be done', () => existsSync(join(inbox, 'done', 'a.eml')));
    expect(existsSync(join(trial, 'b.eml'))).toBe(true);
    const finished = lines.filter((l) => l.msg === 'run finished');
    expect(finished.map((l) => l.offerNumber).sort()).toEqual(['10001', null]);
    expect((await get('/metrics')).text).toMatch(/offerflow_mails_seen_total\{mailbox="trial@seller.fi"\} 1/);
  });

  it('is ready only when every mailbox can be read, and names the one that cannot', async () => {
    const { log } = captureLog();
    service = await startService({ ...config(), mailboxes: [{ type: 'directory', name: 'gone', path: join(dataDir, 'missing'), doneFolder: 'done', mode: 'auto', replies: NO_REPLIES }] }, { port: 0, host: '127.0.0.1', log, clock: systemClock });

    await until('the catalog to be loaded', async () => JSON.parse((await get('/readyz')).text).checks.catalog.startsWith('ready'));
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'not ready',
      checks: { store: 'ok', catalog: expect.stringMatching(/^ready: /), queue: 'ok', erp: 'ok', 'mailbox:gone': expect.stringContaining('cannot be read') },
    });
    expect((await get('/healthz')).status).toBe(200);
  });

  it('keeps retrying while the ERP is down, loses nothing, and makes the offer once it is back', async () => {
    sim = await startSimulator(dataDir);
    const settings = lemonsoftSettings(sim);
    const env = Object.fromEntries(Object.entries(settings).map(([k, v]) => [`OFFERFLOW_ERP_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`, String(v)]));
    sim.setFaults({ fail: [{ status: 503, count: 1_000, match: '^(GET|POST|PUT) /api/(offers|pricelists)' }] });
    const { lines, log } = captureLog();
    service = await startService(config({ ERP_TYPE: 'lemonsoft', ...env, OFFERFLOW_ERP_MAX_RETRIES: '0' }), { port: 0, host: '127.0.0.1', log, clock: systemClock });
    copyFileSync(fixturePath('workflow/rfq-known-customer.eml'), join(inbox, 'a.eml'));

    await until('two failed tries', () => lines.filter((l) => l.msg === 'run failed; will retry').length >= 2);
    expect(existsSync(join(inbox, 'a.eml'))).toBe(true);
    expect((await get('/readyz')).status).toBe(200);
    sim.setFaults({ reset: true });

    await until('the mail to be done', () => existsSync(join(inbox, 'done', 'a.eml')));
    const { erp, close } = await lemonsoftReader(settings);
    expect((await erp.offers.get('10001'))?.lines).toHaveLength(2);
    expect(await erp.offers.get('10002')).toBeNull();
    await close();
  });
});
