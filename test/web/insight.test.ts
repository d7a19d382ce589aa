import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { HOUR, MINUTE, request, signedInAs, startWorkspace, type Workspace } from '../support/workspace.js';

const DAY = 24 * HOUR;

let workspace: Workspace;
let mikko: { cookie: string; csrf: string };
const runs: Record<string, number> = {};

const processed = async (path: string) => (await workspace.runner.process(fixture(path), { mailbox: 'rfq@seller.fi' })).runId;

/**
 * An old request, then, forty days later, one offer made untouched, one with a line the catalog
 * lacks that Mikko approves an hour and a half after it came, a thank-you, and one whose unknown line is markup.
 */
beforeEach(async () => {
  workspace = await startWorkspace();
  runs.old = await processed('workflow/rfq-free-mail.eml');
  workspace.clock.advance(40 * DAY);
  mikko = await signedInAs(workspace, 'mikko@seller.fi');
  runs.untouched = await processed('workflow/rfq-known-customer.eml');
  runs.approved = await processed('workflow/rfq-unmatched-line.eml');
  runs.thanks = await processed('workflow/thanks.eml');
  runs.markup = await processed('web/insight-markup-line.eml');
  workspace.clock.advance(90 * MINUTE);
  const approval = await request(workspace, `/api/runs/${runs.approved}/actions`, {
    method: 'POST',
    headers: { cookie: mikko.cookie, 'x-csrf-token': mikko.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ actionId: 'approve-1', revision: 0, kind: 'approve' }),
  });
  expect(approval.status).toBe(200);
});
afterEach(async () => {
  await workspace.close();
});

const get = (path: string, who: { cookie: string } | null = mikko) => request(workspace, path, { headers: who ? { cookie: who.cookie } : {} });

describe('the insight page', () => {
  it('shows the period’s requests, touchless rate and time to approval, leaving out what was not a request', async () => {
    const answer = await get('/insight');
    expect(answer.status).toBe(200);
    const text = await answer.text();

    expect(text).toContain('data-figure="requests">3<');
    expect(text).toContain('data-figure="touchless">1<');
    expect(text).toContain('data-figure="touchless-rate">33 %<');
    expect(text).toContain('data-figure="approved">1<');
    expect(text).toContain('data-figure="median">1,5 h<');
    expect(text).toMatch(/<th scope="row">ei pyyntö<\/th><td class="number">1<\/td>/);
    expect(text).toMatch(/<th scope="row">riville ei löytynyt tuotetta<\/th><td class="number">2<\/td>/);
    expect(text).toMatch(/<th scope="row">Putki Oy<\/th><td class="number">3<\/td><td class="number">33 %<\/td>/);
  });

  it('draws its weekly charts as images named and described, with the numbers in a table too', async () => {
    const text = await (await get('/insight?days=90')).text();

    expect(text).toMatch(/<svg class="chart columns" role="img" viewBox="[^"]+" width="\d+" height="\d+" aria-labelledby="requests-chart-title requests-chart-desc"/);
    expect(text).toContain('<title id="requests-chart-title">Pyyntöjä viikossa</title>');
    expect(text).toContain('data-figure="requests">4<');
    expect(text).toContain('<option value="90" selected>Viimeiset 90 päivää</option>');
    expect(text.match(/<rect class="bar"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('<a href="/insight" aria-current="page">Katsaus</a>');
  });

  it('lists the requested texts that found no product, escaped, each linked to its latest run', async () => {
    const text = await (await get('/insight')).text();

    expect(text).toContain(`<tr><th scope="row">&lt;img src=x onerror=alert 1 &gt;Vesimittari</th><td class="number">1</td><td><a href="/runs/${runs.markup}">`);
    expect(text).toContain(`<th scope="row">Lattialämmitysjakotukki 6-piiri</th><td class="number">1</td><td><a href="/runs/${runs.approved}">`);
    expect(text).not.toContain('<img src=x');
  });

  it('shows the shortest period for one it does not offer', async () => {
    const text = await (await get('/insight?days=7')).text();

    expect(text).toContain('<option value="30" selected>');
    expect(text).toContain('data-figure="requests">3<');
  });
});

describe('GET /api/insight', () => {
  it('gives the page’s figures as JSON for the period asked', async () => {
    const thirty = (await (await get('/api/insight?days=30')).json()) as { days: number; total: Record<string, unknown>; gaps: { text: string; lastRunId: number }[] };
    const ninety = (await (await get('/api/insight?days=90')).json()) as { total: { requests: number } };

    expect(thirty.days).toBe(30);
    expect(thirty.total).toEqual({ requests: 3, touchless: 1, touchlessRate: 1 / 3, approved: 1, medianMsToApproval: 90 * MINUTE, p90MsToApproval: 90 * MINUTE });
    expect(thirty.gaps.map((g) => g.lastRunId).sort()).toEqual([runs.approved, runs.markup].sort());
    expect(ninety.total.requests).toBe(4);
  });

  it('refuses a period the page does not offer, and anyone without a session', async () => {
    const wrong = await get('/api/insight?days=7');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid' });
    expect((await get('/api/insight', null)).status).toBe(401);
    expect((await get('/insight', null)).status).toBe(303);
  });
});
