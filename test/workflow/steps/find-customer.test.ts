import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalErp } from '../../../src/erp/local/adapter.js';
import type { CompanyFacts } from '../../../src/extraction/company-facts.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { findCustomer } from '../../../src/workflow/steps/find-customer.js';
import { clockAt } from '../../support/clock.js';
import { contextWith, environment } from '../../support/runner.js';
import { seededErp, tempDataDir } from '../../support/seller.js';

const SANNA = { id: 'sanna@seller.fi', name: 'Sanna Sähkö' };
const TAUGHT = { by: SANNA, at: '2026-11-24T10:00:00.000Z' };

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

  it('says what named the customer', async () => {
    const output = await run(facts({ businessIds: ['2345678-0'] }));
    expect(output.patch?.customerFoundBy).toEqual({ evidence: 'business id', learnedFrom: null });
  });

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

  describe('with what reviewers taught', () => {
    let store: Store;
    beforeEach(async () => {
      store = await openStore(tempDataDir(), null, clockAt(TAUGHT.at));
    });
    afterEach(async () => {
      await store.close();
    });

    const taught = (address: string, customerNumber: string) => store.parties.rememberCustomer({ address, customerNumber, by: SANNA });
    const runTaught = (company: CompanyFacts) => findCustomer.run(contextWith({ company }), environment(erp, { parties: store.parties }));
    const sender = (address: string) => ({ senderAddress: address, senderDomain: address.split('@')[1]! });

    it("takes the customer chosen for this address before the ERP's addresses, domains and names, saying who taught it and when", async () => {
      await taught('matti@putki.fi', '20002');

      const output = await runTaught(facts({ ...sender('matti@putki.fi'), companyNames: ['Putki Oy'] }));

      expect(output.patch).toEqual({ customer: expect.objectContaining({ number: '20002' }), customerFoundBy: { evidence: 'learned address', learnedFrom: TAUGHT } });
      expect(output.review).toEqual([]);
    });

    it('keeps to a business id that names another customer than the one taught for the sender, but asks for a look naming both', async () => {
      await taught('x@putki.fi', '20001');

      const output = await runTaught(facts({ businessIds: ['2345678-0'], ...sender('x@putki.fi') }));

      expect(output.patch?.customer?.number).toBe('20002');
      expect(output.patch?.customerFoundBy).toEqual({ evidence: 'business id', learnedFrom: null });
      expect(output.review).toEqual(['customer: the business id names 20002 Jaettu Alpha Oy, but Sanna Sähkö chose 20001 Putki Oy for this sender on 2026-11-24']);
    });

    it('settles two business ids by the customer taught for the sender', async () => {
      await taught('x@putki.fi', '20001');

      const output = await runTaught(facts({ businessIds: ['2345678-0', '1572860-0'], ...sender('x@putki.fi') }));

      expect(output.patch?.customerFoundBy).toEqual({ evidence: 'learned address', learnedFrom: TAUGHT });
      expect(output.patch?.customer?.number).toBe('20001');
      expect(output.review).toEqual([]);
    });

    it("reads a colleague's domain as the customer taught for the addresses under it, where the ERP's domain fits two", async () => {
      await taught('a@shared.fi', '20003');

      const output = await runTaught(facts(sender('b@shared.fi')));

      expect(output.patch?.customer?.number).toBe('20003');
      expect(output.patch?.customerFoundBy).toEqual({ evidence: 'learned domain', learnedFrom: TAUGHT });
    });

    it("holds a learned domain weaker than the ERP's own address for a customer", async () => {
      await taught('someone@putki.fi', '20002');

      const output = await runTaught(facts(sender('tilaukset@putki.fi')));

      expect(output.patch?.customer?.number).toBe('20001');
      expect(output.patch?.customerFoundBy?.evidence).toBe('sender address');
    });

    it('never reads a free-mail domain from an address taught under it', async () => {
      await taught('jari@gmail.com', '20002');

      expect((await runTaught(facts(sender('liisa@gmail.com')))).patch?.customer).toBeNull();
    });

    it('passes over a taught customer the ERP no longer has', async () => {
      await taught('matti@putki.fi', '99999');

      const output = await runTaught(facts(sender('matti@putki.fi')));

      expect(output.patch?.customer?.number).toBe('20001');
      expect(output.patch?.customerFoundBy).toEqual({ evidence: 'sender domain', learnedFrom: null });
    });
  });
});
