import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { decimalFromNumber } from '../../../domain/money.js';
import { offerTotals } from '../../../pricing/offer-totals.js';
import { openSqlite } from '../../../store/sqlite.js';
import type { WireCustomer, WireOffer, WireOfferRow, WirePerson, WirePricelist, WireProduct } from '../wire.js';
import { simulatorMigrations } from './migrations.js';
import type { SimulatorSchema } from './schema.js';

export interface Page {
  page: number;
  size: number;
}

type Doc = Record<string, unknown>;

/** Lemonsoft numbers offers on from the installation's counter; the demo's starts where the local ERP's does. */
const FIRST_OFFER_NUMBER = 10001;

const searchText = (doc: Doc) => JSON.stringify(doc).toLowerCase();
const like = (text: string) => `%${text.toLowerCase()}%`;
const field = (name: string) => sql<unknown>`json_extract(doc, ${`$.${name}`})`;
const parse = <T>(row: { doc: string }) => JSON.parse(row.doc) as T;

function paged<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, page: Page): SelectQueryBuilder<DB, TB, O> {
  return query.limit(page.size).offset((page.page - 1) * page.size);
}

export interface CustomerFilter {
  numbers?: number[];
  name?: string;
  email?: string;
  vat?: string;
  search?: string;
  updatedAfter?: string;
}

export interface ProductFilter {
  skus?: string[];
  eans?: string[];
  name?: string;
  search?: string;
  modifiedAfter?: string;
  showNonactive?: boolean;
}

export interface OfferFilter {
  customerNumber?: number;
  numbers?: number[];
  updatedAfter?: string;
  dateAfter?: string;
  search?: string;
  /** The search does not look at `offer_our_reference`. */
  searchIgnoresReference?: boolean;
}

/** What a call names that the simulator does not hold; Lemonsoft answers it with 404. */
export class NotFound {
  constructor(readonly message: string) {}
}

/** The offer missing, or the ids among `ids` that are not rows of it. */
async function unknownRows(db: Kysely<SimulatorSchema>, number: number, ids: number[]): Promise<NotFound | null> {
  const offer = await db.selectFrom('offers').select('number').where('number', '=', number).executeTakeFirst();
  if (!offer) return new NotFound('no such offer');
  if (ids.length === 0) return null;
  const held = new Set((await db.selectFrom('offer_rows').select('id').where('offer_number', '=', number).where('id', 'in', ids).execute()).map((r) => r.id));
  const unknown = [...new Set(ids)].filter((id) => !held.has(id));
  return unknown.length ? new NotFound(`offer ${number} has no row ${unknown.join(', ')}`) : null;
}

/** The simulator's own storage: a real SQLite file, so that offers outlive a restart of it. */
export class SimulatorStore {
  private constructor(private readonly db: Kysely<SimulatorSchema>) {}

  static async open(file: string): Promise<SimulatorStore> {
    return new SimulatorStore(await openSqlite<SimulatorSchema>(file, simulatorMigrations));
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  async isEmpty(): Promise<boolean> {
    const row = await this.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n) === 0;
  }

