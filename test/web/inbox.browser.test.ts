import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedPage, readmeScreenshot } from '../support/browser.js';
import { fixturePath } from '../support/fixtures.js';
import { firstSignIn, servedWorkspacePerTest } from '../support/served-workspace.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

const served = servedWorkspacePerTest();

describe('the inbox in a browser, on the real serve and the demo', () => {
  it('lists the demo’s runs needing review first, filters to mine, and shows a new mail without a reload', { timeout: 180_000 }, async () => {
    const workspace = await served('local');
    const { context, page, offLoopback } = await isolatedPage();
    const scriptErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && scriptErrors.push(message.text()));
    try {
      const delivered = [];
      for (const name of readdirSync(EXAMPLES).filter((f) => f.endsWith('.eml')).sort()) delivered.push(await workspace.deliver(join(EXAMPLES, name), name));
      const waiting = delivered.filter((r) => r.status === 'needs_review').map((r) => r.id);
      expect(waiting.length).toBeGreaterThan(1);

      await firstSignIn(page, workspace, 'johan.sundstrom@teknotukku.fi');
      const rows = page.locator('table.inbox tbody tr[data-run]');
      const shown = async () => (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-run')))));
      expect(await shown()).toHaveLength(delivered.length);
      expect((await shown()).slice(0, waiting.length)).toEqual(waiting);
      expect(await page.locator('tr.waiting').count()).toBe(waiting.length);
      await expect.poll(() => rows.first().locator('.reasons li').count()).toBeGreaterThan(0);
      await readmeScreenshot(page, 'inbox');

      await page.getByLabel('Vain omat').check();
      await Promise.all([page.waitForURL(/[?&]mine=1/), page.getByRole('button', { name: 'Näytä' }).click()]);
      const mine = await shown();
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.length).toBeLessThan(delivered.length);
      const salespeople = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[5]!.textContent));
      expect(new Set(salespeople)).toEqual(new Set(['Johan Sundström']));

      // Set on this page only: still there once the new row is shown, so the page was never loaded again.
      await page.evaluate('window.notReloaded = true');
      const focused = rows.first().locator('a');
      await focused.focus();
      const focusedHref = await focused.getAttribute('href');
      const arrived = await workspace.deliver(fixturePath('web/rorvarme-valves.eml'), 'new.eml');
      expect(arrived.context.salesperson?.name).toBe('Johan Sundström');
      await expect.poll(shown, { timeout: 15_000 }).toContain(arrived.id);
      expect(await page.evaluate('window.notReloaded')).toBe(true);
      expect(await page.evaluate("document.activeElement.getAttribute('href')")).toBe(focusedHref);
      expect(await page.locator('[data-inbox-count]').textContent()).toBe(`${mine.length + 1} pyyntöä`);
      expect(await page.locator(`tr[data-run="${arrived.id}"] a`).getAttribute('href')).toBe(`/runs/${arrived.id}`);

      expect(offLoopback).toEqual([]);
      expect(scriptErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
