import { addDays, isoDateIn } from '../../domain/calendar.js';
import type { OfferDraft, OfferLine } from '../../domain/offer.js';
import { offerTotals } from '../../pricing/offer-totals.js';
import { defineStep, type StepContext } from '../step.js';

/** Lines we could not match stay visible to the salesperson in the offer's note. */
function noteOf(context: StepContext<'email' | 'requestedLines' | 'matches'>): string {
  const email = context.email;
  const unmatched = context.requestedLines.filter((_, i) => !context.matches[i]?.product).map((l) => `- ${l.text}`);
  return [
    `Request: ${email?.subject ?? ''} (${email?.from?.address ?? 'unknown sender'})`,
    ...(unmatched.length ? ['Not matched, to be checked:', ...unmatched] : []),
  ].join('\n');
}

/** The customer's words, and how their quantity was read when it was converted. */
function noteOfLine(text: string | null, conversion: string | null): string | null {
  if (!conversion) return text;
  return text ? `${text} (${conversion})` : conversion;
}

export const buildOffer = defineStep({
  name: 'build_offer',
  reads: ['pricedLines', 'requestedLines', 'matches', 'email', 'reference', 'customer', 'salesperson'],
  writes: ['draft'],
  async run(context, env) {
    if (context.pricedLines.length === 0) return { skipped: 'nothing to offer' };
    const lines: OfferLine[] = context.pricedLines.map((p, i) => ({
      position: i + 1,
      sku: p.sku,
      name: p.name,
      quantity: p.quantity,
      unit: p.unit,
      unitPrice: p.unitPrice,
      discountPercent: p.discountPercent,
      vatRate: p.vatRate,
      lineTotal: p.lineTotal,
      note: noteOfLine(context.requestedLines[p.requestIndex]?.text ?? null, p.conversion),
    }));
    const date = isoDateIn(env.now(), env.settings.timeZone);
    const draft: OfferDraft = {
      reference: context.reference,
      customer: context.customer ? { number: context.customer.number, name: context.customer.name } : null,
      sellerNumber: context.salesperson?.number ?? context.customer?.sellerNumber ?? null,
      customerReference: context.email?.subject.slice(0, 100) || null,
      date,
      validUntil: addDays(date, env.settings.offerValidityDays),
      note: noteOf(context),
      lines,
      totals: offerTotals(lines, env.settings.currency),
    };
    return { patch: { draft } };
  },
});
