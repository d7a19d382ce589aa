import { sql, type Kysely } from 'kysely';
import { openSqlite } from '../../../store/sqlite.js';
import { bcSimulatorMigrations } from './migrations.js';
import type { BcSimulatorSchema } from './schema.js';

export type Doc = Record<string, unknown> & { id: string };
export type Hidden = Record<string, unknown>;

export interface StoredRecord {
  doc: Doc;
  version: number;
  hidden: Hidden;
  parentId: string | null;
}

export interface NewRecord {
  set: string;
  companyId: string;
  parentId?: string | null;
  doc: Doc;
  hidden?: Hidden;
}

const stored = (row: { doc: string; version: number; hidden: string; parent_id: string | null }): StoredRecord => ({
  doc: JSON.parse(row.doc) as Doc,
  version: row.version,
  hidden: JSON.parse(row.hidden) as Hidden,
  parentId: row.parent_id,
});

/** The simulator's own storage: a real SQLite file, so that quotes outlive a restart of it. */
export class BcSimulatorStore {
  private constructor(private readonly db: Kysely<BcSimulatorSchema>) {}

  static async open(file: string): Promise<BcSimulatorStore> {
    return new BcSimulatorStore(await openSqlite<BcSimulatorSchema>(file, bcSimulatorMigrations));
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  /** All or nothing: a deep insert whose third line fails leaves no quote behind, as BC's transaction does. */
  transaction<T>(work: (store: BcSimulatorStore) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new BcSimulatorStore(trx)));
  }

  async isEmpty(): Promise<boolean> {
    const row = await this.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n) === 0;
  }

  async list(set: string, companyId: string, parentId?: string): Promise<StoredRecord[]> {
    let query = this.db.selectFrom('records').select(['doc', 'version', 'hidden', 'parent_id']).where('entity_set', '=', set).where('company_id', '=', companyId);
    if (parentId !== undefined) query = query.where('parent_id', '=', parentId);
    return (await query.execute()).map(stored);
  }

  /** Companies are keyed by themselves: each is its own company_id. */
  async companies(): Promise<StoredRecord[]> {
    return (await this.db.selectFrom('records').select(['doc', 'version', 'hidden', 'parent_id']).where('entity_set', '=', 'companies').execute()).map(stored);
  }

  async get(set: string, companyId: string, id: string): Promise<StoredRecord | null> {
    const row = await this.db
      .selectFrom('records')
      .select(['doc', 'version', 'hidden', 'parent_id'])
      .where('entity_set', '=', set)
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? stored(row) : null;
  }

  /** The record whose property `field` is `value`, e.g. the item numbered so. */
  async findBy(set: string, companyId: string, field: string, value: string): Promise<StoredRecord | null> {
    const row = await this.db
      .selectFrom('records')
      .select(['doc', 'version', 'hidden', 'parent_id'])
      .where('entity_set', '=', set)
      .where('company_id', '=', companyId)
      .where(sql<string>`json_extract(doc, ${`$.${field}`})`, '=', value)
      .executeTakeFirst();
    return row ? stored(row) : null;
  }

  async insert(record: NewRecord): Promise<StoredRecord> {
    const row = {
      entity_set: record.set,
      id: record.doc.id,
      company_id: record.companyId,
      parent_id: record.parentId ?? null,
      version: 1,
      doc: JSON.stringify(record.doc),
      hidden: JSON.stringify(record.hidden ?? {}),
    };
    await this.db.insertInto('records').values(row).execute();
    return stored(row);
  }

  /** Replaces the record's document and counts one more write. */
  async update(set: string, doc: Doc): Promise<void> {
    await this.db
      .updateTable('records')
      .set((eb) => ({ doc: JSON.stringify(doc), version: eb('version', '+', 1) }))
      .where('entity_set', '=', set)
      .where('id', '=', doc.id)
      .execute();
  }

  async delete(set: string, id: string): Promise<void> {
    await this.db.deleteFrom('records').where('entity_set', '=', set).where('id', '=', id).execute();
  }

  async deleteChildren(set: string, parentId: string): Promise<void> {
    await this.db.deleteFrom('records').where('entity_set', '=', set).where('parent_id', '=', parentId).execute();
  }

  /** The next number of a number series; never handed out twice, even after a delete. */
  async nextNumber(companyId: string, code: string, first: number): Promise<number> {
    const row = await this.db.selectFrom('number_series').select('last_number').where('company_id', '=', companyId).where('code', '=', code).executeTakeFirst();
    const next = row ? row.last_number + 1 : first;
    await this.db
      .insertInto('number_series')
      .values({ company_id: companyId, code, last_number: next })
      .onConflict((oc) => oc.columns(['company_id', 'code']).doUpdateSet({ last_number: next }))
      .execute();
    return next;
  }
}
