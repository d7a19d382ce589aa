import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { form, request, signedInAs, startWorkspace, type Workspace } from '../support/workspace.js';

let workspace: Workspace;
let runId: number;
let mikko: { cookie: string; csrf: string };
let actions = 0;

beforeEach(async () => {
  workspace = await startWorkspace();
  ({ runId } = await workspace.runner.process(fixture('workflow/rfq-unmatched-line.eml'), { mailbox: 'rfq@seller.fi' }));
  mikko = await signedInAs(workspace, 'mikko@seller.fi');
});
afterEach(async () => {
  await workspace.close();
});

const page = async (path = `/runs/${runId}`, who = mikko) => {
  const answer = await request(workspace, path, { headers: { cookie: who.cookie } });
  return { status: answer.status, text: await answer.text() };
};

/** Posts one action as the run page's forms do, each with a fresh action id unless one is given. */
function act(fields: Record<string, string>, who = mikko, actionId = `page-action-${(actions += 1)}`) {
  const posted = form({ _csrf: who.csrf, actionId, ...fields });
  return request(workspace, `/runs/${runId}/actions`, { ...posted, headers: { ...posted.headers, cookie: who.cookie } });
}

const stored = async () => (await workspace.store.runs.get(runId))!;

describe('the run page', () => {
  it('shows each requested line with its product, how it was found, its price, and what to check', async () => {
    const { status, text } = await page();

    expect(status).toBe(200);
    expect(text).toContain('Kupariputki 22x1,0 kova 5 m');
    expect(text).toMatch(/<span class="sku">1000022<\/span> Kupariputki 22x1,0 kova/);
    expect(text).toContain('10,00');
    expect(text).toContain('45,00');
    expect(text).toContain('Rivi 2: Tuotetta ei löytynyt.');
    expect(text).toContain('tarkistettava');
    expect(text).toContain('<strong>Putki Oy</strong>');
    expect(text).toMatch(/name="revision" value="0"/);
  });

  it('picks a product for a line, prices it, and says so; the same action sent again changes nothing', async () => {
    const pick = await act({ revision: '0', kind: 'pick', line: '1', sku: '2000020' }, mikko, 'pick-once');
    expect(pick.status).toBe(303);
    expect(pick.headers.get('location')).toBe(`/runs/${runId}?notice=done#line-1`);

    const again = await act({ revision: '0', kind: 'pick', line: '1', sku: '2000020' }, mikko, 'pick-once');
    expect(again.headers.get('location')).toBe(`/runs/${runId}?notice=repeated#line-1`);

    const run = await stored();
    expect(run.context.review.revision).toBe(1);
    expect(run.context.draft?.lines.map((l) => l.sku)).toEqual(['1000022', '2000020']);
    const { text } = await page(`/runs/${runId}?notice=done`);
    expect(text).toContain('Tallennettu.');
    expect(text).toMatch(/<span class="sku">2000020<\/span>/);
    expect(text).toContain('valittu');
    expect(text).toMatch(/name="revision" value="1"/);
  });

  it('takes a quantity with a decimal comma, and shows it back with one', async () => {
    expect((await act({ revision: '0', kind: 'quantity', line: '0', quantity: '7,5' })).status).toBe(303);

    expect((await stored()).context.draft?.lines[0]).toMatchObject({ quantity: '7.5', lineTotal: '67.50' });
    expect((await page()).text).toMatch(/id="quantity-0" name="quantity" inputmode="decimal" size="6" value="7,5"/);
  });

  it('tells a stale page who changed the run and when, and changes nothing', async () => {
    await act({ revision: '0', kind: 'quantity', line: '0', quantity: '7' });

    const stale = await act({ revision: '0', kind: 'remove', line: '0' });

    expect(stale.status).toBe(409);
    const text = await stale.text();
    expect(text).toContain('Mikko Myyjä muutti pyyntöä 2.3.2026 klo 10.00 katsellessasi.');
    expect((await stored()).context.requestedLines).toHaveLength(2);
  });

  it('refuses an action without the form token, and an incomplete one with a clear message', async () => {
    const posted = form({ actionId: 'no-token-1', revision: '0', kind: 'remove', line: '0' });
    const noToken = await request(workspace, `/runs/${runId}/actions`, { ...posted, headers: { ...posted.headers, cookie: mikko.cookie } });
    expect(noToken.status).toBe(403);

    const incomplete = await act({ revision: '0', kind: 'pick', line: '1' });
    expect(incomplete.status).toBe(400);
    expect(await incomplete.text()).toContain('Lomake oli puutteellinen');
    expect((await stored()).context.review.revision).toBe(0);
  });

  it('finds customers and salespeople to change to, and changes them', async () => {
    const customers = await page(`/runs/${runId}?customerQuery=Alpha`);
    expect(customers.text).toContain('Jaettu Alpha Oy (20002)');
    const persons = await page(`/runs/${runId}?personQuery=sanna`);
    expect(persons.text).toContain('Sanna Sähkö &lt;sanna@seller.fi&gt;');

    await act({ revision: '0', kind: 'customer', number: '20002' });
    await act({ revision: '1', kind: 'salesperson', number: '102' });

    const run = await stored();
    expect(run.context.customer?.number).toBe('20002');
    expect(run.context.salesperson?.number).toBe('102');
    expect((await page()).text).toMatch(/<strong>Sanna Sähkö<\/strong>/);
  });

  it('approves through the JSON API with a token: the ERP offer then holds exactly the reviewed rows', async () => {
    const token = (await workspace.accounts.apiTokens.create('crm-sync'))!;
    const call = (body: unknown) =>
      request(workspace, `/api/runs/${runId}/actions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    expect((await call({ actionId: 'api-pick-1', revision: 0, kind: 'pick', line: 1, sku: '2000020' })).status).toBe(200);
    const approved = await call({ actionId: 'api-approve-1', revision: 1, kind: 'approve' });

    expect(approved.status).toBe(200);
    const body = (await approved.json()) as { outcome: string; run: { status: string; offer: { number: string } } };
    expect(body.outcome).toBe('done');
    const offer = await workspace.erp.offers.get(body.run.offer.number);
    expect(offer?.lines.map((l) => [l.position, l.sku, l.quantity])).toEqual([
      [1, '1000022', '5'],
      [2, '2000020', '1'],
    ]);
    expect((await stored()).context.review.actions.map((a) => [a.kind, a.by.name])).toEqual([
      ['edit', 'crm-sync'],
      ['approve', 'crm-sync'],
    ]);
    const stale = await call({ actionId: 'api-remove-1', revision: 0, kind: 'remove', line: 0 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'stale', by: { name: 'crm-sync' } });
    expect((await call({ actionId: 'x', revision: 0, kind: 'pick' })).status).toBe(400);
  });

  it('answers 404 for a run that does not exist, on the page and in the API', async () => {
    expect((await page('/runs/999')).status).toBe(404);
    expect((await request(workspace, '/api/runs/999', { headers: { cookie: mikko.cookie } })).status).toBe(404);
  });
});
