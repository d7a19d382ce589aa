import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { Failure } from '../../domain/failure.js';
import { assertDistinctPositions, type Offer, type OfferDraft } from '../../domain/offer.js';
import { backoffMs, type Backoff } from '../../time/backoff.js';
import type { OfferRepository, WriteFence } from '../ports.js';
import { quoted, type BcClient } from './client.js';
import { codeValue } from './codes.js';
import { linePlan, missingLines, type LineStep } from './line-plan.js';
import { headerChanges, isPricingScratch, MAX_REFERENCE_LENGTH, PRICING_MARKER, offerFromWire, quoteHeaderToWire, quoteLinesToWire, referenceToWire, type Prospect, type QuoteLineBody } from './mapper.js';
import { BcError } from './transport.js';
import { quoteSchema, type WireQuote, type WireQuoteLine } from './wire.js';

const QUOTES = '/salesQuotes';
const WITH_LINES = { $expand: 'salesQuoteLines' };
/** Tries of a write whose outcome is read back before it is repeated. */
const CHECKED_TRIES = 4;
/** Between tries: BC may need a moment before a lost call's work shows. */
const CHECKED_PAUSE: Backoff = { baseDelayMs: 200, maxDelayMs: 2_000 };
const pause = (attempt: number) => sleep(backoffMs(CHECKED_PAUSE, attempt));

const anything = z.unknown();

type Step = LineStep | { kind: 'header'; changes: Partial<WireQuote> };

/**
 * What a pass writes: a creation only adds the lines missing from the quote its first POST
 * made (whose header already is the draft's); a replacement brings the header and every line
 * to the draft.
 */
interface Planned {
  header: boolean;
  lines: (held: WireQuoteLine[], wanted: QuoteLineBody[]) => LineStep[];
}

/**
 * Worth reading the quote again and planning anew: an answer lost (the write may have been
 * done), an ETag that no longer matches (412, or 409 as some versions answer), a line gone, or
 * a record BC says already exists (Internal_EntityWithSameKeyExists).
 */
function replannable(error: unknown): boolean {
  if (!(error instanceof BcError)) return false;
  return error.outcomeUnknown || error.status === 412 || error.status === 409 || error.status === 404 || error.odataCode === 'Internal_EntityWithSameKeyExists';
}

/**
 * A quote is made by one POST that carries our reference in `externalDocumentNumber`, so a
 * retry after any failure finds it: no journal is needed between creating a quote and naming
 * it. Its header and lines are then brought to the draft write by write, each pass planned on
 * the quote as read right before, with the ETag read: a write that meets a quote changed since
 * (412), or whose answer was lost, is followed by a fresh read and a fresh plan, never repeated
 * blindly. Creations and replacements in this process take turns, so that no two plan writes
 * to one quote at once.
 */
