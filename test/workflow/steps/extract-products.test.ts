import { describe, expect, it } from 'vitest';
import type { ParsedEmail } from '../../../src/email/parsed-email.js';
import type { LineExtractor } from '../../../src/extraction/line-extractor.js';
import { extractProducts } from '../../../src/workflow/steps/extract-products.js';
import { parsedEmail } from '../../support/parsed-email.js';
import { contextWith, environment } from '../../support/runner.js';
import { seededErp } from '../../support/seller.js';

function withAttachments(filenames: string[]): ParsedEmail {
  return parsedEmail({ attachments: filenames.map((filename) => ({ filename, contentType: 'application/pdf', size: 1000 })) });
}

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
    const output = await extractProducts.run(contextWith({ body: 'Kiitos, palaamme asiaan.', email: withAttachments([]) }), environment(erp));
    await erp.close();

    expect(output.patch?.notAnRfq).toBe(true);
    expect(output.skipped).toBeTruthy();
  });

  it('fails, naming the attachments, when only unread attachments can hold the items', async () => {
    const erp = await seededErp();
    const run = extractProducts.run(contextWith({ body: 'Lista liitteenä.', email: withAttachments(['lista.pdf']) }), environment(erp));
    await expect(run).rejects.toThrow('lista.pdf');
    await erp.close();
  });
});
