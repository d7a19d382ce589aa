import type { Command } from 'commander';
import type { Offer } from '../../domain/offer.js';
import { print, printJson, withApp } from '../context.js';
import { amount, money, renderTable } from '../format/table.js';

const LIST_LIMIT = 50;

function renderOffer(offer: Offer): string {
  const customer = offer.customer ? `${offer.customer.name} (${offer.customer.number})` : 'unknown';
  return [
    `Offer ${offer.number}  ${offer.date}, valid until ${offer.validUntil}  reference ${offer.reference}`,
    `Customer: ${customer}   Salesperson: ${offer.sellerNumber ?? 'none'}   Their reference: ${offer.customerReference ?? '–'}`,
    renderTable(
      ['#', 'SKU', 'Product', 'Qty', 'Unit', 'Price', 'Disc %', 'VAT %', 'Total'],
      offer.lines.map((l) => [l.position, l.sku, l.name, amount(l.quantity), l.unit, money(l.unitPrice), amount(l.discountPercent), amount(l.vatRate), money(l.lineTotal)]),
    ),
    `Net ${money(offer.totals.net)} ${offer.totals.currency}   VAT ${money(offer.totals.vat)}   Gross ${money(offer.totals.gross)} ${offer.totals.currency}`,
    ...(offer.note ? [offer.note] : []),
  ].join('\n');
}

export function registerOffers(program: Command): void {
  const offers = program.command('offers').description('offers Offerflow has created');
  offers
    .command('list')
    .description('the latest offers created from emails, newest first')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withApp(command, async (app) => {
        const rows = (await app.runs.list(LIST_LIMIT)).flatMap(({ context: { offer }, status, id, subject }) =>
          offer
            ? [{ offerNumber: offer.number, date: offer.date, customer: offer.customer, net: offer.totals.net, currency: offer.totals.currency, status, run: id, subject }]
            : [],
        );
        if (flags.json) return printJson(rows);
        print(
          rows.length
            ? renderTable(
                ['Offer', 'Date', 'Customer', 'Net', 'Status', 'Run', 'Subject'],
                rows.map((o) => [o.offerNumber, o.date, o.customer?.name ?? 'unknown', money(o.net), o.status, o.run, o.subject.slice(0, 40)]),
              )
            : 'No offers yet.',
        );
      });
    });
  offers
    .command('show')
    .description('one offer as the ERP stores it')
    .argument('<number>', 'offer number')
    .option('--json', 'print JSON')
    .action(async (number: string, flags: { json?: boolean }, command: Command) => {
      await withApp(command, async (app) => {
        const offer = await app.erp.offers.get(number);
        if (!offer) throw new Error(`offer ${number} not found in the ${app.erp.type} ERP`);
        if (flags.json) printJson(offer);
        else print(renderOffer(offer));
      });
    });
}
