import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBcErp } from '../../../src/erp/bc/adapter.js';
import type { RunningBcSimulator } from '../../../src/erp/bc/simulator/server.js';
import type { ErpAdapter } from '../../../src/erp/ports.js';
import { systemClock } from '../../../src/time/clock.js';
import { bcSettings, startBc } from '../conformance/harnesses.js';
import { offerDraft } from '../../support/offer-draft.js';
import { pdfPages } from '../../support/pdf-text.js';
import { NO_FENCE } from '../../support/runner.js';

describe('the quote as Business Central prints it', () => {
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

  it('is fetched through the quote’s pdfDocument, in the language asked for, holding its number and lines', async () => {
    const offer = await erp.offers.create(offerDraft('OF-print'), NO_FENCE);

    const pdf = await erp.documents!.pdf(offer.number, 'sv');

    const text = (await pdfPages(pdf!)).join('\n');
    expect(text).toContain(`Försäljningsofferter ${offer.number}`);
    for (const line of offer.lines) expect(text).toContain(line.sku);
    expect(sim.calls.filter((c) => c.includes('pdfDocument'))).toEqual(['GET /companies(:id)/salesQuotes(:id)/pdfDocument/pdfDocumentContent']);
  });

  it('is none for a quote BC does not hold', async () => {
    expect(await erp.documents!.pdf('S-QUO9999', 'fi')).toBeNull();
  });

  it('is not asked for where the seller prints with Offerflow', async () => {
    const own = await openBcErp({ settings: { ...bcSettings(sim), printedBy: 'offerflow' }, clock: systemClock });
    expect(own.documents).toBeNull();
    await own.close();
  });
});
