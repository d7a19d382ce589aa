import type { Customer } from '../../domain/customer.js';
import { isFreeMailDomain } from '../../domain/free-mail.js';
import type { CustomerRepository } from '../../erp/ports.js';
import type { CompanyFacts } from '../../extraction/company-facts.js';
import type { StepOutput, WorkflowStep } from '../step.js';

type Lookup = (customers: CustomerRepository, facts: CompanyFacts) => Promise<Customer[]>;

/** Strongest evidence first: a business id names one company; a shared domain may name several. */
const LOOKUPS: [string, Lookup][] = [
  ['business id', async (c, f) => (await Promise.all(f.businessIds.map((id) => c.findByBusinessId(id)))).filter((x): x is Customer => x !== null)],
  ['sender address', async (c, f) => (f.senderAddress ? c.findByEmail(f.senderAddress) : [])],
  ['sender domain', async (c, f) => (f.senderDomain && !isFreeMailDomain(f.senderDomain) ? c.findByDomain(f.senderDomain) : [])],
  ['company name', async (c, f) => (await Promise.all(f.companyNames.map((n) => c.searchByName(n)))).flat()],
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

export const findCustomer: WorkflowStep = {
  name: 'find_customer',
  async run(context, env): Promise<StepOutput> {
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
};
