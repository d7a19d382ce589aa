import { expect } from 'vitest';
import type { Offer, OfferDraft } from '../../../src/domain/offer.js';

/** Amounts compared as numbers: an ERP may write 8.00 as 8. */
function plain(offer: OfferDraft) {
  const n = Number;
  return {
    ...offer,
    lines: offer.lines.map((l) => ({ ...l, quantity: n(l.quantity), unitPrice: n(l.unitPrice), discountPercent: n(l.discountPercent), vatRate: n(l.vatRate), lineTotal: n(l.lineTotal) })),
    totals: { net: n(offer.totals.net), vat: n(offer.totals.vat), gross: n(offer.totals.gross), currency: offer.totals.currency },
  };
}

export function expectStoredAsSent(offer: Offer | null, draft: OfferDraft): void {
  expect(offer).not.toBeNull();
  const { number, ...stored } = offer!;
  // Each ERP numbers its offers its own way (Lemonsoft 1001, Business Central S-QUO1001): any non-blank text.
  expect(number).toMatch(/\S/);
  expect(plain(stored)).toEqual(plain(draft));
}


/** The ERP holds exactly one offer, and it is the draft as sent. */
export async function expectOnlyOffer(under: { offerNumbers(): Promise<string[]>; erp: { offers: { get(number: string): Promise<Offer | null> } } }, draft: OfferDraft): Promise<void> {
  const numbers = await under.offerNumbers();
  expect(numbers).toHaveLength(1);
  expectStoredAsSent(await under.erp.offers.get(numbers[0]!), draft);
}
