import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, installed by scripts/test-prerequisites.sh: playwright-core brings no browser of its own. */
const CHROMIUM = '/usr/bin/chromium';

let browser: Browser | null = null;

/** One headless Chromium for the test file; the sandbox of this machine's containers needs --no-sandbox. */
export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/**
 * A fresh context (its own cookies) whose every request is checked: anything leaving loopback is
 * aborted and listed, so a test can assert that nothing did.
 */
export async function isolatedPage(options: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page; offLoopback: string[] }> {
  const context = await (await launchBrowser()).newContext({ locale: options.locale ?? 'fi-FI' });
  const offLoopback: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    offLoopback.push(url.toString());
    return route.abort();
  });
  return { context, page: await context.newPage(), offLoopback };
}

/** Signs in through the sign-in form as a user would, and waits for the page it lands on. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/sähköposti|email|e-post/i).fill(email);
  await page.getByLabel(/^(salasana|password|lösenord)$/i).fill(password);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.getByRole('button', { name: /kirjaudu|sign in|logga in/i }).click()]);
}

/**
 * The README's screenshots are taken by the browser tests, but only when asked
 * (`OFFERFLOW_SCREENSHOTS=1`), so that a test run leaves the tree as it was.
 */
export async function readmeScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.OFFERFLOW_SCREENSHOTS !== '1') return;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: new URL(`../../docs/images/${name}.png`, import.meta.url).pathname, fullPage: true });
}
