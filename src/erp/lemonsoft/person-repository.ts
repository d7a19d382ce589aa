import type { Person } from '../../domain/person.js';
import type { PersonRepository } from '../ports.js';
import type { LemonsoftClient } from './client.js';
import { personFromWire } from './mapper.js';
import { personSchema } from './wire.js';

export class LemonsoftPersonRepository implements PersonRepository {
  constructor(private readonly client: LemonsoftClient) {}

  async getByNumber(number: string): Promise<Person | null> {
    if (!/^\d+$/.test(number)) return null;
    const found = await this.client.find(`/api/persons/${number}`, personSchema);
    return found ? personFromWire(found) : null;
  }

  /** Persons have no email filter; free text narrows, the whole address decides. */
  async findByEmail(email: string): Promise<Person | null> {
    const wanted = email.trim().toLowerCase();
    const found = await this.client.all('/api/persons', { 'filter.search': wanted }, personSchema);
    const person = found.find((p) => p.email?.toLowerCase() === wanted);
    return person ? personFromWire(person) : null;
  }

  async list(): Promise<Person[]> {
    return (await this.client.all('/api/persons', {}, personSchema)).map(personFromWire);
  }
}
