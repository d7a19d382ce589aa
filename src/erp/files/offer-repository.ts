import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Failure } from '../../domain/failure.js';
import { toWindows1252 } from '../../import/encoding.js';
import { assertDistinctPositions, type Offer, type OfferDraft } from '../../domain/offer.js';
import type { OfferRepository, WriteFence } from '../ports.js';
import type { FilesLedger, LedgerEntry } from './ledger.js';
import { offerCsv, offerOfCsv, type OfferCsvFormat } from './offer-csv.js';
import type { Outbox } from './outbox.js';
import { quotationOf, quotationXml, type Seller } from './ubl-quotation.js';
import { XmlReadError } from './xml.js';

export interface OfferDelivery {
  format: 'ubl' | 'csv' | 'both';
  csv: OfferCsvFormat;
  seller: Seller;
  writeRetries: number;
  retryBaseMs: number;
}

function csvBytes(text: string, encoding: OfferCsvFormat['encoding']): Buffer {
  return encoding === 'windows-1252' ? toWindows1252(text) : Buffer.from(text, 'utf8');
}

/**
 * The documents' name in the outbox, from our reference alone, so that every try and every
 * revision of one offer lands on the same name and a retry never makes a second document. A
 * reference with characters a file name cannot safely have gets a hash of itself, so that two
 * references never share a name.
 */
export function documentName(reference: string): string {
  const safe = reference.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);
  if (safe === reference) return reference;
  return `${safe}-${createHash('sha256').update(reference).digest('hex').slice(0, 8)}`;
}

/**
 * Offers as documents in the outbox. The ledger is written before the outbox and marked after it:
 * a revision stopped anywhere between is still `writing`, and the next call writes its files
 * again, under the same names, with the same content.
 */
export class FilesOfferRepository implements OfferRepository {
  /** One call per reference at a time in this process, so two tries never both write a revision. */
  private readonly busy = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ledger: FilesLedger,
    private readonly outbox: Outbox,
    private readonly delivery: OfferDelivery,
    private readonly fresh: () => Promise<void>,
  ) {}

  create(draft: OfferDraft, fence: WriteFence): Promise<Offer> {
    return this.oneAtATime(draft.reference, async () => {
      await fence();
      const entry = await this.ledger.numberFor(draft.reference, (number) => this.document(draft, number, 1));
      if (entry.state === 'writing') await this.deliver(entry, fence);
      return this.readBack(entry);
    });
  }

  async replace(draft: OfferDraft, fence: WriteFence): Promise<Offer> {
    assertDistinctPositions(draft.lines);
    return this.oneAtATime(draft.reference, async () => {
      await fence();
      let entry = await this.ledger.numberFor(draft.reference, (number) => this.document(draft, number, 1));
      if (this.document(draft, entry.number, entry.revision) !== entry.document) {
        const revision = entry.revision + 1;
        const document = this.document(draft, entry.number, revision);
        await this.ledger.revise(draft.reference, revision, document);
        entry = { ...entry, revision, document, state: 'writing' };
      }
      if (entry.state === 'writing') await this.deliver(entry, fence);
      return this.readBack(entry);
    });
  }

  async get(number: string): Promise<Offer | null> {
    await this.fresh();
    const entry = await this.ledger.byNumber(number);
    return entry ? this.readBack(entry) : null;
  }

  async findByReference(reference: string): Promise<Offer | null> {
    await this.fresh();
    const entry = await this.ledger.byReference(reference);
    return entry ? this.readBack(entry) : null;
  }

  private document(draft: OfferDraft, number: number, revision: number): string {
    return quotationXml({ offer: draft, number: String(number), revision }, this.delivery.seller);
  }

  private get formats(): ('xml' | 'csv')[] {
    const { format } = this.delivery;
    return format === 'both' ? ['xml', 'csv'] : format === 'ubl' ? ['xml'] : ['csv'];
  }

  /**
   * Writes a revision's files. A UBL Quotation needs at least one line, so an offer emptied of
   * every line is withdrawn instead: an earlier revision still waiting in the outbox is removed.
   */
  private async deliver(entry: LedgerEntry, fence: WriteFence): Promise<void> {
    const { offer, number, revision } = quotationOf(entry.document);
    const name = documentName(entry.reference);
    for (const extension of this.formats) {
      const file = `${name}.${extension}`;
      if (offer.lines.length === 0) await this.tried(fence, () => this.outbox.remove(file));
      else await this.tried(fence, () => this.outbox.write(file, extension === 'xml' ? entry.document : csvBytes(offerCsv(offer, number, revision, this.delivery.csv), this.delivery.csv.encoding)));
    }
    await this.ledger.delivered(entry.reference, revision);
  }

  /** A write tried again while it fails in a way worth trying again; the fence is awaited before every try. */
  private async tried(fence: WriteFence, write: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      await fence();
      try {
        return await write();
      } catch (error) {
        if (attempt >= this.delivery.writeRetries || !(error instanceof Failure) || error.permanent) throw error;
        await sleep(this.delivery.retryBaseMs * 2 ** attempt);
      }
    }
  }

  /**
   * What the outbox's document says while the ERP has not taken it yet (the UBL one where both are
   * written), else what was written there, as the ledger keeps it.
   */
  private async readBack(entry: LedgerEntry): Promise<Offer> {
    const name = documentName(entry.reference);
    const number = entry.erp_number ?? String(entry.number);
    try {
      if (this.formats.includes('xml')) {
        const inOutbox = await this.outbox.read(`${name}.xml`);
        return { ...quotationOf(inOutbox?.toString('utf8') ?? entry.document).offer, number };
      }
      const kept = quotationOf(entry.document).offer;
      const inOutbox = await this.outbox.read(`${name}.csv`);
      return { ...(inOutbox === null ? kept : await offerOfCsv(inOutbox, this.delivery.csv, kept)), number };
    } catch (error) {
      if (!(error instanceof XmlReadError)) throw error;
      throw new Failure('erp_rejected', `outbox ${this.outbox.dir}: ${name}.xml ${error.message}`, { cause: error });
    }
  }

  private oneAtATime<T>(reference: string, work: () => Promise<T>): Promise<T> {
    const next = (this.busy.get(reference) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.busy.set(reference, next);
    const forget = () => {
      if (this.busy.get(reference) === next) this.busy.delete(reference);
    };
    next.then(forget, forget);
    return next;
  }
}
