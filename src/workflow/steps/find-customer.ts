import type { Customer } from '../../domain/customer.js';
import { isFreeMailDomain } from '../../domain/free-mail.js';
import type { CustomerEvidence } from '../../domain/party-finding.js';
import type { Provenance } from '../../domain/provenance.js';
import type { CustomerRepository } from '../../erp/ports.js';
import type { CompanyFacts } from '../../extraction/company-facts.js';
import type { PartyMemory } from '../../learning/party-memory.js';
import { companyNameSimilarity, companyNameWords } from '../../matching/company-name.js';
import { defineStep } from '../step.js';

/** A customer and what named it. */
interface Found {
  customer: Customer;
  evidence: CustomerEvidence;
  learnedFrom: Provenance | null;
}

type Lookup = (customers: CustomerRepository, facts: CompanyFacts, learned: Found[]) => Promise<Customer[]>;

/** A signature's company name must name the customer nearly word for word to count. */
const NAME_SIMILARITY = 0.85;

/** Customers whose names share a word with the written name, kept when the whole name fits. */
async function byCompanyName(customers: CustomerRepository, name: string): Promise<Customer[]> {
  const words = companyNameWords(name).filter((w) => w.length >= 4);
  const candidates = (await Promise.all(words.map((w) => customers.searchByName(w)))).flat();
  return candidates.filter((c) => companyNameSimilarity(name, c.name) >= NAME_SIMILARITY);
}

/** What reviewers taught for the sender's address and domain, of customers the ERP still has. */
async function learnedFor(facts: CompanyFacts, customers: CustomerRepository, parties: PartyMemory): Promise<Found[]> {
  const { senderAddress, senderDomain } = facts;
  const taught = [
    { evidence: 'learned address' as const, party: senderAddress ? await parties.customerOfAddress(senderAddress) : null },
    { evidence: 'learned domain' as const, party: senderDomain && !isFreeMailDomain(senderDomain) ? await parties.customerOfDomain(senderDomain) : null },
  ];
  const found: Found[] = [];
  for (const { evidence, party } of taught) {
    const customer = party && (await customers.getByNumber(party.number));
    if (customer) found.push({ customer, evidence, learnedFrom: party.learnedFrom });
  }
  return found;
}

const taughtAs =
  (evidence: CustomerEvidence): Lookup =>
  async (_customers, _facts, learned) =>
    learned.filter((l) => l.evidence === evidence).map((l) => l.customer);

/**
 * Strongest evidence first. A business id in the mail names one company. Then what a reviewer
 * chose for this very address: it corrected what the ERP's data said, so it beats the ERP's
 * addresses and names. A domain learned from the addresses under it is weaker than an ERP
 * address (a colleague of the taught sender may be another customer) but beats the ERP's
 * domains, which may name several customers. A learned address that names another customer
 * than the business id never passes silently (see `run`).
 */
const LOOKUPS: [CustomerEvidence, Lookup][] = [
  ['business id', async (c, f) => (await Promise.all(f.businessIds.map((id) => c.findByBusinessId(id)))).filter((x): x is Customer => x !== null)],
  ['learned address', taughtAs('learned address')],
  ['sender address', async (c, f) => (f.senderAddress ? c.findByEmail(f.senderAddress) : [])],
  ['learned domain', taughtAs('learned domain')],
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

const nameOf = (c: Customer) => `${c.number} ${c.name}`;

/** One of several that fit, when a reviewer taught it for this sender: what they chose settles the tie. */
function chosenAmong(found: Customer[], evidence: CustomerEvidence, learned: Found[]): Found | null {
  if (found.length === 1) return { customer: found[0]!, evidence, learnedFrom: learned.find((l) => l.evidence === evidence)?.learnedFrom ?? null };
  return learned.find((l) => found.some((c) => c.number === l.customer.number)) ?? null;
}

/** A reviewer said this sender writes for someone else: the mail may be for another company, or the teaching out of date. */
function disagreements(chosen: Found, learned: Found[]): string[] {
  const taught = learned.find((l) => l.evidence === 'learned address');
  if (!taught || taught.customer.number === chosen.customer.number) return [];
  const { by, at } = taught.learnedFrom!;
  return [`customer: the ${chosen.evidence} names ${nameOf(chosen.customer)}, but ${by.name} chose ${nameOf(taught.customer)} for this sender on ${at.slice(0, 10)}`];
}

export const findCustomer = defineStep({
  name: 'find_customer',
  reads: ['company'],
  writes: ['customer', 'customerFoundBy'],
  async run(context, env) {
    const facts = context.company;
    if (facts) {
      const customers = env.erp.customers;
      const learned = await learnedFor(facts, customers, env.parties);
      for (const [evidence, lookup] of LOOKUPS) {
        const found = unique(await lookup(customers, facts, learned));
        if (found.length === 0) continue;
        const chosen = chosenAmong(found, evidence, learned);
        if (!chosen) return { patch: { customer: null, customerFoundBy: null }, review: [`customer is ambiguous: ${evidence} fits ${found.map(nameOf).join(', ')}`] };
        return { patch: { customer: chosen.customer, customerFoundBy: { evidence: chosen.evidence, learnedFrom: chosen.learnedFrom } }, review: disagreements(chosen, learned) };
      }
    }
    return { patch: { customer: null, customerFoundBy: null }, review: [`customer unknown; the email shows ${describe(facts)}`] };
  },
});
