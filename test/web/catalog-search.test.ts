import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { request, signedInAs, startWorkspace, type Workspace } from '../support/workspace.js';

let workspace: Workspace;
let mikko: { cookie: string; csrf: string };

beforeEach(async () => {
  workspace = await startWorkspace();
  mikko = await signedInAs(workspace, 'mikko@seller.fi');
});
afterEach(async () => {
  await workspace.close();
});

const search = async (query: string, headers: Record<string, string> = { cookie: mikko.cookie }) => {
  const answer = await request(workspace, `/api/catalog/search?${query}`, { headers });
  return { status: answer.status, body: (await answer.json()) as { results?: { sku: string; name: string }[]; error?: string } };
};

describe('GET /api/catalog/search', () => {
  it('answers as the salesperson types: a code start, then words with the last one unfinished', async () => {
    expect((await search('q=cu15')).body.results).toEqual([{ sku: '1000015', name: 'Kupariputki 15x1,0 kova' }]);
    expect((await search('q=6401')).body.results?.map((r) => r.sku)).toEqual(['1000015']);
    expect((await search('q=kupari')).body.results?.map((r) => r.sku)).toEqual(['1000015', '1000022']);
    expect((await search('q=kupariputki%2022')).body.results?.map((r) => r.sku)).toEqual(['1000022']);
    expect((await search('q=pallov')).body.results?.map((r) => r.sku)).toEqual(['2000020']);
  });

  it('keeps to the limit asked', async () => {
    expect((await search('q=kupari&limit=1')).body.results).toHaveLength(1);
  });

  it('refuses no text and a limit out of range', async () => {
    for (const query of ['q=', 'q=%20%20', 'q=kupari&limit=0', 'q=kupari&limit=51', 'q=kupari&limit=ten']) {
      const { status, body } = await search(query);
      expect(status, query).toBe(400);
      expect(body.error).toBe('invalid');
    }
  });

  it('is answered for an API token, and refused without a session or token', async () => {
    const token = (await workspace.accounts.apiTokens.create('crm-sync'))!;
    expect((await search('q=mmj', { authorization: `Bearer ${token}` })).body.results?.map((r) => r.sku)).toEqual(['3000325']);
    expect((await request(workspace, '/api/catalog/search?q=mmj')).status).toBe(401);
  });
});

describe("a line's search on the run page", () => {
  it('sends the results alone as the fragment the page swaps in, each a pick button', async () => {
    const { runId } = await workspace.runner.process(fixture('workflow/rfq-unmatched-line.eml'), { mailbox: 'rfq@seller.fi' });
    const answer = await request(workspace, `/runs/${runId}/lines/1/search?q=pallov`, { headers: { cookie: mikko.cookie } });
    const text = await answer.text();
    expect(answer.status).toBe(200);
    expect(text).toMatch(/^<ul class="candidates"/);
    expect(text).toContain('name="sku" value="2000020"');
    expect(text).toContain('Palloventtiili DN20 3/4&quot; sk/sk');
  });
});
