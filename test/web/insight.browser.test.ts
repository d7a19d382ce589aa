import { describe, expect, it } from 'vitest';
import { isolatedPage, readmeScreenshot } from '../support/browser.js';
import { fixturePath } from '../support/fixtures.js';
import { firstSignIn, servedWorkspacePerTest } from '../support/served-workspace.js';

const served = servedWorkspacePerTest();

describe('the insight page in a browser', () => {
  it('is reached from the top bar by keyboard, changes its period by its form, and links a catalog gap to its request', { timeout: 120_000 }, async () => {
    const workspace = await served('local');
    const valves = await workspace.deliver(fixturePath('web/rorvarme-valves.eml'), 'rorvarme.eml');
    const again = await workspace.deliver(fixturePath('web/rorvarme-again.eml'), 'again.eml');
    const { page, offLoopback, context } = await isolatedPage();
    await firstSignIn(page, workspace, 'johan.sundstrom@teknotukku.fi');
    await page.goto(`${workspace.url}/runs/${valves.id}`);
    await Promise.all([page.waitForURL(/notice=done/), page.locator('[data-action=approve]').click()]);
    await page.goto(`${workspace.url}/`);

    await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Katsaus' }).focus();
    await Promise.all([page.waitForURL(`${workspace.url}/insight`), page.keyboard.press('Enter')]);
    expect(await page.locator('[data-figure=requests]').textContent()).toBe('2');
    expect(await page.locator('[data-figure=approved]').textContent()).toBe('1');
    expect(await page.getByRole('img', { name: 'Pyyntöjä viikossa' }).count()).toBe(1);
    await readmeScreenshot(page, 'insight-page');

    await page.getByLabel('Jakso').selectOption('365');
    await Promise.all([page.waitForURL(/\/insight\?days=365$/), page.getByRole('button', { name: 'Näytä' }).click()]);
    expect(await page.locator('#period-days').inputValue()).toBe('365');

    // Neither request's valve line found a product: the gap is counted twice and leads to the later one.
    const gap = page.locator('section[aria-labelledby=gaps-title] tbody tr').first();
    expect(await gap.locator('td.number').textContent()).toBe('2');
    await Promise.all([page.waitForURL(`${workspace.url}/runs/${again.id}`), gap.getByRole('link').click()]);
    expect(offLoopback).toEqual([]);
    await context.close();
  });
});
