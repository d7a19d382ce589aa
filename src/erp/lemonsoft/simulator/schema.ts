import type { Generated } from 'kysely';

/** Each record is kept whole as Lemonsoft's JSON, with the fields it is filtered by beside it. */
export interface SimulatorSchema {
  customers: { number: number; name: string; email: string; vat: string; search: string; modified: string; doc: string };
  persons: { number: number; search: string; doc: string };
  products: { id: number; sku: string; ean: string; search: string; modified: string; doc: string };
  pricelists: { id: number; doc: string };
  offers: { number: number; offer_type: number; updated: string; search: string; doc: string };
  offer_rows: { id: Generated<number>; offer_number: number; doc: string };
}
