import type { Insertable, Kysely } from 'kysely';
import { phraseKey, type Correction, type CustomerCode, type PhraseMemory, type Remembered } from '../matching/phrase-memory.js';
import type { Clock } from '../time/clock.js';
import { provenanceIfKnown } from './provenance-columns.js';
import type { PhraseMemoryTable, StoreSchema } from './schema.js';

const EVERYONE = '*';
/** Rows per insert: well under the bound parameters SQLite and PostgreSQL take in one statement. */
const UPSERT_BATCH = 500;

type Key = Pick<PhraseMemoryTable, 'kind' | 'key'>;

function keysOf(description: string, code: string | null): Key[] {
  const phrase = phraseKey(description);
  return [...(code ? [{ kind: 'code' as const, key: code.trim().toUpperCase() }] : []), ...(phrase ? [{ kind: 'phrase' as const, key: phrase }] : [])];
}

/** Learned matches in the run store's database: a customer's own words first, then everyone's. */
export class KyselyPhraseMemory implements PhraseMemory {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock,
  ) {}

  async recall({ customerNumber, description, code }: { customerNumber: string | null; description: string; code: string | null }): Promise<Remembered | null> {
    const keys = keysOf(description, code);
    const scopes: [string, Remembered['scope']][] = [...(customerNumber ? [[customerNumber, 'customer'] as [string, 'customer']] : []), [EVERYONE, 'everyone']];
    for (const [customer, scope] of scopes) {
      for (const { kind, key } of keys) {
        const row = await this.db
          .selectFrom('phrase_memory')
          .select(['sku', 'taught_by_id', 'taught_by_name', 'updated_at'])
          .where('customer_number', '=', customer)
          .where('kind', '=', kind)
          .where('key', '=', key)
          .executeTakeFirst();
        if (row) return { sku: row.sku, scope, learnedFrom: provenanceIfKnown(row) };
      }
    }
    return null;
  }

  /** The latest correction wins: a salesperson who corrects twice meant the second. */
  async remember({ customerNumber, description, code, sku, by }: Correction): Promise<void> {
    const taught = { corrections: 1, updated_at: this.clock.now().toISOString(), taught_by_id: by?.id ?? null, taught_by_name: by?.name ?? null };
    const customers = [...(customerNumber ? [customerNumber] : []), EVERYONE];
    await this.upsert(this.db, customers.flatMap((customer) => keysOf(description, code).map((k) => ({ customer_number: customer, ...k, sku, ...taught }))));
  }

  /** A part number means something to its own customer only: never learned for everyone. */
  async learnCodes(codes: CustomerCode[]): Promise<void> {
    const updatedAt = this.clock.now().toISOString();
    // One row per key: two codes with the same description would otherwise meet in one statement.
    const byKey = new Map<string, Insertable<PhraseMemoryTable>>();
    for (const { customerNumber, code, sku, description } of codes) {
      for (const k of keysOf(description ?? '', code)) byKey.set(`${customerNumber}\u0000${k.kind}\u0000${k.key}`, { customer_number: customerNumber, ...k, sku, corrections: 1, updated_at: updatedAt, taught_by_id: null, taught_by_name: null });
    }
    const rows = [...byKey.values()];
    await this.db.transaction().execute(async (trx) => {
      for (let at = 0; at < rows.length; at += UPSERT_BATCH) await this.upsert(trx, rows.slice(at, at + UPSERT_BATCH));
    });
  }

  private async upsert(db: Kysely<StoreSchema>, rows: Insertable<PhraseMemoryTable>[]): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('phrase_memory')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['customer_number', 'kind', 'key']).doUpdateSet((eb) => ({
          sku: eb.ref('excluded.sku'),
          corrections: eb('phrase_memory.corrections', '+', 1),
          updated_at: eb.ref('excluded.updated_at'),
          taught_by_id: eb.ref('excluded.taught_by_id'),
          taught_by_name: eb.ref('excluded.taught_by_name'),
        })),
      )
      .execute();
  }
}
