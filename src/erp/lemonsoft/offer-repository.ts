import { setTimeout as sleep } from 'node:timers/promises';
import type { Offer, OfferDraft } from '../../domain/offer.js';
import { backoffMs, type Backoff } from '../../time/backoff.js';
import type { Clock } from '../../time/clock.js';
import type { CustomerRepository, OfferRepository, WriteFence } from '../ports.js';
import { LemonsoftError, type LemonsoftClient } from './client.js';
import { offerFromWire, offerHeaderToWire, offerRowToWire, rowPosition } from './mapper.js';
import type { OfferCreationJournal } from './offer-creation-journal.js';
import { z } from 'zod';
import { offerSchema, type WireOffer } from './wire.js';

/** How far back an offer created by a call whose answer was lost can have been stamped. */
const CLOCK_SLACK_MS = 5 * 60_000;
/** Tries of a step whose outcome is checked before it is repeated. */
const CHECKED_TRIES = 4;
/** Rows per row-list call, so that a long offer never makes one huge request. */
const ROWS_PER_CALL = 100;

const anything = z.unknown();

function isEmpty(offer: WireOffer, offerType: number): boolean {
  return !offer.offer_our_reference && !offer.offer_customer_number && (offer.offer_rows ?? []).length === 0 && (offer.offer_type ?? offerType) === offerType;
}

/** Between tries of a checked step: Lemonsoft may need a moment before the lost call's work shows. */
const CHECKED_PAUSE: Backoff = { baseDelayMs: 200, maxDelayMs: 2_000 };
const pause = (attempt: number) => sleep(backoffMs(CHECKED_PAUSE, attempt));

function lostAnswer(error: unknown): boolean {
  return error instanceof LemonsoftError && error.outcomeUnknown;
}

/**
 * Lemonsoft creates an offer in three calls (empty offer, header, rows) and nothing in its API
 * makes that idempotent. Our reference goes into `offer_our_reference` with the header, and
 * every creation starts by looking for it, so a retry after any failure continues the offer
 * it finds: header written → only the missing rows are added. An offer made but not yet named
 * is noted in Offerflow's store, so whichever worker retries after a crash right there
 * continues it. A step whose
 * answer was lost is checked before it is repeated. Creations in this process take turns, so
 * that an empty offer found after a lost answer is ours.
 */
