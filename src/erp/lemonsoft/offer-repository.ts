import { setTimeout as sleep } from 'node:timers/promises';
import { assertDistinctPositions, sameHeader, type Offer, type OfferDraft } from '../../domain/offer.js';
import { backoffMs, type Backoff } from '../../time/backoff.js';
import type { Clock } from '../../time/clock.js';
import type { CustomerRepository, OfferRepository, WriteFence } from '../ports.js';
import { LemonsoftError, type LemonsoftClient } from './client.js';
import type { LemonsoftSettings } from './settings.js';
import { offerFromWire, offerHeaderToWire, rowPosition } from './mapper.js';
import type { OfferCreationJournal } from './offer-creation-journal.js';
import { missingRows, planSize, rowPlan, type IdentifiedRow, type RowPlan } from './row-plan.js';
import { z } from 'zod';
import { offerSchema, type WireOffer, type WireOfferRow } from './wire.js';

/** How far back an offer created by a call whose answer was lost can have been stamped. */
const CLOCK_SLACK_MS = 5 * 60_000;
/** Tries of a step whose outcome is checked before it is repeated. */
const CHECKED_TRIES = 4;
/** Rows per row-list call, so that a long offer never makes one huge request. */
const ROWS_PER_CALL = 100;

const anything = z.unknown();

/** Removals first, so that an offer stopped halfway never holds more rows than the larger of its old and new versions. */
function rowCall(plan: RowPlan): 'DELETE' | 'PUT' | 'POST' {
  if (plan.remove.length) return 'DELETE';
  return plan.change.length ? 'PUT' : 'POST';
}

/** Rows can be changed or removed only by their id: one Lemonsoft read back without it is a question for a person. */
function identified(number: number, rows: WireOfferRow[]): IdentifiedRow[] {
  if (rows.some((row) => typeof row.id !== 'number')) throw new LemonsoftError(`GET /api/offers/${number}`, 200, `offer ${number} holds a row without an id, which cannot be changed or removed`);
  return rows as IdentifiedRow[];
}

/**
 * A creation only adds rows, so a row at a position the draft lacks was not made by it, and
 * adding more would not mend that: above all a Lemonsoft that does not keep the positions sent,
 * where every retry would add the rows again.
 */
function onlyDraftPositions(number: number, held: WireOfferRow[], draft: OfferDraft): WireOfferRow[] {
  const positions = new Set(draft.lines.map((line) => line.position));
  const foreign = held.filter((row) => !positions.has(rowPosition(row) ?? Number.NaN));
  if (foreign.length === 0) return held;
  const listed = (values: unknown[]) => values.join(', ');
  throw new LemonsoftError(
    `GET /api/offers/${number}`,
    200,
    `offer ${number} holds rows at positions ${listed(foreign.map((row) => row.position ?? 'none'))}, which the draft (${listed([...positions])}) lacks: Offerflow knows a row by the position it sends, and this Lemonsoft does not keep it, or someone added rows; nothing more is added`,
  );
}

function isEmpty(offer: WireOffer, offerType: number): boolean {
  return !offer.offer_our_reference && !offer.offer_customer_number && (offer.offer_rows ?? []).length === 0 && (offer.offer_type ?? offerType) === offerType;
}

/** Between tries of a checked step: Lemonsoft may need a moment before the lost call's work shows. */
const CHECKED_PAUSE: Backoff = { baseDelayMs: 200, maxDelayMs: 2_000 };
const pause = (attempt: number) => sleep(backoffMs(CHECKED_PAUSE, attempt));

function lostAnswer(error: unknown): boolean {
  return error instanceof LemonsoftError && error.outcomeUnknown;
}

/** A row id that is gone: the call was planned on an offer read before the last change to it. */
function staleRows(error: unknown): boolean {
  return error instanceof LemonsoftError && error.status === 404;
}

