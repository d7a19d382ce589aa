import { normalizeBusinessId, vatNumberOf } from '../../domain/business-id.js';
import type { Customer } from '../../domain/customer.js';
import type { CustomerRepository } from '../ports.js';
import { quoted, type BcClient } from './client.js';
import { codeValue } from './codes.js';
import { customerDomains, customerFromWire, isOfferableCustomer, type Prospect } from './mapper.js';
import { customerSchema, type WireCustomer } from './wire.js';

const PATH = '/customers';

/**
 * BC filters each field exactly; the rule (a whole address, a whole domain, a checked business
 * id) is applied again here to what comes back. `or` across two fields is refused by BC, so a
 * search over two fields is two requests.
 */
export class BcCustomerRepository implements CustomerRepository {
  constructor(
    private readonly client: BcClient,
    private readonly prospect: Prospect,
  ) {}

  async getByNumber(number: string): Promise<Customer | null> {
    const code = codeValue(number);
    if (code === null) return null;
    const [found] = await this.list(`number eq ${quoted(code)}`, (c) => c.number === code);
    return found ?? null;
  }

  /** The VAT registration number is text, kept as the user typed it: both forms are asked for. */
  async findByBusinessId(businessId: string): Promise<Customer | null> {
    const id = normalizeBusinessId(businessId);
    if (!id) return null;
    for (const form of [vatNumberOf(id), id]) {
      const [found] = await this.list(`taxRegistrationNumber eq ${quoted(form)}`, (c) => !!c.taxRegistrationNumber && normalizeBusinessId(c.taxRegistrationNumber) === id);
      if (found) return found;
    }
    return null;
  }

  /** BC compares text exactly; addresses are kept in lower case, as people and imports write them. */
  async findByEmail(email: string): Promise<Customer[]> {
    const wanted = email.trim().toLowerCase();
    return this.list(`email eq ${quoted(wanted)}`, (c) => c.email?.toLowerCase() === wanted);
  }

  async findByDomain(domain: string): Promise<Customer[]> {
    const wanted = domain.trim().toLowerCase();
    const ofDomain = (c: WireCustomer) => customerDomains(c).includes(wanted);
    const byEmail = await this.list(`endswith(email,${quoted(`@${wanted}`)})`, ofDomain);
    const byWebsite = await this.list(`contains(website,${quoted(wanted)})`, ofDomain);
    const numbers = new Set(byEmail.map((c) => c.number));
    return [...byEmail, ...byWebsite.filter((c) => !numbers.has(c.number))];
  }

  async searchByName(name: string): Promise<Customer[]> {
    return this.list(`contains(displayName,${quoted(name.trim())})`, () => true);
  }

  private async list(filter: string, keep: (c: WireCustomer) => boolean): Promise<Customer[]> {
    const found = await this.client.all(PATH, { $filter: filter }, customerSchema);
    return found.filter((c) => isOfferableCustomer(c, this.prospect) && keep(c)).map(customerFromWire);
  }
}