export class LemonsoftOfferRepository implements OfferRepository {
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: LemonsoftClient,
    private readonly customers: CustomerRepository,
    private readonly offerType: number,
    private readonly journal: OfferCreationJournal,
    private readonly clock: Clock,
  ) {}

  create(draft: OfferDraft, fence: WriteFence): Promise<Offer> {
    const result = this.turn.then(() => this.createInTurn(draft, fence));
    this.turn = result.catch(() => undefined);
    return result;
  }

  async get(number: string): Promise<Offer | null> {
    const wire = await this.wire(number);
    return wire ? offerFromWire(wire) : null;
  }

  async findByReference(reference: string): Promise<Offer | null> {
    const number = await this.numberByReference(reference);
    return number === null ? null : this.get(String(number));
  }

  private async createInTurn(draft: OfferDraft, fence: WriteFence): Promise<Offer> {
    const number = (await this.numberByReference(draft.reference)) ?? (await this.startedOffer(draft.reference, fence));
    const current = await this.wire(String(number));
    if (!current) throw new LemonsoftError(`GET /api/offers/${number}`, 404, `offer ${number} vanished during creation`);
    if (current.offer_our_reference !== draft.reference) {
      const customer = draft.customer ? await this.customers.getByNumber(draft.customer.number) : null;
      await this.client.send('PUT', '/api/offers', offerHeaderToWire(number, draft, customer), anything, fence);
    }
    await this.journal.named(draft.reference);
    await this.addMissingRows(number, draft, fence);
    return (await this.get(String(number)))!;
  }

  /**
   * The offer an earlier attempt made for this reference and did not name yet, or a new empty
   * one. An attempt that died waiting for the create answer may have made one: it is adopted
   * if it is the only empty offer since.
   */
  private async startedOffer(reference: string, fence: WriteFence): Promise<number> {
    const entry = await this.journal.entry(reference);
    if (entry?.offerNumber) return entry.offerNumber;
    const orphan = entry ? await this.emptyOfferSince(reference, entry.since) : null;
    if (orphan !== null) {
      await this.journal.made(reference, orphan);
      return orphan;
    }
    const since = new Date(this.clock.now().getTime() - CLOCK_SLACK_MS).toISOString();
    await fence();
    await this.journal.begin(reference, since);
    const number = await this.createEmpty(reference, since, fence);
    await this.journal.made(reference, number);
    return number;
  }

  private async createEmpty(reference: string, since: string, fence: WriteFence): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const created = await this.client.send('POST', `/api/offers/${this.offerType}`, undefined, offerSchema, fence);
        return created.offer_number;
      } catch (error) {
        if (!lostAnswer(error) || attempt >= CHECKED_TRIES) throw error;
        const orphan = await this.emptyOfferSince(reference, since);
        if (orphan !== null) return orphan;
        await pause(attempt);
      }
    }
  }

  /**
   * The one empty offer of our type made since then, if the lost call made it. Empty offers
   * other creations (in any process) have noted are theirs; while another creation is waiting
   * for its own answer, an empty offer may be either's, and nothing is adopted. Several is a
   * question for a person.
   */
  private async emptyOfferSince(reference: string, since: string): Promise<number | null> {
    const call = `POST /api/offers/${this.offerType}`;
    const others = await this.journal.others(reference, new Date(Date.parse(since) - CLOCK_SLACK_MS).toISOString());
    if (others.some((o) => o.offerNumber === null)) throw new LemonsoftError(call, null, 'answer lost while another offer was being created; tried again later rather than taking its offer');
    const theirs = new Set(others.map((o) => o.offerNumber));
    const recent = await this.client.all('/api/offers', { 'filter.updated_after': since }, offerSchema);
    const empty: number[] = [];
    for (const listed of recent) {
      const offer = await this.wire(String(listed.offer_number));
      if (offer && isEmpty(offer, this.offerType) && !theirs.has(offer.offer_number)) empty.push(offer.offer_number);
    }
    if (empty.length > 1) {
      throw new LemonsoftError(call, null, `answer lost and ${empty.length} empty offers (${empty.join(', ')}) exist since ${since}; not creating another`);
    }
    return empty[0] ?? null;
  }

  /**
   * Rows are matched by position: the ones already stored are never sent again. A row list
   * that was answered but did not store its rows by their positions is not sent again and again.
   */
  private async addMissingRows(number: number, draft: OfferDraft, fence: WriteFence): Promise<void> {
    let before = Infinity;
    for (let attempt = 1; ; ) {
      const stored = new Set(((await this.wire(String(number)))?.offer_rows ?? []).map(rowPosition));
      const missing = draft.lines.filter((line) => !stored.has(line.position));
      if (missing.length === 0) return;
      if (missing.length >= before) {
        throw new LemonsoftError(`POST /api/offers/${number}/offerrowlist`, 200, `rows were sent but offer ${number} does not hold them by their positions`);
      }
      try {
        await this.client.send('POST', `/api/offers/${number}/offerrowlist`, missing.slice(0, ROWS_PER_CALL).map(offerRowToWire), anything, fence);
        before = missing.length;
      } catch (error) {
        if (!lostAnswer(error) || attempt >= CHECKED_TRIES) throw error;
        await pause(attempt);
        attempt += 1;
      }
    }
  }

  private async numberByReference(reference: string): Promise<number | null> {
    const found = await this.client.all('/api/offers', { 'filter.search': reference }, offerSchema);
    return found.find((o) => o.offer_our_reference === reference)?.offer_number ?? null;
  }

  private async wire(number: string): Promise<WireOffer | null> {
    if (!/^\d+$/.test(number)) return null;
    return this.client.find(`/api/offers/${number}`, offerSchema);
  }
}
