import { describe, expect, it } from 'vitest';
import { isolatedPage } from '../support/browser.js';
import { fixturePath } from '../support/fixtures.js';
import { firstSignIn, servedWorkspacePerTest } from '../support/served-workspace.js';

/** The demo request whose second line ("palloventtiili DN15 1/2\" sk/sk") finds only candidates. */
const RORVARME = fixturePath('web/rorvarme-valves.eml');
const VALVE_LINE = 1;
/** A demo product that is none of the line's candidates, and the start of its name. */
const WANTED = '1100004';
const TYPED = 'kupariputki 10x0,8 peh';

const served = servedWorkspacePerTest();

describe("a line's catalog search in the browser", () => {
  it('shows the products as a few characters are typed, without submitting, and the one picked is the line', { timeout: 120_000 }, async () => {
    const workspace = await served('local');
    const run = await workspace.deliver(RORVARME, 'rorvarme.eml');
    const { page, offLoopback, context } = await isolatedPage();
    await firstSignIn(page, workspace, 'johan.sundstrom@teknotukku.fi');
    await page.goto(`${workspace.url}/runs/${run.id}`);
    const line = page.locator(`#line-${VALVE_LINE}`);
    const results = line.locator(`[data-search-results="${VALVE_LINE}"]`);
    expect(await line.locator(`input[name=sku][value="${WANTED}"]`).count()).toBe(0);

    await line.focus();
    await page.keyboard.press('/');
    await page.keyboard.type(TYPED, { delay: 40 });
    const found = results.locator('[data-candidate]').first();
    await expect.poll(() => found.textContent(), { timeout: 10_000 }).toContain(`${WANTED} Kupariputki 10x0,8 pehmeä`);
    expect(page.url()).toBe(`${workspace.url}/runs/${run.id}`);
    expect(await page.locator(`#search-${VALVE_LINE}`).inputValue()).toBe(TYPED);

    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(`document.activeElement.closest('[data-search-results="${VALVE_LINE}"]') !== null && document.activeElement.hasAttribute('data-candidate')`)).toBe(true);
    await Promise.all([page.waitForURL(/notice=done/), page.keyboard.press('Enter')]);
    expect(await page.locator(`#line-${VALVE_LINE} .product .sku`).textContent()).toBe(WANTED);
    expect((await workspace.run(run.id)).context.draft!.lines[VALVE_LINE]!.sku).toBe(WANTED);
    expect(offLoopback).toEqual([]);
    await context.close();
  });
});
