import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredRunStatus } from '../../src/workflow/run-store.js';
import { MISSING, storeInboxRun, type InboxMail } from '../support/inbox-runs.js';
import { HOUR, request, signedInAs, startWorkspace, type Workspace } from '../support/workspace.js';

let workspace: Workspace;
let mikko: { cookie: string; csrf: string };
beforeEach(async () => {
  workspace = await startWorkspace();
  mikko = await signedInAs(workspace, 'mikko@seller.fi');
});
afterEach(async () => {
  await workspace.close();
});

const stored = (mail: InboxMail, status?: StoredRunStatus) => storeInboxRun(workspace.store.runs, workspace.clock, mail, status);

async function page(path = '/', who = mikko) {
  const answer = await request(workspace, path, { headers: { cookie: who.cookie } });
  return { status: answer.status, text: await answer.text(), answer };
}

/** The runs a page lists, in its order, by id. */
const listed = (text: string) => [...text.matchAll(/<tr data-run="(\d+)"/g)].map((m) => Number(m[1]));

describe('the inbox', () => {
  it('lists the runs that need review first, the one waiting longest at the top, then the rest newest first', async () => {
    const done1 = await stored({ subject: 'valmis 1' }, 'created');
    const review1 = await stored({ subject: 'tarkista 1' });
    const review2 = await stored({ subject: 'tarkista 2' });
    const done2 = await stored({ subject: 'valmis 2' }, 'created');

    const { status, text } = await page();
    expect(status).toBe(200);
    expect(listed(text)).toEqual([review1, review2, done2, done1]);
    expect(text).toContain('<h1>Saapuneet</h1>');
    expect(text).toContain('4 pyyntöä');
    expect(text).toContain('<a href="/" aria-current="page">');
  });

  it('shows each row’s status, time in the seller’s zone, sender, customer, subject linking to the run, salesperson and why it needs review', async () => {
    const id = await stored({ subject: 'Kupariputkea', name: 'Olli Ostaja', from: 'olli@putki.fi', customer: 0, salesperson: 1, lines: [MISSING, MISSING] });
    await stored({ subject: 'Tuntematon', lines: [] });

    const { text } = await page();
    const row = new RegExp(`<tr data-run="${id}"[\\s\\S]*?</tr>`).exec(text)![0];
    expect(row).toContain('tarkistettava');
    expect(row).toContain('2.3.2026 klo 10.01');
    expect(row).toContain('Olli Ostaja<span class="hint">olli@putki.fi</span>');
    expect(row).toContain('Putki Oy');
    expect(row).toContain(`<a href="/runs/${id}">Kupariputkea</a>`);
    expect(row).toContain('Sanna Sähkö');
    expect(row).toContain('<li>2 riviä ilman tuotetta</li>');
    expect(text).toContain('<li>rivejä ei luettu</li><li>asiakas tuntematon</li><li>ei myyjää</li>');
  });

  it('speaks the user’s language in its words for the reasons', async () => {
    await stored({ subject: 'One missing', customer: 0, salesperson: 0, lines: [MISSING] });
    const headers = { cookie: mikko.cookie, 'content-type': 'application/json', 'x-csrf-token': mikko.csrf };
    expect((await request(workspace, '/api/me/language', { method: 'PUT', headers, body: JSON.stringify({ language: 'en' }) })).status).toBe(204);
    expect((await page()).text).toContain('<li>1 line without a product</li>');
  });

  it('filters by "mine", status, customer, mailbox and the day received, in a GET form that keeps what was chosen', async () => {
    const mikkos = await stored({ subject: 'mikon', salesperson: 0, customer: 0 });
    const mine = await stored({ subject: 'sannan', salesperson: 1, customer: 1, mailbox: 'sales@seller.fi' }, 'created');
    workspace.clock.advance(24 * HOUR);
    const later = await stored({ subject: 'seuraava päivä' });
    // Mikko's session has run out over the night: Sanna comes in the next morning.
    const sanna = await signedInAs(workspace, 'sanna@seller.fi');
    const shown = async (path: string) => listed((await page(path, sanna)).text);

    expect(await shown('/?mine=1')).toEqual([mine]);
    expect(await shown('/?status=created')).toEqual([mine]);
    expect(await shown('/?customer=20002')).toEqual([mine]);
    expect(await shown('/?mailbox=rfq%40seller.fi')).toEqual([mikkos, later]);
    expect(await shown('/?from=2026-03-03')).toEqual([later]);
    expect(await shown('/?to=2026-03-02')).toEqual([mikkos, mine]);
    expect(await shown('/?status=&customer=&mailbox=&from=&to=&q=')).toEqual([mikkos, later, mine]);

    const { text } = await page('/?mine=1&status=needs_review&customer=20001', sanna);
    expect(text).toContain('<form method="get" action="/"');
    expect(text).toMatch(/id="filter-mine" name="mine" value="1" checked/);
    expect(text).toContain('<option value="needs_review" selected>');
    expect(text).toContain('<option value="20001" selected>Putki Oy (20001)</option>');
    expect(text).toContain('<option value="sales@seller.fi">sales@seller.fi</option>');
  });

  it('says why "only mine" holds nothing for a user who is no salesperson in the ERP', async () => {
    await stored({ subject: 'mikon', salesperson: 0 });
    const outsider = await signedInAs(workspace, 'it@seller.fi');

    const { text } = await page('/?mine=1', outsider);
    expect(listed(text)).toEqual([]);
    expect(text).toContain('Tunnustasi ei ole liitetty toiminnanohjauksen myyjään');
    expect((await page('/?mine=1')).text).not.toContain('Tunnustasi ei ole liitetty');
  });

  it('searches the subject, the sender and the customer', async () => {
    const putki = await stored({ subject: 'Kupariputkea', from: 'matti@rakennus.fi', name: 'Matti Mäkinen', customer: 0 });
    const alpha = await stored({ subject: 'Venttiilit', from: 'ostot@alpha.fi', name: 'Ostot', customer: 1 });

    expect(listed((await page('/?q=kupari')).text)).toEqual([putki]);
    expect(listed((await page('/?q=M%C3%84KINEN')).text)).toEqual([putki]);
    expect(listed((await page('/?q=jaettu+alpha')).text)).toEqual([alpha]);
    const none = await page('/?q=ei-mit%C3%A4%C3%A4n');
    expect(listed(none.text)).toEqual([]);
    expect(none.text).toContain('Ei pyyntöjä näillä ehdoilla.');
    expect(none.text).toContain('value="ei-mitään"');
  });

  it('shows a subject holding markup as text', async () => {
    await stored({ subject: '<script>alert(1)</script><img src=x onerror=alert(2)>', name: '<b>Eve</b>' });

    const { text } = await page();
    expect(text).not.toContain('<script>alert');
    expect(text).not.toContain('<img src=x');
    expect(text).not.toContain('<b>Eve');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('pages 50 at a time, with links that keep the filters', async () => {
    for (let n = 0; n < 51; n++) await stored({ subject: `pyyntö ${n}` }, 'created');

    const first = await page('/?status=created');
    expect(listed(first.text)).toHaveLength(50);
    expect(first.text).toContain('Sivu 1 / 2');
    expect(first.text).toContain('href="/?status=created&amp;page=2" rel="next"');
    const second = await page('/?status=created&page=2');
    expect(listed(second.text)).toEqual([1]);
    expect(second.text).toContain('href="/?status=created" rel="prev"');
  });

  it('answers a hand-edited address with a bad field with the whole inbox', async () => {
    const answer = await request(workspace, '/?status=deleted&from=yesterday', { headers: { cookie: mikko.cookie } });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/');
  });

  it('loads its live rows script, and still works as a page without it', async () => {
    const { text } = await page('/?status=needs_review');
    expect(text).toContain('<script src="/static/inbox.js" defer></script>');
    expect(text).toContain('data-rows-url="/inbox/rows?status=needs_review"');
    expect((await request(workspace, '/static/inbox.js')).status).toBe(200);
  });
});

describe('the live rows', () => {
  const versionOf = (text: string) => /<tbody data-version="([^"]*)"/.exec(text)![1]!;

  it('answer 204 while nothing changed since the version the page has, and the new rows once something has', async () => {
    await stored({ subject: 'ensimmäinen' });
    const version = versionOf((await page()).text);

    const unchanged = await page(`/inbox/rows?since=${encodeURIComponent(version)}`);
    expect(unchanged.status).toBe(204);
    expect(unchanged.text).toBe('');

    const added = await stored({ subject: 'uusi <tulokas>' });
    const changed = await page(`/inbox/rows?since=${encodeURIComponent(version)}`);
    expect(changed.status).toBe(200);
    expect(changed.text).toMatch(/^<tbody data-version="[^"]+" data-count="2 pyyntöä">/);
    expect(versionOf(changed.text)).not.toBe(version);
    expect(listed(changed.text)).toContain(added);
    expect(changed.text).toContain('uusi &lt;tulokas&gt;');
  });

  it('hold the same filters as the page', async () => {
    const mine = await stored({ subject: 'mikon', salesperson: 0 });
    await stored({ subject: 'sannan', salesperson: 1 });
    expect(listed((await page('/inbox/rows?mine=1')).text)).toEqual([mine]);
  });

  it('are behind sign-in like the page', async () => {
    const answer = await request(workspace, '/inbox/rows');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/login');
  });
});