export class BcOfferRepository implements OfferRepository {
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: BcClient,
    private readonly prospect: Prospect,
  ) {}

  create(draft: OfferDraft, fence: WriteFence): Promise<Offer> {
    return this.inTurn(async () => {
      const id = await this.namedQuote(draft, fence);
      return this.converge(id, draft, { header: false, lines: missingLines }, fence);
    });
  }

  /** The header and every line made exactly the draft's: matched by sequence, changed, added and removed. */
  replace(draft: OfferDraft, fence: WriteFence): Promise<Offer> {
    return this.inTurn(async () => {
      assertDistinctPositions(draft.lines);
      const id = await this.namedQuote(draft, fence);
      return this.converge(id, draft, { header: true, lines: linePlan }, fence);
    });
  }

  async get(number: string): Promise<Offer | null> {
    const code = codeValue(number);
    if (code === null) return null;
    const [quote] = await this.client.all(QUOTES, { $filter: `number eq ${quoted(code)}`, ...WITH_LINES }, quoteSchema);
    return quote && !isPricingScratch(quote) ? offerFromWire(quote, this.prospect) : null;
  }

  async findByReference(reference: string): Promise<Offer | null> {
    const quote = await this.byReference(reference);
    return quote ? offerFromWire(quote, this.prospect) : null;
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work);
    this.turn = result.catch(() => undefined);
    return result;
  }

  /** The id of the quote carrying the reference: found, or made by one POST; a POST whose answer was lost is looked for before it is sent again. */
  private async namedQuote(draft: OfferDraft, fence: WriteFence): Promise<string> {
    if (draft.customer === null && this.prospect === null) {
      throw new Failure('erp_rejected', 'Business Central makes a quote only for a customer (it refuses a blank customerNumber): an offer without one needs the customer kept for prospects, erp.settings.prospectCustomer');
    }
    if (referenceToWire(draft.reference).length > MAX_REFERENCE_LENGTH) {
      throw new Failure('erp_rejected', `Business Central keeps at most ${MAX_REFERENCE_LENGTH} characters of a quote's externalDocumentNumber; reference '${draft.reference}' is longer`);
    }
    if (referenceToWire(draft.reference).startsWith(PRICING_MARKER)) throw new Failure('erp_rejected', `reference '${draft.reference}' begins as Offerflow's pricing quotes are marked, which are deleted as leftovers`);
    const found = await this.byReference(draft.reference);
    if (found) return found.id;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (await this.client.send('POST', QUOTES, quoteHeaderToWire(draft, this.prospect), quoteSchema, { fence })).id;
      } catch (error) {
        if (!(error instanceof BcError && error.outcomeUnknown) || attempt >= CHECKED_TRIES) throw error;
        await pause(attempt);
        const made = await this.byReference(draft.reference);
        if (made) return made.id;
      }
    }
  }

  /**
   * Passes of read, plan, write until a read needs no write. A pass that was answered in full
   * and still leaves something to write means BC does not store what it is sent, which trying
   * again cannot mend; tries are counted from the last pass that got the quote closer.
   */
  private async converge(id: string, draft: OfferDraft, planned: Planned, fence: WriteFence): Promise<Offer> {
    const wanted = quoteLinesToWire(draft);
    let answered = false;
    let closest = Infinity;
    for (let attempt = 1; ; ) {
      const quote = await this.existing(id);
      const lines = planned.lines(quote.salesQuoteLines ?? [], wanted);
      const header = planned.header ? headerChanges(quote, draft, this.prospect) : {};
      // The header first: its ETag changes with every line written after it.
      const steps: Step[] = Object.keys(header).length ? [{ kind: 'header', changes: header }, ...lines] : lines;
      if (steps.length === 0) return offerFromWire(quote, this.prospect);
      if (answered) throw this.notStoredAsSent(quote, steps);
      if (steps.length < closest) attempt = 1;
      closest = Math.min(closest, steps.length);
      try {
        for (const step of steps) await this.write(quote, step, fence);
        answered = true;
      } catch (error) {
        if (!replannable(error) || attempt >= CHECKED_TRIES) throw error;
        await pause(attempt);
        attempt += 1;
      }
    }
  }

  private async write(quote: WireQuote, step: Step, fence: WriteFence): Promise<void> {
    const path = `${QUOTES}(${quote.id})`;
    const lines = `${path}/salesQuoteLines`;
    if (step.kind === 'header') await this.client.send('PATCH', path, step.changes, anything, { fence, etag: quote['@odata.etag'] });
    else if (step.kind === 'delete') await this.client.send('DELETE', `${lines}(${step.line.id})`, undefined, anything, { fence, etag: step.line['@odata.etag'] });
    else if (step.kind === 'patch') await this.client.send('PATCH', `${lines}(${step.line.id})`, step.changes, anything, { fence, etag: step.line['@odata.etag'] });
    else await this.client.send('POST', lines, step.body, anything, { fence });
  }

  private notStoredAsSent(quote: WireQuote, steps: Step[]): BcError {
    const what = steps.map((step) => (step.kind === 'header' ? `header fields ${Object.keys(step.changes).join(', ')}` : `line ${step.kind === 'post' ? step.body.sequence : step.line.sequence}`));
    return new BcError(`GET ${QUOTES}(${quote.id})`, 200, `quote ${quote.number} was written but does not hold what was sent (${what.join('; ')}): Offerflow knows a line by the sequence it sends, which this Business Central does not keep, or changes what it is sent`);
  }

  private async existing(id: string): Promise<WireQuote> {
    const quote = await this.client.find(`${QUOTES}(${id})`, WITH_LINES, quoteSchema);
    if (!quote) throw new BcError(`GET ${QUOTES}(${id})`, 404, `quote ${id} vanished while it was being written`);
    return quote;
  }

  /** BC keeps the reference upper-cased, and is searched so; two quotes carrying one reference are a question for a person. */
  private async byReference(reference: string): Promise<WireQuote | null> {
    const stored = referenceToWire(reference);
    // A pricing quote is never an offer, whatever reference is asked for.
    if (stored.length > MAX_REFERENCE_LENGTH || stored.startsWith(PRICING_MARKER)) return null;
    const found = await this.client.all(QUOTES, { $filter: `externalDocumentNumber eq ${quoted(stored)}`, ...WITH_LINES }, quoteSchema);
    if (found.length > 1) {
      throw new BcError(`GET ${QUOTES}`, 200, `quotes ${found.map((q) => q.number).join(', ')} all carry the reference ${stored} in externalDocumentNumber; Offerflow makes one quote per reference, so a person must say which is the offer`);
    }
    return found[0] ?? null;
  }
}
