import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { decimalFromNumber } from '../../domain/money.js';
import { backoffMs, type Backoff } from '../../time/backoff.js';
import type { Clock } from '../../time/clock.js';
import type { LinePrice, PriceRequestLine, PricingService, WriteFence } from '../ports.js';
import { quoted, type BcClient } from './client.js';
import { isPricingScratch, PRICING_MARKER, sequenceOf, type Prospect } from './mapper.js';
import { BcError } from './transport.js';
import { quoteSchema, type WireQuote } from './wire.js';

const QUOTES = '/salesQuotes';
const anything = z.unknown();
/** Tries of a scratch quote's POST or DELETE whose answer was lost. */
const TRIES = 4;
const PAUSE: Backoff = { baseDelayMs: 200, maxDelayMs: 2_000 };
/**
 * A scratch quote older than this is a crashed call's leftover; a younger one may be another
 * process's call in flight, which would lose its answer if it were deleted under it.
 */
const LEFTOVER_AGE_MS = 15 * 60_000;

/**
 * Pricing is a read as far as the workflow knows: it runs before any offer exists and is
 * repeated freely. Its writes touch only scratch quotes no one else reads, so they are not
 * fenced; they are made safe to repeat instead (see `BcPricingService`).
 */
const UNFENCED: WriteFence = () => Promise.resolve();

export interface BcPricingOptions {
  client: BcClient;
  prospect: Prospect;
  /** For a request without a customer when no prospect customer is named: the item's own price. */
  itemPricing: PricingService;
  vatRate: string;
  clock: Clock;
}

/**
 * Business Central prices through itself. API v2.0 has no price list, customer price group or
 * line discount entity, and BC's own price calculation (price lists for the customer, its price
 * group and all customers, by date and quantity, with the best line discount; else the item
 * card's price) is the authority on what a customer pays. So a request is priced by a scratch
 * quote: one deep insert of the customer's quote with the lines (item and quantity, no price),
 * whose answer holds BC's price and discount per line, then its DELETE. The cost is two writes
 * per request, and a quote number used up each time (BC's quote numbers need not be gapless).
 *
 * A scratch quote carries `PRICING_MARKER` and a random tail in externalDocumentNumber, which
 * no offer reference can have, so it is never taken for an offer. A POST whose answer was lost
 * is looked for by its marker and used; a DELETE whose answer was lost is sent again (404 is
 * done). Leftovers of a call that failed before its DELETE are cleaned up by `sweep`, on the
 * first request of each adapter, once older than `LEFTOVER_AGE_MS`.
 *
 * The scratch quote is dated the request's day; BC prices a quote by its order date, which API
 * v2.0 does not show and which BC sets to the work date, the same day for a request priced now.
 */
export class BcPricingService implements PricingService {
  private swept: Promise<void> | null = null;

  constructor(private readonly options: BcPricingOptions) {}

  async price(request: { customerNumber: string | null; date: string; lines: PriceRequestLine[] }): Promise<LinePrice[]> {
    const customer = request.customerNumber ?? this.options.prospect;
    if (customer === null) return this.options.itemPricing.price(request);
    if (request.lines.length === 0) return [];
    this.swept ??= this.sweep().catch((error: unknown) => {
      this.swept = null;
      throw error;
    });
    await this.swept;
    const quote = await this.scratch(customer, request.date, request.lines);
    await this.remove(quote);
    const lines = new Map((quote.salesQuoteLines ?? []).map((line) => [line.sequence, line]));
    return request.lines.map((asked, i) => {
      const line = lines.get(sequenceOf(i + 1));
      if (!line) throw new BcError(`POST ${QUOTES}`, 201, `Business Central answered quote ${quote.number} without the line for sku '${asked.sku}' it was sent`);
      // The rate products carry (API v2.0 gives none per item); the quote BC stores carries its own.
      return { sku: asked.sku, unitPrice: decimalFromNumber(line.unitPrice ?? 0), discountPercent: decimalFromNumber(line.discountPercent ?? 0), vatRate: this.options.vatRate };
    });
  }

  /** The scratch quote with its lines, as BC priced them: made by one POST, or found by its marker when the answer to that was lost. */
  private async scratch(customer: string, date: string, lines: PriceRequestLine[]): Promise<WireQuote> {
    const marker = `${PRICING_MARKER}${randomBytes(8).toString('hex').toUpperCase()}`;
    const body = {
      customerNumber: customer,
      externalDocumentNumber: marker,
      documentDate: date,
      // Quantity is validated after the item, as BC prices it; no unitPrice, so BC's price stands.
      salesQuoteLines: lines.map((line, i) => ({ sequence: sequenceOf(i + 1), lineType: 'Item', lineObjectNumber: line.sku, quantity: Number(line.quantity) })),
    };
    for (let attempt = 1; ; attempt += 1) {
      try {
        const made = await this.options.client.send('POST', QUOTES, body, quoteSchema, { fence: UNFENCED });
        return made.salesQuoteLines ? made : await this.read(made.id);
      } catch (error) {
        if (!(error instanceof BcError && error.outcomeUnknown) || attempt >= TRIES) throw error;
        await sleep(backoffMs(PAUSE, attempt));
        const [found] = await this.options.client.all(QUOTES, { $filter: `externalDocumentNumber eq ${quoted(marker)}`, $expand: 'salesQuoteLines' }, quoteSchema);
        if (found) return found;
      }
    }
  }

  private async read(id: string): Promise<WireQuote> {
    const quote = await this.options.client.find(`${QUOTES}(${id})`, { $expand: 'salesQuoteLines' }, quoteSchema);
    if (!quote) throw new BcError(`GET ${QUOTES}(${id})`, 404, `the pricing quote ${id} vanished before it was read`);
    return quote;
  }

  /** Deleted with the ETag as read; a changed ETag (its lines' totals may move it) is read again, and a quote already gone is done. */
  private async remove(quote: WireQuote): Promise<void> {
    let etag = quote['@odata.etag'];
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.options.client.send('DELETE', `${QUOTES}(${quote.id})`, undefined, anything, { fence: UNFENCED, etag });
        return;
      } catch (error) {
        if (error instanceof BcError && error.status === 404) return;
        const retry = error instanceof BcError && (error.outcomeUnknown || error.status === 412 || error.status === 409);
        if (!retry || attempt >= TRIES) throw error;
        await sleep(backoffMs(PAUSE, attempt));
        const current = await this.options.client.find(`${QUOTES}(${quote.id})`, {}, quoteSchema);
        if (!current) return;
        etag = current['@odata.etag'];
      }
    }
  }

  /** Deletes the scratch quotes a crashed call left, once old enough to be no call's in flight. */
  private async sweep(): Promise<void> {
    const before = this.options.clock.now().getTime() - LEFTOVER_AGE_MS;
    const found = await this.options.client.all(QUOTES, { $filter: `startswith(externalDocumentNumber,${quoted(PRICING_MARKER)})` }, quoteSchema);
    const leftovers = found.filter((quote) => isPricingScratch(quote) && Date.parse(quote.lastModifiedDateTime ?? '') < before);
    for (const quote of leftovers) await this.remove(quote);
  }
}
