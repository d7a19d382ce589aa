import type { Kysely } from 'kysely';
import type { Teacher } from '../domain/provenance.js';
import type { LearnedParty, PartyMemory } from '../learning/party-memory.js';
import type { Clock } from '../time/clock.js';
import { provenanceOf, taughtColumns } from './provenance-columns.js';
import type { StoreSchema } from './schema.js';

/** Addresses compare as mail systems treat them in practice: without case. */
function addressKey(address: string): { address: string; domain: string } {
  const key = address.trim().toLowerCase();
  return { address: key, domain: key.split('@')[1] ?? '' };
}

/** Who reviewers said a sender writes for and who serves a customer, in the run store's database; the latest correction wins. */
export class KyselyPartyMemory implements PartyMemory {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock,
  ) {}

  async customerOfAddress(address: string): Promise<LearnedParty | null> {
    const row = await this.db.selectFrom('sender_customers').selectAll().where('address', '=', addressKey(address).address).executeTakeFirst();
    return row ? { number: row.customer_number, learnedFrom: provenanceOf(row) } : null;
  }

  async customerOfDomain(domain: string): Promise<LearnedParty | null> {
    const rows = await this.db.selectFrom('sender_customers').selectAll().where('domain', '=', domain.trim().toLowerCase()).orderBy('updated_at', 'desc').execute();
    const latest = rows[0];
    if (!latest || rows.some((r) => r.customer_number !== latest.customer_number)) return null;
    return { number: latest.customer_number, learnedFrom: provenanceOf(latest) };
  }

  async rememberCustomer({ address, customerNumber, by }: { address: string; customerNumber: string; by: Teacher }): Promise<void> {
    const row = { ...addressKey(address), customer_number: customerNumber, ...taughtColumns(by, this.clock.now()) };
    await this.db
      .insertInto('sender_customers')
      .values(row)
      .onConflict((oc) => oc.column('address').doUpdateSet({ customer_number: row.customer_number, taught_by_id: row.taught_by_id, taught_by_name: row.taught_by_name, updated_at: row.updated_at }))
      .execute();
  }

  async salespersonOf(customerNumber: string): Promise<LearnedParty | null> {
    const row = await this.db.selectFrom('customer_salespersons').selectAll().where('customer_number', '=', customerNumber).executeTakeFirst();
    return row ? { number: row.person_number, learnedFrom: provenanceOf(row) } : null;
  }

  async rememberSalesperson({ customerNumber, personNumber, by }: { customerNumber: string; personNumber: string; by: Teacher }): Promise<void> {
    const row = { customer_number: customerNumber, person_number: personNumber, ...taughtColumns(by, this.clock.now()) };
    await this.db
      .insertInto('customer_salespersons')
      .values(row)
      .onConflict((oc) => oc.column('customer_number').doUpdateSet({ person_number: row.person_number, taught_by_id: row.taught_by_id, taught_by_name: row.taught_by_name, updated_at: row.updated_at }))
      .execute();
  }
}
