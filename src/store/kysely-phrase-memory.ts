import type { Kysely } from 'kysely';
import { phraseKey, type Correction, type PhraseMemory, type Remembered } from '../matching/phrase-memory.js';
import type { PhraseMemoryTable, StoreSchema } from './schema.js';

const EVERYONE = '*';

type Key = Pick<PhraseMemoryTable, 'kind' | 'key'>;

function keysOf(description: string, code: string | null): Key[] {
  const phrase = phraseKey(description);
  return [...(code ? [{ kind: 'code' as const, key: code.trim().toUpperCase() }] : []), ...(phrase ? [{ kind: 'phrase' as const, key: phrase }] : [])];
}

/** Learned matches in the run store's database: a customer's own words first, then everyone's. */
export class KyselyPhraseMemory implements PhraseMemory {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async recall({ customerNumber, description, code }: { customerNumber: string | null; description: string; code: string | null }): Promise<Remembered | null> {
    const keys = keysOf(description, code);
    const scopes: [string, Remembered['scope']][] = [...(customerNumber ? [[customerNumber, 'customer'] as [string, 'customer']] : []), [EVERYONE, 'everyone']];
    for (const [customer, scope] of scopes) {
      for (const { kind, key } of keys) {
        const row = await this.db
          .selectFrom('phrase_memory')
          .select('sku')
          .where('customer_number', '=', customer)
          .where('kind', '=', kind)
          .where('key', '=', key)
          .executeTakeFirst();
        if (row) return { sku: row.sku, scope };
      }
    }
    return null;
  }

  /** The latest correction wins: a salesperson who corrects twice meant the second. */
  async remember({ customerNumber, description, code, sku }: Correction): Promise<void> {
    const updatedAt = new Date().toISOString();
    const customers = [...(customerNumber ? [customerNumber] : []), EVERYONE];
    const rows = customers.flatMap((customer) => keysOf(description, code).map((k) => ({ customer_number: customer, ...k, sku, corrections: 1, updated_at: updatedAt })));
    if (rows.length === 0) return;
    await this.db
      .insertInto('phrase_memory')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['customer_number', 'kind', 'key']).doUpdateSet((eb) => ({
          sku: eb.ref('excluded.sku'),
          corrections: eb('phrase_memory.corrections', '+', 1),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}
