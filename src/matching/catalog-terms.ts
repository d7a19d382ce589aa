import type { Product } from '../domain/product.js';

/** Words ("kupariputki") or sizes ("15", "m8", "dn25"): the index interns each kind apart. */
export type TermKind = 'word' | 'size';

/**
 * What a structure built over a catalog index (the typeahead) reads of it, by the index's own
 * ids: live, so products added by a refresh after the structure was made are seen too.
 */
export interface CatalogTerms {
  /** Products indexed so far, superseded ones included: ids are 0 up to this. */
  products(): number;
  /** The kind's terms, by id, as the index normalised them. */
  terms(kind: TermKind): readonly string[];
  /** The products holding a term, ascending. */
  holding(kind: TermKind, term: number): ArrayLike<number>;
  /**
   * Every product's term ids (name, then extra name) one after another: product i's run from
   * starts[i] to starts[i + 1], the last one's to the end. Views, valid until the index next changes.
   */
  termLists(kind: TermKind): { ids: Int32Array; starts: Int32Array };
  /** Its sku, EAN and supplier codes, normalised as codes are compared. */
  codesOf(id: number): string[];
  /** Ids of the products with this code, exactly (normalised). */
  withCode(code: string): number[];
  /** False for a product a newer version has replaced. */
  isCurrent(id: number): boolean;
  nameLength(id: number): number;
  product(id: number): Product;
  /** The catalog words a word may be (an inflection, a typo), with how alike they are (1 the same), as the index's search reads them. */
  similarWords(word: string): [string, number][];
}
