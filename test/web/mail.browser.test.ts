import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, isolatedPage, signInThroughForm } from '../support/browser.js';
import { fixture } from '../support/fixtures.js';
import { CUSTOMERS } from '../support/seller.js';
import { startWorkspace, type Workspace } from '../support/workspace.js';

const EMAIL = 'mikko@seller.fi';
const PASSWORD = 'kolme pientä porsasta';
/** The ERP's own data is outside input too: a customer's name as someone typed it into the ERP. */
const HOSTILE_CUSTOMER = '<img src=x onerror=window.__pwned=1>Putki <script>window.__pwned=1</script>Oy';

let workspace: Workspace;
let base: string;
let runId: number;

beforeAll(async () => {
  workspace = await startWorkspace();
  base = workspace.url('');
  const added = await workspace.accounts.users.add({ email: EMAIL, role: 'salesperson', name: null, language: null });
  if (!added.added) throw new Error('not added');
  await workspace.accounts.passwordLinks.setPassword(added.link.token, PASSWORD);
  await workspace.erp.masterData.inTransaction((writer) => writer.write({ customers: [{ ...CUSTOMERS[0]!, name: HOSTILE_CUSTOMER }] }));
  ({ runId } = await workspace.runner.process(fixture('email/hostile.eml'), { mailbox: 'rfq@seller.fi' }));
}, 60_000);

afterAll(async () => {
  await closeBrowser();
  await workspace.close();
});

/** Everything a script of the mail could have left behind, in a page and each of its frames. */
async function watched() {
  const isolated = await isolatedPage();
  const signs: string[] = [];
  isolated.page.on('dialog', (dialog) => {
    signs.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  isolated.page.on('console', (message) => /pwned/i.test(message.text()) && signs.push(`console: ${message.text()}`));
  isolated.page.on('pageerror', (error) => signs.push(`page error: ${error.message}`));
  await signInThroughForm(isolated.page, base, EMAIL, PASSWORD);
  return { ...isolated, signs };
}

/** Read through DevTools, which a frame's sandbox does not stop: a script of the page could not have set these. */
async function marksIn(page: Page): Promise<unknown[]> {
  return Promise.all(page.frames().map((frame) => frame.evaluate('[window.__pwned, document.title === "PWNED title"]')));
}

function mailFrame(page: Page): Frame {
  const frame = page.frame({ name: `mail-${runId}` });
  if (!frame) throw new Error('no mail frame');
  return frame;
}

describe('the customer’s mail in a browser', () => {
  it('shows the hostile mail inert in the run page’s frame: no script ran, nothing left loopback, its own image shown', async () => {
    const { context, page, offLoopback, signs } = await watched();
    try {
      await page.goto(`${base}/runs/${runId}`);
      const frame = mailFrame(page);
      await frame.waitForLoadState('load');
      await expect.poll(() => frame.getByRole('cell', { name: 'Palloventtiili DN20' }).count()).toBe(1);
      expect(await frame.getByText('[kuvaa ei ladattu]').count()).toBe(1);
      expect(await frame.evaluate("document.querySelector('img[alt=\"Putki Oy\"]').naturalWidth")).toBe(1);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tarjouspyyntö <script>alert(1)</script>');
      expect(await page.locator('.mail-headers dd').first().textContent()).toBe('<b onmouseover=alert(1)>Matti</b> Putkinen <matti@putki.fi>');
      // The customer's words with markup in the line table, shown as the text they are.
      expect(await page.locator('#line-0 .requested div').first().textContent()).toContain('<img src=x onerror=window.parent.__pwned=1>');
      expect(await page.locator('.parties strong').first().textContent()).toBe(HOSTILE_CUSTOMER);
      // What would run, were anything to: the link and the cell's handler.
      await frame.getByText('Avaa hinnasto').click();
      await frame.getByRole('cell', { name: /Kupariputki 15x1,0 kova/ }).click();
      await page.waitForTimeout(300);
      expect(await marksIn(page)).toEqual(page.frames().map(() => [undefined, false]));
      expect(signs).toEqual([]);
      expect(offLoopback).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('loads the remote image, and only it, once asked for this mail, in the same frame', async () => {
    const { context, page, offLoopback, signs } = await watched();
    try {
      await page.goto(`${base}/runs/${runId}`);
      await mailFrame(page).waitForLoadState('load');
      await Promise.all([page.waitForEvent('framenavigated', (f) => f.url().endsWith('/mail?images=1')), page.getByRole('link', { name: 'Näytä tämän viestin etäkuvat' }).click()]);
      expect(page.url()).toBe(`${base}/runs/${runId}`);
      await mailFrame(page).waitForLoadState('load');
      await expect.poll(() => offLoopback).toEqual(['http://evil.example/pixel.gif']);
      await page.waitForTimeout(300);
      expect(offLoopback).toEqual(['http://evil.example/pixel.gif']);
      expect(await marksIn(page)).toEqual(page.frames().map(() => [undefined, false]));
      expect(signs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is as inert opened on its own, outside any frame, with and without remote images', async () => {
    for (const [query, expected] of [['', []], ['?images=1', ['http://evil.example/pixel.gif']]] as const) {
      const { context, page, offLoopback, signs } = await watched();
      try {
        await page.goto(`${base}/runs/${runId}/mail${query}`);
        await expect.poll(() => page.getByRole('cell', { name: 'Palloventtiili DN20' }).count()).toBe(1);
        await page.getByText('Avaa hinnasto').click();
        await page.waitForTimeout(300);
        expect(page.url(), query).toBe(`${base}/runs/${runId}/mail${query}`);
        expect(await marksIn(page), query).toEqual(page.frames().map(() => [undefined, false]));
        expect(signs, query).toEqual([]);
        expect(offLoopback, query).toEqual(expected);
      } finally {
        await context.close();
      }
    }
  });
});
