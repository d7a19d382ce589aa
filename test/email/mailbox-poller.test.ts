import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MailboxMode } from '../../src/domain/mailbox-mode.js';
import { MailboxPoller } from '../../src/email/mailbox-poller.js';
import type { MailSource } from '../../src/email/mail-source.js';
import { DirectorySource } from '../../src/email/sources/directory-source.js';
import type { LocalErp } from '../../src/erp/local/adapter.js';
import type { JobQueue } from '../../src/queue/job-queue.js';
import { runJob } from '../../src/queue/run-job.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { settled } from '../support/dropped-mail.js';
import { fixturePath } from '../support/fixtures.js';
import { runnerFor } from '../support/runner.js';
import { seededErp, tempDataDir } from '../support/seller.js';
import { failureOf } from '../../src/domain/failure.js';
import { systemClock } from '../../src/time/clock.js';

const POLICY = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10, leaseMs: 60_000 };

describe('MailboxPoller with a folder of .eml files', () => {
  let dataDir: string;
  let inbox: string;
  let erp: LocalErp;
  let store: Store;
  let queue: JobQueue;

  beforeEach(async () => {
    dataDir = tempDataDir();
    inbox = join(dataDir, 'inbox');
    mkdirSync(inbox);
    erp = await seededErp(dataDir);
    store = await openStore(dataDir, null, systemClock);
    queue = store.jobs(POLICY);
  });

  afterEach(async () => {
    await erp.close();
    await store.close();
  });

  let downloads: number;

  /** The folder, counting how often a mail's bytes are read. */
  function counted(): MailSource {
    const folder = new DirectorySource(inbox, 'done', systemClock);
    downloads = 0;
    return Object.assign(Object.create(folder) as MailSource, {
      list: async () => (await folder.list()).map((mail) => ({ id: mail.id, raw: () => ((downloads += 1), mail.raw()) })),
    });
  }

  function poller(mode: MailboxMode, events = {}, pollMs = 1_000): MailboxPoller {
    const runner = runnerFor(erp, store.runs);
    return new MailboxPoller({ name: 'rfq@seller.fi', mode }, counted(), { accept: (raw, options) => runner.accept(raw, options), isFinished: (runId) => runner.isFinished(runId), queue }, pollMs, events);
  }

  /** What workers would do: every queued job, once. */
  async function work(): Promise<void> {
    const handle = runJob(runnerFor(erp, store.runs));
    for (let job = await queue.take('w'); job; job = await queue.take('w')) {
      await handle(job).then(
        () => queue.complete(job!.id, 'w'),
        (error: Error) => queue.fail(job!.id, 'w', failureOf(error)),
      );
    }
  }

  const drop = (fixture: string, name = fixture) => settled(join(inbox, name), () => copyFileSync(fixturePath(`workflow/${fixture}`), join(inbox, name)));
  const inInbox = () => readdirSync(inbox).filter((f) => f.endsWith('.eml')).sort();

  it('queues each new mail once, and moves it to done only after its run has finished', async () => {
    drop('rfq-known-customer.eml');
    drop('thanks.eml');
    const queued: number[] = [];
    const mailbox = poller('review', { queued: (_m: string, runId: number) => queued.push(runId) });

    await mailbox.pollOnce();
    await mailbox.pollOnce();
    expect(queued).toHaveLength(2);
    expect(downloads).toBe(2);
    expect(await queue.counts()).toEqual({ queued: 2, active: 0, dead: 0 });
    expect(inInbox()).toEqual(['rfq-known-customer.eml', 'thanks.eml']);

    await work();
    await mailbox.pollOnce();
    expect(inInbox()).toEqual([]);
    expect(readdirSync(join(inbox, 'done')).sort()).toEqual(['rfq-known-customer.eml', 'thanks.eml']);
    expect(await erp.offers.get('10001')).not.toBeNull();
  });

  it('in shadow mode runs everything, keeps the result, and touches neither the ERP nor the mailbox', async () => {
    drop('rfq-known-customer.eml');
    const mailbox = poller('shadow');

    await mailbox.pollOnce();
    await work();
    await mailbox.pollOnce();

    expect(await erp.offers.get('10001')).toBeNull();
    const [run] = await store.runs.list(1);
    expect(run).toMatchObject({ status: 'created', context: { dryRun: true, offer: null } });
    expect(run?.context.draft?.lines).toHaveLength(2);
    expect(inInbox()).toEqual(['rfq-known-customer.eml']);
    expect(await queue.counts()).toEqual({ queued: 0, active: 0, dead: 0 });
  });

  it('stops at once, even in the middle of a long poll interval', async () => {
    const mailbox = poller('review', {}, 60_000);
    mailbox.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await mailbox.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('recognises a mail seen again by its Message-ID, even under another file name', async () => {
    drop('rfq-known-customer.eml');
    const mailbox = poller('review');
    await mailbox.pollOnce();
    await work();
    await mailbox.pollOnce();
    drop('rfq-known-customer.eml', 'copy-of-it.eml');

    await mailbox.pollOnce();

    expect(await queue.counts()).toEqual({ queued: 0, active: 0, dead: 0 });
    expect(readdirSync(join(inbox, 'done')).sort()).toEqual(['copy-of-it.eml', 'rfq-known-customer.eml']);
    expect(await erp.offers.get('10002')).toBeNull();
  });

  it('keeps a mail that cannot be processed in the inbox, its job dead with the reason, and goes on with the others', async () => {
    settled(join(inbox, '0-junk.eml'), () => writeFileSync(join(inbox, '0-junk.eml'), Buffer.from([0xff, 0xfe, 0x00, 0x01])));
    drop('rfq-known-customer.eml');
    const mailbox = poller('review');

    for (let round = 0; round < POLICY.maxAttempts; round += 1) {
      await mailbox.pollOnce();
      await new Promise((resolve) => setTimeout(resolve, 15));
      await work();
    }
    await mailbox.pollOnce();

    expect(inInbox()).toEqual(['0-junk.eml']);
    const [dead] = await queue.dead();
    expect(dead?.error).toMatch(/parse_email: this is not an email/);
    // Trying again cannot make it an email: given up on the first try.
    expect(dead).toMatchObject({ code: 'not_an_email', attempts: 1 });
    expect(existsSync(join(inbox, 'done', 'rfq-known-customer.eml'))).toBe(true);
  });

  it('lets two pollers share one folder without reporting the mails the other one moved as errors', async () => {
    for (const name of ['a.eml', 'b.eml', 'c.eml']) drop('rfq-known-customer.eml', name);
    drop('thanks.eml');
    const errors: unknown[] = [];
    const first = poller('review', { error: (_m: string, error: unknown) => errors.push(error) });
    const gone = new DirectorySource(inbox, 'done', systemClock);
    const listed = await gone.list();

    await first.pollOnce();
    await work();
    await first.pollOnce();
    // The second poller listed the folder before the first moved its mails on.
    const late = Object.assign(Object.create(gone) as MailSource, { list: async () => listed });
    const racing = new MailboxPoller({ name: 'rfq@seller.fi', mode: 'review' }, late, { accept: async () => ({ runId: 0, isNew: false, finished: true }), isFinished: async () => true, queue }, 1_000, { error: (_m, error) => errors.push(error) });
    await racing.pollOnce();

    expect(errors).toEqual([]);
    expect(inInbox()).toEqual([]);
  });
});
