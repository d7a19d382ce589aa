import type { Person } from '../../domain/person.js';
import { defineStep } from '../step.js';

export const findSalesperson = defineStep({
  name: 'find_salesperson',
  reads: ['email', 'customer'],
  writes: ['salesperson'],
  async run(context, env) {
    const persons = env.erp.persons;
    const email = context.email;
    const candidates: (() => Promise<Person | null>)[] = [
      async () => (email?.from ? persons.findByEmail(email.from.address) : null),
      async () => {
        for (const to of [...(email?.to ?? []), ...(email?.cc ?? [])]) {
          const person = await persons.findByEmail(to.address);
          if (person) return person;
        }
        return null;
      },
      async () => (context.customer?.sellerNumber ? persons.getByNumber(context.customer.sellerNumber) : null),
      async () => (env.settings.defaultSellerNumber ? persons.getByNumber(env.settings.defaultSellerNumber) : null),
    ];
    for (const candidate of candidates) {
      const person = await candidate();
      if (person) return { patch: { salesperson: person } };
    }
    return { patch: { salesperson: null }, warnings: ['no salesperson found and no default seller configured'] };
  },
});
