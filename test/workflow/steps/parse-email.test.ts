import { describe, expect, it } from 'vitest';
import { parseEmailStep } from '../../../src/workflow/steps/parse-email.js';
import { fixture } from '../../support/fixtures.js';
import { contextWith, environment } from '../../support/runner.js';
import { seededErp } from '../../support/seller.js';

describe('parse_email step', () => {
  it('keeps the sender, the request text and the signature apart', async () => {
    const erp = await seededErp();
    const output = await parseEmailStep.run(contextWith(), environment(erp, { rawEmail: fixture('workflow/rfq-known-customer.eml') }));
    await erp.close();

    expect(output.patch?.email?.from).toEqual({ address: 'matti@putki.fi', name: 'Matti Putkinen' });
    expect(output.patch?.email?.subject).toBe('Tarjouspyyntö kupariputket');
    expect(output.patch?.body).toContain('Kupariputki 15x1,0 kova 10 m');
    expect(output.patch?.body).not.toContain('Y-tunnus');
    expect(output.patch?.signature).toContain('Y-tunnus 1572860-0');
    expect(output.warnings).toEqual([]);
  });

  it('warns when the email has no text of its own', async () => {
    const erp = await seededErp();
    const raw = Buffer.from('From: a@b.fi\r\nSubject: x\r\n\r\n> only a quote\r\n');
    const output = await parseEmailStep.run(contextWith(), environment(erp, { rawEmail: raw }));
    await erp.close();

    expect(output.warnings).toHaveLength(1);
    expect(output.patch?.body).toBe('');
  });
});
