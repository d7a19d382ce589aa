import { describe, expect, it } from 'vitest';
import { isolatedPage, readmeScreenshot } from '../support/browser.js';
import { fixturePath } from '../support/fixtures.js';
import { firstSignIn, servedWorkspacePerTest, type DemoErp } from '../support/served-workspace.js';

/** A demo customer's request whose second line ("palloventtiili DN15 1/2\" sk/sk") finds only candidates, no sure product. */
const RORVARME = fixturePath('web/rorvarme-valves.eml');
const VALVE_LINE = 1;

const served = servedWorkspacePerTest();

describe.each<DemoErp>(['local', 'lemonsoft'])('reviewing a request in the workspace, on %s', (erp) => {
  it('picks a candidate, changes a quantity and approves: the ERP offer holds exactly those rows, and the next such mail is matched from it', { timeout: 120_000 }, async () => {
    const workspace = await served(erp);
    const first = await workspace.deliver(RORVARME, 'rorvarme.eml');
    expect(first.status).toBe('needs_review');
    const { page, offLoopback, context } = await isolatedPage();
    await firstSignIn(page, workspace, 'johan.sundstrom@teknotukku.fi');

    await page.goto(`${workspace.url}/runs/${first.id}`);
    const valve = page.locator(`#line-${VALVE_LINE}`);
    await expect.poll(() => valve.locator('.missing-product').count()).toBe(1);
    if (erp === 'local') await readmeScreenshot(page, 'run-page');
    const candidate = valve.locator('[data-candidate]').first();
    const picked = (await candidate.locator('xpath=ancestor::form').locator('input[name=sku]').getAttribute('value'))!;
    await Promise.all([page.waitForURL(/notice=done/), candidate.click()]);
    await page.locator('#quantity-0').fill('12');
    await Promise.all([page.waitForURL(/notice=done/), page.locator('#line-0 button[type=submit]').filter({ hasText: 'Tallenna' }).click()]);
    await Promise.all([page.waitForURL(/notice=done/), page.locator('[data-action=approve]').click()]);

    const approved = await workspace.run(first.id);
    expect(approved.status).toBe('created');
    const rows = (await workspace.offer(approved.context.reference))!.lines.map((l) => [l.position, l.sku, l.quantity]);
    expect(rows).toEqual(approved.context.draft!.lines.map((l) => [l.position, l.sku, l.quantity]));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([1, '1100088', '12']);
    expect(rows[VALVE_LINE]).toEqual([2, picked, '6']);
    expect(await page.locator('.history li').count()).toBe(3);

    const again = await workspace.deliver(fixturePath('web/rorvarme-again.eml'), 'again.eml');
    expect(again.status).toBe('created');
    expect(again.context.matches[VALVE_LINE]).toMatchObject({ method: 'learned', product: { sku: picked } });
    await page.goto(`${workspace.url}/runs/${again.id}`);
    expect(await page.locator(`#line-${VALVE_LINE} .learned-from`).textContent()).toMatch(/^opittu: Johan Sundström \d+\.\d+\.2026$/);
    expect(offLoopback).toEqual([]);
    await context.close();
  });
});

describe('two reviewers approving the same request at once', () => {
  it('lets one win and tells the other who changed it; the ERP has each row once', { timeout: 120_000 }, async () => {
    const workspace = await served('local');
    const run = await workspace.deliver(RORVARME, 'rorvarme.eml');
    const johan = await isolatedPage();
    const mikko = await isolatedPage();
    await firstSignIn(johan.page, workspace, 'johan.sundstrom@teknotukku.fi');
    await firstSignIn(mikko.page, workspace, 'mikko.lehtonen@teknotukku.fi');
    for (const { page } of [johan, mikko]) await page.goto(`${workspace.url}/runs/${run.id}`);

    await Promise.all([johan, mikko].map(({ page }) => page.locator('[data-action=approve]').click()));
    await Promise.all([johan, mikko].map(({ page }) => page.waitForLoadState('load')));
    const told = await Promise.all([johan, mikko].map(({ page }) => page.locator('[data-stale]').count()));

    expect([...told].sort()).toEqual([0, 1]);
    const loser = told[0] === 1 ? johan.page : mikko.page;
    await expect.poll(() => loser.locator('[data-stale]').textContent()).toMatch(/(Johan Sundström|Mikko Lehtonen) muutti pyyntöä/);
    const after = await workspace.run(run.id);
    expect(after.context.review.actions.filter((a) => a.kind === 'approve')).toHaveLength(1);
    const offer = (await workspace.offer(after.context.reference))!;
    expect(offer.lines.map((l) => l.position)).toEqual(after.context.draft!.lines.map((l) => l.position));
    expect(new Set(offer.lines.map((l) => l.position)).size).toBe(offer.lines.length);
    await Promise.all([johan.context.close(), mikko.context.close()]);
  });
});
