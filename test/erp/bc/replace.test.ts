import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBcErp } from '../../../src/erp/bc/adapter.js';
import type { RunningBcSimulator } from '../../../src/erp/bc/simulator/server.js';
import type { ErpAdapter } from '../../../src/erp/ports.js';
import { systemClock } from '../../../src/time/clock.js';
import { offerDraft, reviewedDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { BC_APP, bcSettings, startBc } from '../conformance/harnesses.js';
import { expectStoredAsSent } from '../conformance/stored-as-sent.js';

const LINE_PATCH = '^PATCH /companies\\(:id\\)/salesQuotes\\(:id\\)/salesQuoteLines\\(:id\\)$';

let sim: RunningBcSimulator;
let erp: ErpAdapter;

beforeEach(async () => {
  sim = await startBc();
  erp = await openBcErp({ settings: bcSettings(sim), clock: systemClock });
});

afterEach(async () => {
  await erp.close();
  await sim.close();
});

/** Someone else's change to a quote's first line, straight through the API, as a BC user's would be. */
async function changeFirstLineElsewhere(): Promise<void> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: BC_APP.clientId, client_secret: BC_APP.clientSecret, scope: 'https://api.businesscentral.dynamics.com/.default' });
  const { access_token } = (await (await fetch(sim.tokenUrl, { method: 'POST', body: form })).json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' };
  const get = async (path: string) => (await (await fetch(`${sim.apiUrl}${path}`, { headers })).json()) as { value: { id: string; sequence: number; '@odata.etag': string }[] };
  const [company] = (await get('/companies')).value;
  const [quote] = (await get(`/companies(${company!.id})/salesQuotes`)).value;
  const lines = (await get(`/companies(${company!.id})/salesQuotes(${quote!.id})/salesQuoteLines`)).value;
  const first = lines.find((line) => line.sequence === 10_000)!;
  const answer = await fetch(`${sim.apiUrl}/companies(${company!.id})/salesQuotes(${quote!.id})/salesQuoteLines(${first.id})`, {
    method: 'PATCH',
    headers: { ...headers, 'If-Match': first['@odata.etag'] },
    body: JSON.stringify({ quantity: 77 }),
  });
  expect(answer.status).toBe(200);
}

describe.each([412, 409] as const)('Business Central replace, a stale ETag answered %i', (staleEtagStatus) => {
  it('reads the quote again and plans anew when a line changed between its read and its write, ending with exactly the draft', async () => {
    sim.setFaults({ variant: { staleEtagStatus } });
    await erp.offers.create(offerDraft('OF-etag-1'), NO_FENCE);
    sim.setFaults({ delay: [{ ms: 400, match: LINE_PATCH }] });

    const patches = () => sim.calls.filter((call) => new RegExp(LINE_PATCH).test(call));
    const replacing = erp.offers.replace(reviewedDraft('OF-etag-1'), NO_FENCE);
    // The adapter has planned on its read and its first line PATCH is held: the change lands between.
    while (patches().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await changeFirstLineElsewhere();
    const replaced = await replacing;

    expectStoredAsSent(replaced, reviewedDraft('OF-etag-1'));
    // Its comment line, the change made elsewhere, its line 1 refused as stale, and line 1 again after a fresh read.
    expect(patches()).toHaveLength(4);
  });
});
