import { normalizeBusinessId, vatNumberOf } from '../../domain/business-id.js';
import type { Customer } from '../../domain/customer.js';
import type { CustomerRepository } from '../ports.js';
import type { LemonsoftClient, Query } from './client.js';
import { customerEmails, customerFromWire } from './mapper.js';
import { customerSchema, type WireCustomer } from './wire.js';

const PATH = '/api/customers';

/**
 * Lemonsoft filters customers by a few fields and by free text; the exact rule (a whole
 * address, a whole domain, a checked business id) is applied here to what comes back.
 */
export class LemonsoftCustomerRepository implements CustomerRepository {
  constructor(private readonly client: LemonsoftClient) {}

  async getByNumber(number: string): Promise<Customer | null> {
    if (!/^\d+$/.test(number)) return null;
    const [found] = await this.list({ 'filter.customer_number': [Number(number)] }, (c) => String(c.number) === number);
    return found ?? null;
  }

  async findByBusinessId(businessId: string): Promise<Customer | null> {
    const id = normalizeBusinessId(businessId);
    if (!id) return null;
    for (const vat of [id, vatNumberOf(id)]) {
      const [found] = await this.list({ 'filter.vat': vat }, (c) => !!c.vat && normalizeBusinessId(c.vat) === id);
      if (found) return found;
    }
    return null;
  }

  async findByEmail(email: string): Promise<Customer[]> {
    const wanted = email.trim().toLowerCase();
    const exact = (c: WireCustomer) => customerEmails(c).includes(wanted);
    const byField = await this.list({ 'filter.email': wanted }, exact);
    // A contact's address is found only by free text.
    return byField.length ? byField : this.list({ 'filter.search': wanted }, exact);
  }

  async findByDomain(domain: string): Promise<Customer[]> {
    const wanted = domain.trim().toLowerCase();
    return this.list({ 'filter.search': wanted }, (c) => customerEmails(c).some((e) => e.endsWith(`@${wanted}`)));
  }

  async searchByName(name: string): Promise<Customer[]> {
    return this.list({ 'filter.name': name }, () => true);
  }

  private async list(query: Query, keep: (c: WireCustomer) => boolean): Promise<Customer[]> {
    const found = await this.client.all(PATH, query, customerSchema);
    return found.filter((c) => c.is_nonactive !== true && keep(c)).map(customerFromWire);
  }
}
