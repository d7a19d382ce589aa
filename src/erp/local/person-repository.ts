import type { Kysely } from 'kysely';
import type { Person } from '../../domain/person.js';
import type { PersonRepository } from '../ports.js';
import { personFromRow } from './mapper.js';
import type { LocalErpSchema } from './schema.js';

export class LocalPersonRepository implements PersonRepository {
  constructor(private readonly db: Kysely<LocalErpSchema>) {}

  async getByNumber(number: string): Promise<Person | null> {
    const row = await this.db.selectFrom('persons').selectAll().where('number', '=', number).executeTakeFirst();
    return row ? personFromRow(row) : null;
  }

  async findByEmail(email: string): Promise<Person | null> {
    const row = await this.db
      .selectFrom('persons')
      .selectAll()
      .where('email_lower', '=', email.toLowerCase())
      .executeTakeFirst();
    return row ? personFromRow(row) : null;
  }

  async list(): Promise<Person[]> {
    const rows = await this.db.selectFrom('persons').selectAll().orderBy('number').execute();
    return rows.map(personFromRow);
  }
}