  async putMasterData(data: { customers: WireCustomer[]; persons: WirePerson[]; products: WireProduct[]; pricelists: WirePricelist[] }, now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const c of data.customers) {
        const row = { number: c.number, name: c.name, email: (c.email ?? '').toLowerCase(), vat: c.vat ?? '', search: searchText(c), modified: now, doc: JSON.stringify({ ...c, modified: now }) };
        await trx.insertInto('customers').values(row).onConflict((oc) => oc.column('number').doUpdateSet(row)).execute();
      }
      for (const p of data.persons) {
        const row = { number: p.number, search: searchText(p), doc: JSON.stringify(p) };
        await trx.insertInto('persons').values(row).onConflict((oc) => oc.column('number').doUpdateSet(row)).execute();
      }
      for (const p of data.products) {
        const row = { id: p.id!, sku: p.sku, ean: p.ean_code ?? '', search: searchText(p), modified: p.modified ?? now, doc: JSON.stringify(p) };
        await trx.insertInto('products').values(row).onConflict((oc) => oc.column('sku').doUpdateSet(row)).execute();
      }
      for (const p of data.pricelists) {
        const row = { id: p.id, doc: JSON.stringify(p) };
        await trx.insertInto('pricelists').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
      }
    });
  }

  async customers(filter: CustomerFilter, page: Page): Promise<WireCustomer[]> {
    let query = this.db.selectFrom('customers').select('doc').orderBy('number');
    if (filter.numbers?.length) query = query.where('number', 'in', filter.numbers);
    if (filter.name) query = query.where('name', 'like', like(filter.name));
    if (filter.email) query = query.where('email', '=', filter.email.toLowerCase());
    if (filter.vat) query = query.where('vat', '=', filter.vat);
    if (filter.search) query = query.where('search', 'like', like(filter.search));
    if (filter.updatedAfter) query = query.where('modified', '>', filter.updatedAfter);
    return (await paged(query, page).execute()).map(parse<WireCustomer>);
  }

  async customerById(id: number): Promise<WireCustomer | null> {
    const row = await this.db.selectFrom('customers').select('doc').where(field('id'), '=', id).executeTakeFirst();
    return row ? parse<WireCustomer>(row) : null;
  }

  async persons(filter: { numbers?: number[]; search?: string }, page: Page): Promise<WirePerson[]> {
    let query = this.db.selectFrom('persons').select('doc').orderBy('number');
    if (filter.numbers?.length) query = query.where('number', 'in', filter.numbers);
    if (filter.search) query = query.where('search', 'like', like(filter.search));
    return (await paged(query, page).execute()).map(parse<WirePerson>);
  }

  async products(filter: ProductFilter, page: Page): Promise<WireProduct[]> {
    let query = this.db.selectFrom('products').select('doc').orderBy('id');
    if (filter.skus?.length) query = query.where('sku', 'in', filter.skus);
    if (filter.eans?.length) query = query.where('ean', 'in', filter.eans);
    if (filter.name) query = query.where('search', 'like', like(filter.name));
    if (filter.search) query = query.where('search', 'like', like(filter.search));
    if (filter.modifiedAfter) query = query.where('modified', '>', filter.modifiedAfter);
    if (!filter.showNonactive) query = query.where(sql`coalesce(${field('is_inactive')}, 0)`, '=', 0);
    return (await paged(query, page).execute()).map(parse<WireProduct>);
  }

  async productById(id: number): Promise<WireProduct | null> {
    const row = await this.db.selectFrom('products').select('doc').where('id', '=', id).executeTakeFirst();
    return row ? parse<WireProduct>(row) : null;
  }

  async pricelists(page: Page): Promise<WirePricelist[]> {
    return (await paged(this.db.selectFrom('pricelists').select('doc').orderBy('id'), page).execute()).map(parse<WirePricelist>);
  }

  async allPricelists(): Promise<WirePricelist[]> {
    return (await this.db.selectFrom('pricelists').select('doc').orderBy('id').execute()).map(parse<WirePricelist>);
  }

  async pricelist(id: number): Promise<WirePricelist | null> {
    const row = await this.db.selectFrom('pricelists').select('doc').where('id', '=', id).executeTakeFirst();
    return row ? parse<WirePricelist>(row) : null;
  }

  async createOffer(offerType: number, date: string, now: string): Promise<WireOffer> {
    const number = await this.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('offers').select((eb) => eb.fn.max('number').as('max')).executeTakeFirst();
      const next = Math.max(FIRST_OFFER_NUMBER, Number(last?.max ?? 0) + 1);
      const doc = { offer_number: next, offer_id: next, offer_type: offerType, offer_date: date, currency_code: 'EUR' };
      await trx.insertInto('offers').values({ number: next, offer_type: offerType, updated: now, search: searchText(doc), doc: JSON.stringify(doc) }).execute();
      return next;
    });
    return (await this.offer(number))!;
  }

  /**
   * Header fields only: rows have their own endpoints, and totals follow from the rows. Merged
   * into the header, or replacing all of it but the offer's identity.
   */
  async updateOfferHeader(header: Doc & { offer_number: number }, now: string, replace = false): Promise<WireOffer | null> {
    const row = await this.db.selectFrom('offers').select('doc').where('number', '=', header.offer_number).executeTakeFirst();
    if (!row) return null;
    const stored = parse<Doc>(row);
    const doc: Doc = { ...(replace ? { offer_number: stored.offer_number, offer_id: stored.offer_id } : stored), ...header };
    for (const derived of ['offer_rows', 'offer_totalsum', 'tot_without_tax']) delete doc[derived];
    await this.db.updateTable('offers').set({ doc: JSON.stringify(doc), search: searchText(doc), updated: now }).where('number', '=', header.offer_number).execute();
    return this.offer(header.offer_number);
  }

  async addOfferRows(number: number, rows: WireOfferRow[], now: string): Promise<WireOffer | null> {
    const exists = await this.db.selectFrom('offers').select('number').where('number', '=', number).executeTakeFirst();
    if (!exists) return null;
    await this.db.transaction().execute(async (trx) => {
      for (const row of rows) await trx.insertInto('offer_rows').values({ offer_number: number, doc: JSON.stringify(row) }).execute();
      await trx.updateTable('offers').set({ updated: now }).where('number', '=', number).execute();
    });
    return this.offer(number);
  }

  /** All or nothing: one row id the offer does not hold and no row changes. */
  async updateOfferRows(number: number, rows: (WireOfferRow & { id: number })[], now: string): Promise<WireOffer | NotFound> {
    const missing = await this.db.transaction().execute(async (trx) => {
      const unknown = await unknownRows(trx, number, rows.map((r) => r.id));
      if (unknown) return unknown;
      for (const { id, ...row } of rows) await trx.updateTable('offer_rows').set({ doc: JSON.stringify(row) }).where('id', '=', id).execute();
      await trx.updateTable('offers').set({ updated: now }).where('number', '=', number).execute();
      return null;
    });
    return missing ?? (await this.offer(number))!;
  }

  /** All or nothing, like the update: a row already gone is a 404, not a quiet success. */
  async deleteOfferRows(number: number, ids: number[], now: string): Promise<WireOffer | NotFound> {
    const missing = await this.db.transaction().execute(async (trx) => {
      const unknown = await unknownRows(trx, number, ids);
      if (unknown) return unknown;
      if (ids.length) await trx.deleteFrom('offer_rows').where('offer_number', '=', number).where('id', 'in', ids).execute();
      await trx.updateTable('offers').set({ updated: now }).where('number', '=', number).execute();
      return null;
    });
    return missing ?? (await this.offer(number))!;
  }

  async offer(number: number): Promise<WireOffer | null> {
    const row = await this.db.selectFrom('offers').select('doc').where('number', '=', number).executeTakeFirst();
    if (!row) return null;
    const rows = await this.db.selectFrom('offer_rows').select(['id', 'doc']).where('offer_number', '=', number).orderBy('id').execute();
    const offerRows = rows.map((r) => ({ ...parse<WireOfferRow>(r), id: r.id }));
    const totals = offerTotals(
      offerRows.map((r) => ({ lineTotal: decimalFromNumber(r.total), vatRate: decimalFromNumber(r.tax_rate ?? 0) })),
      'EUR',
    );
    return { ...parse<WireOffer>(row), offer_rows: offerRows, tot_without_tax: Number(totals.net), offer_totalsum: Number(totals.gross) };
  }

  async offers(filter: OfferFilter, page: Page): Promise<WireOffer[]> {
    let query = this.db.selectFrom('offers').select('doc').orderBy('number');
    if (filter.numbers?.length) query = query.where('number', 'in', filter.numbers);
    if (filter.updatedAfter) query = query.where('updated', '>', filter.updatedAfter);
    if (filter.search) {
      const searched = filter.searchIgnoresReference ? sql<string>`lower(json_remove(doc, '$.offer_our_reference'))` : sql<string>`search`;
      query = query.where(searched, 'like', like(filter.search));
    }
    if (filter.customerNumber !== undefined) query = query.where(field('offer_customer_number'), '=', filter.customerNumber);
    if (filter.dateAfter) query = query.where(field('offer_date'), '>', filter.dateAfter);
    return (await paged(query, page).execute()).map(parse<WireOffer>);
  }
}