describe('GET /api/runs', () => {
  it('is the inbox as JSON: the same order and filters', async () => {
    const done = await stored({ subject: 'valmis', customer: 0 }, 'created');
    const review = await stored({ subject: 'tarkista', salesperson: 0, lines: [MISSING] });

    const answer = await request(workspace, '/api/runs', { headers: { cookie: mikko.cookie } });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { runs: { id: number; problems: unknown }[]; total: number; page: number; pageSize: number; version: string };
    expect(body.runs.map((r) => r.id)).toEqual([review, done]);
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(body.runs[0]!.problems).toEqual([
      { code: 'no_customer', count: 1 },
      { code: 'no_product', count: 1 },
    ]);

    const mine = (await (await request(workspace, '/api/runs?mine=true', { headers: { cookie: mikko.cookie } })).json()) as typeof body;
    expect(mine.runs.map((r) => r.id)).toEqual([review]);
    const customer = (await (await request(workspace, '/api/runs?customer=20001&q=valmis', { headers: { cookie: mikko.cookie } })).json()) as typeof body;
    expect(customer.runs.map((r) => r.id)).toEqual([done]);
  });

  it('refuses a bad filter, and "mine" for an API token, which is no salesperson', async () => {
    const bad = await request(workspace, '/api/runs?status=deleted', { headers: { cookie: mikko.cookie } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('status');

    const token = (await workspace.accounts.apiTokens.create('crm-sync'))!;
    const authorization = `Bearer ${token}`;
    expect((await request(workspace, '/api/runs', { headers: { authorization } })).status).toBe(200);
    expect((await request(workspace, '/api/runs?mine=1', { headers: { authorization } })).status).toBe(400);
  });

  it('is refused without a session or token', async () => {
    const answer = await request(workspace, '/api/runs');
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'unauthorized' });
  });
});