/**
 * Lemonsoft creates an offer in three calls (empty offer, header, rows) and nothing in its API
 * makes that idempotent. Our reference goes into `offer_our_reference` with the header, and
 * every creation starts by looking for it, so a retry after any failure continues the offer
 * it finds: header written → only the missing rows are added. An offer made but not yet named
 * is noted in Offerflow's store, so whichever worker retries after a crash right there
 * continues it. A step whose answer was lost is checked before it is repeated. Creations and
 * replacements in this process take turns, so that an empty offer found after a lost answer is
 * ours and no two of them plan rows of one offer at once.
 */
export class LemonsoftOfferRepository implements OfferRepository {
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: LemonsoftClient,
    private readonly customers: CustomerRepository,
    private readonly offers: { offerType: number; lookup: LemonsoftSettings['offerLookup'] },
    private readonly journal: OfferCreationJournal,
    private readonly clock: Clock,
  ) {}

  create(draft: OfferDraft, fence: WriteFence): Promise<Offer> {
    return this.inTurn(async () => {
      const number = await this.namedOffer(draft, fence);
      await this.writeRows(number, (held) => missingRows(onlyDraftPositions(number, held, draft), draft.lines), fence);
      return (await this.get(String(number)))!;
    });
  }

  /**
   * Header by PUT when it differs, then the rows diffed against what the offer holds, one
   * row-list call at a time. Nothing spans several calls, so every call is planned on the
   * offer as read right before it: a replace stopped anywhere, and the one that follows, end
   * with exactly the draft.
   */
  replace(draft: OfferDraft, fence: WriteFence): Promise<Offer> {
    return this.inTurn(async () => {
      assertDistinctPositions(draft.lines);
      const number = await this.namedOffer(draft, fence);
      const current = await this.existing(number);
      if (!sameHeader(offerFromWire(current), draft)) await this.putHeader(number, draft, fence);
      await this.writeRows(number, (held) => rowPlan(identified(number, held), draft.lines), fence);
      return (await this.get(String(number)))!;
    });
  }

  async get(number: string): Promise<Offer | null> {
    const wire = await this.wire(number);
    return wire ? offerFromWire(wire) : null;
  }

  async findByReference(reference: string): Promise<Offer | null> {
    const number = await this.numberByReference(reference);
    return number === null ? null : this.get(String(number));
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work);
    this.turn = result.catch(() => undefined);
    return result;
  }

  /** The offer carrying the reference: made, or continued from where an earlier attempt stopped, and named. */
  private async namedOffer(draft: OfferDraft, fence: WriteFence): Promise<number> {
    const found = await this.numberByReference(draft.reference);
    const number = found ?? (await this.startedOffer(draft.reference, fence));
    const current = await this.existing(number);
    if (current.offer_our_reference !== draft.reference) await this.putHeader(number, draft, fence);
    if (found === null) await this.assertFoundByReference(number, draft.reference);
    await this.journal.named(draft.reference);
    return number;
  }

  /**
   * Only the journal knows an offer until a lookup by our reference finds it: the journal
   * forgets it once it is named, and a retry that then could not find it would make a second one.
   */
  private async assertFoundByReference(number: number, reference: string): Promise<void> {
    if ((await this.numberByReference(reference)) === number) return;
    const how = this.offers.lookup === 'search' ? "Lemonsoft's offer search (filter.search)" : 'a scan of the offer list';
    const remedy = this.offers.lookup === 'search' ? '; set erp.settings.offerLookup to "scan"' : '';
    throw new LemonsoftError('GET /api/offers', 200, `offer ${number} is not found by its offer_our_reference '${reference}' through ${how}, so a retry could not find it${remedy}`);
  }

  /** A whole header is the same however often it is sent, so the client may repeat it blindly. */
  private async putHeader(number: number, draft: OfferDraft, fence: WriteFence): Promise<void> {
    const customer = draft.customer ? await this.customers.getByNumber(draft.customer.number) : null;
    await this.client.send('PUT', '/api/offers', offerHeaderToWire(number, draft, customer), anything, fence);
  }

  private async existing(number: number): Promise<WireOffer> {
    const current = await this.wire(String(number));
    if (!current) throw new LemonsoftError(`GET /api/offers/${number}`, 404, `offer ${number} vanished while it was being written`);
    return current;
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
        const created = await this.client.send('POST', `/api/offers/${this.offers.offerType}`, undefined, offerSchema, fence);
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
    const call = `POST /api/offers/${this.offers.offerType}`;
    const others = await this.journal.others(reference, new Date(Date.parse(since) - CLOCK_SLACK_MS).toISOString());
    if (others.some((o) => o.offerNumber === null)) throw new LemonsoftError(call, null, 'answer lost while another offer was being created; tried again later rather than taking its offer');
    const theirs = new Set(others.map((o) => o.offerNumber));
    const recent = await this.client.all('/api/offers', { 'filter.updated_after': since }, offerSchema);
    const empty: number[] = [];
    for (const listed of recent) {
      const offer = await this.wire(String(listed.offer_number));
      if (offer && isEmpty(offer, this.offers.offerType) && !theirs.has(offer.offer_number)) empty.push(offer.offer_number);
    }
    if (empty.length > 1) {
      throw new LemonsoftError(call, null, `answer lost and ${empty.length} empty offers (${empty.join(', ')}) exist since ${since}; not creating another`);
    }
    return empty[0] ?? null;
  }

  /**
   * One row-list call at a time, each planned on the offer as it reads now, so rows already
   * stored are never sent again. Deletions and updates are checked writes like additions: one
   * whose answer was lost is read back before it is repeated, because repeated blindly it
   * would name rows that are gone. A plan that does not shrink after a call was answered means
   * Lemonsoft does not store rows as sent, which trying again cannot mend.
   */
  private async writeRows(number: number, planOf: (held: WireOfferRow[]) => RowPlan, fence: WriteFence): Promise<void> {
    let before = Infinity;
    for (let attempt = 1; ; ) {
      const held = (await this.existing(number)).offer_rows ?? [];
      const plan = planOf(held);
      const size = planSize(plan);
      if (size === 0) return;
      if (size >= before) {
        const positions = held.map((row) => row.position ?? 'none').join(', ');
        throw new LemonsoftError(
          `${rowCall(plan)} /api/offers/${number}/offerrowlist`,
          200,
          `rows were sent but offer ${number} does not hold them by their positions (it holds ${positions}): Offerflow knows a row by the position it sends, which this Lemonsoft does not keep`,
        );
      }
      try {
        await this.sendRows(number, plan, fence);
        before = size;
        attempt = 1;
      } catch (error) {
        if (!(lostAnswer(error) || staleRows(error)) || attempt >= CHECKED_TRIES) throw error;
        await pause(attempt);
        attempt += 1;
      }
    }
  }

  private async sendRows(number: number, plan: RowPlan, fence: WriteFence): Promise<void> {
    const path = `/api/offers/${number}/offerrowlist`;
    const method = rowCall(plan);
    const body = method === 'DELETE' ? plan.remove : method === 'PUT' ? plan.change : plan.add;
    await this.client.send(method, path, body.slice(0, ROWS_PER_CALL), anything, fence, true);
  }

  /** The search narrows, our reference decides; a scan reads offers until it meets it. */
  private async numberByReference(reference: string): Promise<number | null> {
    const query = this.offers.lookup === 'search' ? { 'filter.search': reference } : {};
    for await (const offer of this.client.pages('/api/offers', query, offerSchema)) {
      if (offer.offer_our_reference === reference) return offer.offer_number;
    }
    return null;
  }

  private async wire(number: string): Promise<WireOffer | null> {
    if (!/^\d+$/.test(number)) return null;
    return this.client.find(`/api/offers/${number}`, offerSchema);
  }
}
