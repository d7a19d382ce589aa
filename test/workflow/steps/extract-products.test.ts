import { describe, expect, it } from 'vitest';
import type { LineExtractor } from '../../../src/extraction/line-extractor.js';
import { extractProducts } from '../../../src/workflow/steps/extract-products.js';
import { parsedEmail } from '../../support/parsed-email.js';
import { contextWith, environment } from '../../support/runner.js';
import { seededErp } from '../../support/seller.js';


describe('extract_products step', () => {
  it('extracts the requested lines of the body', async () => {
    const erp = await seededErp();
    const body = 'Hei,\ntarjousta pyytäisin:\nKupariputki 15x1,0 kova 10 m\n2 kpl Palloventtiili DN20';
    const output = await extractProducts.run(contextWith({ body }), environment(erp));
    await erp.close();

    expect(output.patch?.requestedLines?.map((l) => [l.description, l.quantity, l.unit])).toEqual([
      ['Kupariputki 15x1,0 kova', '10', 'm'],
      ['Palloventtiili DN20', '2', 'kpl'],
    ]);
    expect(output.patch?.notAnRfq).toBeUndefined();
  });

  it('reads the lines with the configured extractor and passes on its warnings', async () => {
    const erp = await seededErp();
    const extractor: LineExtractor = {
      name: 'stub',
      extract: async ({ subject, body }) => ({
        lines: [{ text: body, description: subject, quantity: '3', unit: 'kpl', code: null }],
        warnings: ['llm extraction failed (timeout); used rules'],
      }),
    };
    const output = await extractProducts.run(
      contextWith({ body: 'kolme venttiiliä', email: parsedEmail({ subject: 'Venttiilit' }) }),
      environment(erp, { lineExtractor: extractor }),
    );
    await erp.close();

    expect(output.patch?.requestedLines).toEqual([{ text: 'kolme venttiiliä', description: 'Venttiilit', quantity: '3', unit: 'kpl', code: null }]);
    expect(output.warnings).toEqual(['llm extraction failed (timeout); used rules']);
  });

  it('marks an email that asks for nothing as not an RFQ', async () => {
    const erp = await seededErp();
    const logo = { filename: 'logo.png', kind: 'unsupported' as const, lines: [], warnings: [] };
    const output = await extractProducts.run(contextWith({ body: 'Kiitos, palaamme asiaan.', attachmentTexts: [logo] }), environment(erp));
    await erp.close();

    expect(output.patch?.notAnRfq).toBe(true);
    expect(output.skipped).toBeTruthy();
  });

  it('reads the items of an attachment when the text has none', async () => {
    const erp = await seededErp();
    const attachmentTexts = [{ filename: 'lista.xlsx', kind: 'xlsx' as const, lines: ['Tuote\tMäärä', 'Kupariputki 15x1,0 kova\t12'], warnings: [] }];
    const output = await extractProducts.run(contextWith({ body: 'Lista liitteenä.', attachmentTexts }), environment(erp));
    await erp.close();

    expect(output.patch?.requestedLines?.map((l) => [l.description, l.quantity])).toEqual([['Kupariputki 15x1,0 kova', '12']]);
  });

  it('asks a person to look when the documents hold no items it can read', async () => {
    const erp = await seededErp();
    const attachmentTexts = [{ filename: 'piirustus.pdf', kind: 'pdf' as const, lines: ['Pohjapiirros 1:50'], warnings: [] }];
    const output = await extractProducts.run(contextWith({ body: 'Tarjous kuvan mukaan.', attachmentTexts }), environment(erp));
    await erp.close();

    expect(output.patch?.notAnRfq).toBeUndefined();
    expect(output.review).toEqual(['no requested items in the email or its attachments (piirustus.pdf); please check them']);
  });
});
