import { equal } from '../../domain/money.js';
import type { Offer, OfferDraft } from '../../domain/offer.js';
import { defineStep } from '../step.js';

/** What the ERP stored must be what we sent: the same rows, quantities, prices and totals. */
function offerDifferences(sent: OfferDraft, stored: Offer): string[] {
  const differences: string[] = [];
  if (stored.lines.length !== sent.lines.length) {
    differences.push(`${stored.lines.length} rows stored, ${sent.lines.length} sent`);
  }
  for (const line of sent.lines) {
    const row = stored.lines.find((r) => r.position === line.position);
    if (!row) {
      differences.push(`row ${line.position} (${line.sku}) missing`);
      continue;
    }
    const fields = ['quantity', 'unitPrice', 'discountPercent', 'lineTotal'] as const;
    for (const field of fields) {
      if (!equal(row[field], line[field])) differences.push(`row ${line.position} ${field}: stored ${row[field]}, sent ${line[field]}`);
    }
    if (row.sku !== line.sku) differences.push(`row ${line.position} sku: stored ${row.sku}, sent ${line.sku}`);
  }
  if (!equal(stored.totals.net, sent.totals.net)) differences.push(`net total: stored ${stored.totals.net}, sent ${sent.totals.net}`);
  return differences;
}

export const verifyOffer = defineStep({
  name: 'verify_offer',
  reads: ['dryRun', 'offer', 'draft'],
  writes: ['offer'],
  async run(context, env) {
    if (context.dryRun) return { skipped: 'dry run: no offer to verify' };
    if (!context.offer || !context.draft) return { skipped: 'no offer created' };
    const stored = await env.erp.offers.get(context.offer.number);
    if (!stored) throw new Error(`offer ${context.offer.number} cannot be read back from the ERP`);
    const differences = offerDifferences(context.draft, stored);
    return { patch: { offer: stored }, review: differences.map((d) => `offer ${stored.number} differs from what was sent: ${d}`) };
  },
});
