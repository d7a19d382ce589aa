import type { Customer } from '../domain/customer.js';
import type { DecimalString } from '../domain/money.js';
import type { LineRounding, Offer, OfferDraft } from '../domain/offer.js';
import type { Person } from '../domain/person.js';
import type { Product } from '../domain/product.js';

/** The small surface the workflow needs from any ERP. Each ERP is an adapter behind it. */

export interface CustomerRepository {
  getByNumber(number: string): Promise<Customer | null>;
  /** By Finnish business id ("1234567-8"); adapters also match the VAT form. */
  findByBusinessId(businessId: string): Promise<Customer | null>;
  findByEmail(email: string): Promise<Customer[]>;
  findByDomain(domain: string): Promise<Customer[]>;
  searchByName(name: string): Promise<Customer[]>;
}

export interface PersonRepository {
  getByNumber(number: string): Promise<Person | null>;
  findByEmail(email: string): Promise<Person | null>;
  list(): Promise<Person[]>;
}

export interface ProductRepository {
  getBySku(sku: string): Promise<Product | null>;
  /** Exact lookup by sku, EAN or supplier code. */
  findByCode(code: string): Promise<Product[]>;
  /** Every sellable product, for building the catalog index; `modifiedAfter` for incremental refresh. */
  iterate(options?: { modifiedAfter?: string }): AsyncIterable<Product>;
}

export interface PriceRequestLine {
  sku: string;
  quantity: DecimalString;
}

export interface LinePrice {
  sku: string;
  unitPrice: DecimalString;
  discountPercent: DecimalString;
  vatRate: DecimalString;
}

export interface PricingService {
  /** Prices in the order of `lines`; `customerNumber` null prices at list price. */
  price(request: { customerNumber: string | null; date: string; lines: PriceRequestLine[] }): Promise<LinePrice[]>;
}

/**
 * Awaited by an adapter right before each write it sends to the ERP (every try of it). It
 * throws once this worker no longer holds the run, so a worker that stalled and lost the run
 * to another never writes after waking up.
 */
export type WriteFence = () => Promise<void>;

export interface OfferRepository {
  /**
   * Safe to repeat: an offer already carrying `draft.reference` is completed (rows it lacks
   * are added) and returned; a second offer is never made for one reference. `fence` is
   * awaited before every write.
   */
  create(draft: OfferDraft, fence: WriteFence): Promise<Offer>;
  /**
   * Makes the offer carrying `draft.reference` exactly `draft`: its header (customer,
   * salesperson, dates, texts, our reference) and its rows, matched by position (added,
   * changed, removed; no two lines may share a position); creates it as `create` does when
   * there is none yet. Safe to repeat and
   * to resume after any failure: a second call with the same draft changes nothing, and a
   * second offer is never made for one reference. Offers of other references are never
   * touched. `fence` is awaited before every write. Answers the offer as read back afterwards.
   */
  replace(draft: OfferDraft, fence: WriteFence): Promise<Offer>;
  get(number: string): Promise<Offer | null>;
  findByReference(reference: string): Promise<Offer | null>;
}

/** The ERP's own print of an offer, for an ERP that makes one. */
export interface OfferDocumentSource {
  /** The offer as the ERP prints it, a PDF in the language asked for (`fi`, `sv`, `en`); null when the ERP holds no such offer. */
  pdf(offerNumber: string, language: string): Promise<Buffer | null>;
}

export interface ErpAdapter {
  readonly type: string;
  readonly customers: CustomerRepository;
  readonly persons: PersonRepository;
  readonly products: ProductRepository;
  readonly pricing: PricingService;
  readonly offers: OfferRepository;
  /** Null for an ERP that prints no offers for us to send (Offerflow then makes the PDF itself). */
  readonly documents: OfferDocumentSource | null;
  /** How the ERP totals a discounted line: the offer's lines are totalled the same way, so that its document and ours agree. */
  readonly lineRounding: LineRounding;
  /** The longest one write call can stay in flight before the adapter gives up on it: a worker taking over a stalled one waits this long. */
  readonly maxWriteMs: number;
  /** Throws, saying why, when the ERP cannot be reached or refuses the login: for readiness checks. */
  check(): Promise<void>;
  close(): Promise<void>;
}
