import type { Person } from '../../domain/person.js';
import type { PersonRepository } from '../ports.js';
import { quoted, type BcClient } from './client.js';
import { codeValue } from './codes.js';
import { isActiveSalesperson, personFromWire } from './mapper.js';
import { BcError } from './transport.js';
import { salespersonSchema } from './wire.js';

const PATH = '/salespeoplePurchasers';

/**
 * Salespeople are `salespeoplePurchasers`. A BC whose API lacks that entity set (it came with a
 * later v2.0 update) answers 404 for the list itself: Offerflow then knows no salespeople
 * (`list()` is empty, none is found), rather than inventing nameless ones from the customers'
 * salesperson codes, and offers go out without a salesperson for a person to assign.
 */
export class BcPersonRepository implements PersonRepository {
  constructor(private readonly client: BcClient) {}

  async getByNumber(number: string): Promise<Person | null> {
    const code = codeValue(number);
    if (code === null) return null;
    const [found] = await this.salespeople(`code eq ${quoted(code)}`);
    return found ?? null;
  }

  async findByEmail(email: string): Promise<Person | null> {
    const wanted = email.trim().toLowerCase();
    const found = await this.salespeople(`email eq ${quoted(wanted)}`);
    return found.find((p) => p.email.toLowerCase() === wanted) ?? null;
  }

  list(): Promise<Person[]> {
    return this.salespeople(undefined);
  }

  private async salespeople(filter: string | undefined): Promise<Person[]> {
    try {
      const found = await this.client.all(PATH, { $filter: filter }, salespersonSchema);
      return found.filter(isActiveSalesperson).map(personFromWire);
    } catch (error) {
      if (error instanceof BcError && error.status === 404) return [];
      throw error;
    }
  }
}
