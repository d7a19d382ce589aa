import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../../src/domain/customer.js';
import type { EmailAddress, ParsedEmail } from '../../../src/email/parsed-email.js';
import type { LocalErp } from '../../../src/erp/local/adapter.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { findSalesperson } from '../../../src/workflow/steps/find-salesperson.js';
import { clockAt } from '../../support/clock.js';
import { parsedEmail } from '../../support/parsed-email.js';
import { contextWith, environment, SETTINGS } from '../../support/runner.js';
import { CUSTOMERS, seededErp, tempDataDir } from '../../support/seller.js';

const MIKKO = { id: 'mikko@seller.fi', name: 'Mikko Myyjä' };
const TAUGHT = { by: MIKKO, at: '2026-11-24T10:00:00.000Z' };

function email(from: string, to: string[] = [], cc: string[] = []): ParsedEmail {
  const address = (a: string): EmailAddress => ({ address: a, name: '' });
  return parsedEmail({ from: address(from), to: to.map(address), cc: cc.map(address) });
}

describe('find_salesperson step', () => {
  let erp: LocalErp;
  beforeAll(async () => {
    erp = await seededErp();
  });
  afterAll(async () => {
    await erp.close();
  });

  const run = (parsed: ParsedEmail, customer: Customer | null = null, defaultSellerNumber: string | null = null) =>
    findSalesperson.run(contextWith({ email: parsed, customer }), environment(erp, { settings: { ...SETTINGS, defaultSellerNumber } }));

  it('takes the salesperson who sent the mail', async () => {
    const output = await run(email('sanna@seller.fi', ['mikko@seller.fi']), CUSTOMERS[0]!);
    expect(output.patch?.salesperson?.number).toBe('102');
    expect(output.patch?.salespersonFoundBy).toEqual({ evidence: 'sender', learnedFrom: null });
  });

  it('takes a salesperson addressed in To or Cc before the customer’s own seller', async () => {
    const output = await run(email('matti@putki.fi', ['myynti@seller.fi'], ['mikko@seller.fi']), CUSTOMERS[0]!);
    expect(output.patch?.salesperson?.number).toBe('101');
  });

  it('falls back to the customer’s responsible seller', async () => {
    const output = await run(email('matti@putki.fi', ['myynti@seller.fi']), CUSTOMERS[0]!);
    expect(output.patch?.salesperson?.number).toBe('102');
  });

  it('falls back to the configured default seller', async () => {
    const output = await run(email('jari@gmail.com', ['myynti@seller.fi']), null, '101');
    expect(output.patch?.salesperson?.number).toBe('101');
  });

  it('warns when nobody answers', async () => {
    const output = await run(email('jari@gmail.com', ['myynti@seller.fi']));
    expect(output.patch?.salesperson).toBeNull();
    expect(output.warnings).toHaveLength(1);
  });

  describe('with what reviewers taught', () => {
    let store: Store;
    beforeEach(async () => {
      store = await openStore(tempDataDir(), null, clockAt(TAUGHT.at));
    });
    afterEach(async () => {
      await store.close();
    });

    const runTaught = (parsed: ParsedEmail, customer: Customer | null) => findSalesperson.run(contextWith({ email: parsed, customer }), environment(erp, { parties: store.parties }));

    it('takes the salesperson a reviewer chose for the customer before every other rule, saying who taught it and when', async () => {
      await store.parties.rememberSalesperson({ customerNumber: '20001', personNumber: '101', by: MIKKO });

      const output = await runTaught(email('sanna@seller.fi', ['myynti@seller.fi']), CUSTOMERS[0]!);

      expect(output.patch?.salesperson?.number).toBe('101');
      expect(output.patch?.salespersonFoundBy).toEqual({ evidence: 'learned for customer', learnedFrom: TAUGHT });
    });

    it('goes by its other rules for another customer, and past a person the ERP no longer has', async () => {
      await store.parties.rememberSalesperson({ customerNumber: '20002', personNumber: '101', by: MIKKO });
      await store.parties.rememberSalesperson({ customerNumber: '20001', personNumber: '999', by: MIKKO });

      const output = await runTaught(email('matti@putki.fi', ['myynti@seller.fi']), CUSTOMERS[0]!);

      expect(output.patch?.salesperson?.number).toBe('102');
      expect(output.patch?.salespersonFoundBy).toEqual({ evidence: "customer's seller", learnedFrom: null });
    });
  });
});
