import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerflow } from '../support/cli.js';
import { closeBrowser, isolatedPage, signInThroughForm } from '../support/browser.js';
import { serve, stopServed, type Served } from '../support/serve.js';
import { tempDataDir } from '../support/seller.js';

const PASSWORD = 'tarjoukset valmiiksi ennen yhdeksää';
const SALESPERSON = 'mikko.lehtonen@teknotukku.fi';

let dataDir: string;
let served: Served;
let base: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  const demo = await offerflow(['demo', '--data-dir', dataDir]);
  expect(demo.code, demo.stderr).toBe(0);
  const added = await offerflow(['users', 'add', SALESPERSON, '--role', 'salesperson', '--data-dir', dataDir]);
  expect(added.code, added.stderr).toBe(0);
  expect(added.stdout).toContain('ERP person 101');
  served = await serve(dataDir, { OFFERFLOW_POLL_SECONDS: '1' });
  base = `http://127.0.0.1:${served.port}`;
  // The link names the configured public URL; the test's server has a port of its own.
  const link = new URL(/http\S+set-password\S+/.exec(added.stdout)![0]);
  link.host = `127.0.0.1:${served.port}`;
  setPasswordUrl = link.toString();
}, 120_000);

let setPasswordUrl: string;


afterAll(async () => {
  await closeBrowser();
  await stopServed();
});

describe('signing in to the workspace in a browser', () => {
  it('sets the password through the one-time link, signs in, sees the signed-in page, signs out, and nothing leaves loopback', async () => {
    const { context, page, offLoopback } = await isolatedPage();
    const scriptErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && scriptErrors.push(message.text()));
    try {
      await page.goto(setPasswordUrl);
      await page.getByLabel('Uusi salasana').fill(PASSWORD);
      await page.getByLabel('Sama salasana uudelleen').fill(PASSWORD);
      await Promise.all([page.waitForURL(/\/login\?done=password$/), page.getByRole('button', { name: 'Tallenna salasana' }).click()]);
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Salasanasi on asetettu');

      await signInThroughForm(page, base, SALESPERSON, PASSWORD);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Saapuneet');
      expect(await page.locator('.user-name').textContent()).toBe('Mikko Lehtonen');
      expect(await page.getAttribute('html', 'lang')).toBe('fi');
      // The stylesheet came from the package: the layout is styled, not the browser's default.
      // A string, run in the page: the test's TypeScript knows no DOM.
      expect(await page.evaluate("getComputedStyle(document.querySelector('.top-bar')).display")).toBe('flex');
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'offerflow_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

      await Promise.all([page.waitForURL(`${base}/login`), page.getByRole('button', { name: 'Kirjaudu ulos' }).click()]);
      await page.goto(`${base}/`);
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(offLoopback).toEqual([]);
      expect(scriptErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('tells of a wrong password in the browser’s language', async () => {
    const { context, page } = await isolatedPage({ locale: 'en-GB' });
    try {
      await page.goto(`${base}/login`);
      await page.getByLabel('Email').fill(SALESPERSON);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong email or password.');
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  it('keeps no password, session or API token in clear in the store’s files, the service’s log or any page it served', { timeout: 60_000 }, async () => {
    const email = 'sanna.virtanen@teknotukku.fi';
    const password = 'salaisuus joka ei näy missään';
    const added = await offerflow(['users', 'add', email, '--role', 'salesperson', '--data-dir', dataDir]);
    const link = new URL(/http\S+set-password\S+/.exec(added.stdout)![0]);
    link.host = `127.0.0.1:${served.port}`;
    const made = await offerflow(['users', 'token', 'crm-sync', '--data-dir', dataDir]);
    const apiToken = made.stdout.trim().split('\n').at(-1)!;
    expect((await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${apiToken}` } })).status).toBe(200);

    const { context, page } = await isolatedPage();
    const servedPages: string[] = [];
    page.on('response', (response) => {
      if (!new URL(response.url()).pathname.startsWith('/set-password')) void response.text().then((body) => servedPages.push(body), () => undefined);
    });
    try {
      await page.goto(link.toString());
      await page.getByLabel('Uusi salasana').fill(password);
      await page.getByLabel('Sama salasana uudelleen').fill(password);
      await Promise.all([page.waitForURL(/\/login\?done=password$/), page.getByRole('button', { name: 'Tallenna salasana' }).click()]);
      await signInThroughForm(page, base, email, password);
      await page.goto(`${base}/runs/1`);
      await page.goto(`${base}/api/me`);
      const session = (await context.cookies()).find((c) => c.name === 'offerflow_session')!.value;
      const secrets = { password, link: link.searchParams.get('token')!, session, apiToken };

      const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      const stored = files.map((entry) => readFileSync(join(entry.parentPath, entry.name)));
      const logged = JSON.stringify(served.log) + served.stderr();
      expect(servedPages.length).toBeGreaterThan(3);
      for (const [what, secret] of Object.entries(secrets)) {
        expect(secret.length, what).toBeGreaterThan(15);
        expect(stored.some((file) => file.includes(secret)), `${what} in the store's files`).toBe(false);
        expect(logged.includes(secret), `${what} in the log`).toBe(false);
        expect(servedPages.some((body) => body.includes(secret)), `${what} in a page`).toBe(false);
      }
      // The search would find them were they there: the store does keep the user.
      expect(stored.some((file) => file.includes(email))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
