import type { SalespersonEvidence } from '../../domain/party-finding.js';
import type { Person } from '../../domain/person.js';
import type { Provenance } from '../../domain/provenance.js';
import { defineStep } from '../step.js';

type Candidate = () => Promise<{ person: Person | null; learnedFrom?: Provenance }>;

/**
 * A reassignment a reviewer made for this customer comes first: it is the newest word on who
 * serves them, newer than the ERP's responsible seller, and it is why a colleague forwarding or
 * copied on the mail no longer takes it. Then the salesperson who sent the mail, one it was
 * sent or copied to, the customer's seller in the ERP, and the configured default.
 */
export const findSalesperson = defineStep({
  name: 'find_salesperson',
  reads: ['email', 'customer'],
  writes: ['salesperson', 'salespersonFoundBy'],
  async run(context, env) {
    const persons = env.erp.persons;
    const email = context.email;
    const customerNumber = context.customer?.number ?? null;
    const candidates: [SalespersonEvidence, Candidate][] = [
      [
        'learned for customer',
        async () => {
          const taught = customerNumber ? await env.parties.salespersonOf(customerNumber) : null;
          return taught ? { person: await persons.getByNumber(taught.number), learnedFrom: taught.learnedFrom } : { person: null };
        },
      ],
      ['sender', async () => ({ person: email?.from ? await persons.findByEmail(email.from.address) : null })],
      [
        'recipient',
        async () => {
          for (const to of [...(email?.to ?? []), ...(email?.cc ?? [])]) {
            const person = await persons.findByEmail(to.address);
            if (person) return { person };
          }
          return { person: null };
        },
      ],
      ["customer's seller", async () => ({ person: context.customer?.sellerNumber ? await persons.getByNumber(context.customer.sellerNumber) : null })],
      ['default seller', async () => ({ person: env.settings.defaultSellerNumber ? await persons.getByNumber(env.settings.defaultSellerNumber) : null })],
    ];
    for (const [evidence, candidate] of candidates) {
      const { person, learnedFrom } = await candidate();
      if (person) return { patch: { salesperson: person, salespersonFoundBy: { evidence, learnedFrom: learnedFrom ?? null } } };
    }
    return { patch: { salesperson: null, salespersonFoundBy: null }, warnings: ['no salesperson found and no default seller configured'] };
  },
});
