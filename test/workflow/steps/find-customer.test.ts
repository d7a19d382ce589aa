import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalErp } from '../../../src/erp/local/adapter.js';
import type { CompanyFacts } from '../../../src/extraction/company-facts.js';
import { findCustomer } from '../../../src/workflow/steps/find-customer.js';
import { contextWith, environment } from '../../support/runner.js';
import { seededErp } from '../../support/seller.js';

function facts(overrides: Partial<CompanyFacts>): CompanyFacts {
  return { businessIds: [], companyNames: [], signatureNames: [], senderAddress: null, senderDomain: null, ...overrides };
}

describe('find_customer step', () => {
  let erp: LocalErp;
  beforeAll(async () => {
    erp = await seededErp();
  });
  afterAll(async () => {
    await erp.close();
  });

  const run = (company: CompanyFacts | null) => findCustomer.run(contextWith({ company }), environment(erp));

  it('trusts a business id over a sender domain that points elsewhere', async () => {
    const output = await run(facts({ businessIds: ['2345678-0'], senderAddress: 'x@putki.fi', senderDomain: 'putki.fi' }));
    expect(output.patch?.customer?.number).toBe('20002');
    expect(output.review ?? []).toEqual([]);
  });

  it('finds the customer by the sender domain', async () => {
    const output = await run(facts({ senderAddress: 'someone@putki.fi', senderDomain: 'putki.fi' }));
    expect(output.patch?.customer?.number).toBe('20001');
  });

  it('finds the customer by a company name', async () => {
    const output = await run(facts({ companyNames: ['Putki Oy'], senderAddress: 'x@example.org', senderDomain: 'example.org' }));
    expect(output.patch?.customer?.number).toBe('20001');
  });

  it('takes a company name that fits the customer’s whole name, however it is written', async () => {
    const output = await run(facts({ companyNames: ['JAETTU ALPHA'], senderAddress: 'x@gmail.com', senderDomain: 'gmail.com' }));
    expect(output.patch?.customer?.number).toBe('20002');
  });

  it('finds the customer by a signature line that names it without its legal form', async () => {
    const output = await run(facts({ signatureNames: ['Terveisin', 'Matti Putkinen', 'Jaettu Alpha'], senderAddress: 'x@gmail.com', senderDomain: 'gmail.com' }));
    expect(output.patch?.customer?.number).toBe('20002');
  });

  it('does not take a name that fits only part of a customer’s name', async () => {
    const output = await run(facts({ companyNames: ['Jaettu Oy'], senderAddress: 'x@gmail.com', senderDomain: 'gmail.com' }));
    expect(output.patch?.customer).toBeNull();
  });

  it('asks for review when a domain fits two customers', async () => {
    const output = await run(facts({ senderAddress: 'a@shared.fi', senderDomain: 'shared.fi' }));
    expect(output.patch?.customer).toBeNull();
    expect(output.review?.[0]).toMatch(/ambiguous.*20002 Jaettu Alpha Oy.*20003 Jaettu Beta Oy/);
  });

  it('never takes a customer from a free-mail domain and says what the email showed', async () => {
    const output = await run(facts({ senderAddress: 'jari@gmail.com', senderDomain: 'gmail.com' }));
    expect(output.patch?.customer).toBeNull();
    expect(output.review).toEqual(['customer unknown; the email shows sender jari@gmail.com']);
  });
});
