import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { offerflow } from '../support/cli.js';
import { tempDataDir } from '../support/seller.js';
import { systemClock } from '../../src/time/clock.js';

const POLICY = { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0, leaseMs: 60_000 };

describe('offerflow jobs', () => {
  it('lists dead letters with why they gave up, and revives one', async () => {
    const dataDir = tempDataDir();
    const store = await openStore(dataDir, null, systemClock);
    const queue = store.jobs(POLICY);
    await queue.enqueue({ runId: 4, mailbox: 'rfq@seller.fi' });
    await queue.enqueue({ runId: 5, mailbox: 'rfq@seller.fi' });
    for (let i = 0; i < POLICY.maxAttempts; i += 1) {
      const job = await queue.take('w');
      await queue.fail(job!.id, 'w', { code: 'erp_unavailable', permanent: false, message: 'create_offer: Lemonsoft POST /api/offers/6 failed: HTTP 503' });
    }
    await store.close();

    const listed = await offerflow(['jobs', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(listed.stdout)).toEqual({
      queued: 1,
      active: 0,
      dead: 1,
      deadLetters: [{ runId: 4, mailbox: 'rfq@seller.fi', attempts: 2, code: 'erp_unavailable', error: 'create_offer: Lemonsoft POST /api/offers/6 failed: HTTP 503' }],
    });

    expect((await offerflow(['jobs', 'revive', '4', '--data-dir', dataDir])).stdout).toContain('Run 4 is queued again');
    expect(JSON.parse((await offerflow(['jobs', 'list', '--json', '--data-dir', dataDir])).stdout)).toMatchObject({ queued: 2, dead: 0 });
    const again = await offerflow(['jobs', 'revive', '4', '--data-dir', dataDir]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('run 4 has no dead job');
  });
});
