import type { Kysely, Selectable } from 'kysely';
import { normalizeBusinessId, vatNumberOf } from '../../domain/business-id.js';
import type { Customer } from '../../domain/customer.js';
import type { CustomerRepository } from '../ports.js';
import { customerFromRow } from './mapper.js';
import type { CustomerTable, LocalErpSchema } from './schema.js';

export class LocalCustomerRepository implements CustomerRepository {
  constructor(private readonly db: Kysely<LocalErpSchema>) {}

  async getByNumber(number: string): Promise<Customer | null> {
    const row = await this.db.selectFrom('customers').selectAll().where('number', '=', number).executeTakeFirst();
    return row ? (await this.withDomains([row]))[0]! : null;
  }

  async findByBusinessId(businessId: string): Promise<Customer | null> {
    const id = normalizeBusinessId(businessId);
    if (!id) return null;
    const row = await this.db
      .selectFrom('customers')
      .selectAll()
      .where((eb) => eb.or([eb('business_id', '=', id), eb('vat', '=', vatNumberOf(id))]))
      .executeTakeFirst();
    return row ? (await this.withDomains([row]))[0]! : null;
  }

  async findByEmail(email: string): Promise<Customer[]> {
    const rows = await this.db.selectFrom('customers').selectAll().where('email_lower', '=', email.toLowerCase()).execute();
    return this.withDomains(rows);
  }

  async findByDomain(domain: string): Promise<Customer[]> {
    const lower = domain.toLowerCase();
    const rows = await this.db
      .selectFrom('customers')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('email_lower', 'like', `%@${lower}`),
          eb('number', 'in', eb.selectFrom('customer_domains').select('customer_number').where('domain', '=', lower)),
        ]),
      )
      .execute();
    return this.withDomains(rows);
  }

  async searchByName(name: string): Promise<Customer[]> {
    const rows = await this.db.selectFrom('customers').selectAll().where('name', 'like', `%${name}%`).limit(20).execute();
    return this.withDomains(rows);
  }

  private async withDomains(rows: Selectable<CustomerTable>[]): Promise<Customer[]> {
    if (rows.length === 0) return [];
    const domains = await this.db
      .selectFrom('customer_domains')
      .selectAll()
      .where(
        'customer_number',
        'in',
        rows.map((r) => r.number),
      )
      .execute();
    return rows.map((r) =>
      customerFromRow(
        r,
        domains.filter((d) => d.customer_number === r.number).map((d) => d.domain),
      ),
    );
  }
}
