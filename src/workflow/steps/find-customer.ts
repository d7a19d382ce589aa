import type { Customer } from '../../domain/customer.js';
import { isFreeMailDomain } from '../../domain/free-mail.js';
import type { CustomerRepository } from '../../erp/ports.js';
import type { CompanyFacts } from '../../extraction/company-facts.js';
import { companyNameSimilarity, companyNameWords } from '../../matching/company-name.js';
import { defineStep } from '../step.js';

type Lookup = (customers: CustomerRepository, facts: CompanyFacts) => Promise<Customer[]>;

/** A signature's company name must name the customer nearly word for word to count. */
const NAME_SIMILARITY = 0.85;

/** Customers whose names share a word with the written name, kept when the whole name fits. */
async function byCompanyName(customers: CustomerRepository, name: string): Promise<Customer[]> {
  const words = companyNameWords(name).filter((w) => w.length >= 4);
  const candidates = (await Promise.all(words.map((w) => customers.searchByName(w)))).flat();
  return candidates.filter((c) => companyNameSimilarity(name, c.name) >= NAME_SIMILARITY);
}

/** Strongest evidence first: a business id names one company; a shared domain may name several. */
const LOOKUPS: [string, Lookup][] = [
  ['business id', async (c, f) => (await Promise.all(f.businessIds.map((id) => c.findByBusinessId(id)))).filter((x): x is Customer => x !== null)],
  ['sender address', async (c, f) => (f.senderAddress ? c.findByEmail(f.senderAddress) : [])],
  ['sender domain', async (c, f) => (f.senderDomain && !isFreeMailDomain(f.senderDomain) ? c.findByDomain(f.senderDomain) : [])],
  ['company name', async (c, f) => (await Promise.all(f.companyNames.map((n) => byCompanyName(c, n)))).flat()],
  ['company name without its legal form', async (c, f) => (await Promise.all(f.signatureNames.map((n) => byCompanyName(c, n)))).flat()],
];

function unique(customers: Customer[]): Customer[] {
  return [...new Map(customers.map((c) => [c.number, c])).values()];
}

function describe(facts: CompanyFacts | null): string {
  if (!facts) return 'nothing';
  const parts = [
    ...facts.businessIds.map((id) => `business id ${id}`),
    ...facts.companyNames.map((n) => `name "${n}"`),
    facts.senderAddress ? `sender ${facts.senderAddress}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing';
}

export const findCustomer = defineStep({
  name: 'find_customer',
  reads: ['company'],
  writes: ['customer'],
  async run(context, env) {
    const facts = context.company;
    if (facts) {
      for (const [evidence, lookup] of LOOKUPS) {
        const found = unique(await lookup(env.erp.customers, facts));
        if (found.length === 1) return { patch: { customer: found[0]! } };
        if (found.length > 1) {
          const names = found.map((c) => `${c.number} ${c.name}`).join(', ');
          return { patch: { customer: null }, review: [`customer is ambiguous: ${evidence} fits ${names}`] };
        }
      }
    }
    return { patch: { customer: null }, review: [`customer unknown; the email shows ${describe(facts)}`] };
  },
});
