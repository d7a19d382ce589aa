import type { WorkflowResult } from '../../workflow/result.js';
import { amount, money, renderTable } from './table.js';
import { terminalSafe } from './terminal-safe.js';

function party(p: { number: string; name: string } | null, missing: string): string {
  return p ? `${p.name} (${p.number})` : missing;
}

function linesTable(result: WorkflowResult): string {
  return renderTable(
    ['#', 'Requested', 'Product', 'Qty', 'Unit', 'Price', 'Disc %', 'Total'],
    result.lines.map((line, i) => [
      i + 1,
      line.requested.text.replace(/\t+/g, ' | ').slice(0, 48),
      line.match ? `${line.match.sku} ${line.match.name}` : 'NOT MATCHED',
      amount(line.quantity),
      line.unit,
      line.match ? money(line.unitPrice) : null,
      line.match ? amount(line.discountPercent) : null,
      line.match ? money(line.lineTotal) : null,
    ]),
  );
}

/** One processed email as a salesperson reads it: who, what, how much, and what to check. */
export function renderResult(result: WorkflowResult, source: string): string {
  const { totals } = result;
  const heading = result.offerNumber ? `Offer ${result.offerNumber}` : 'No offer';
  const parts = [
    `${heading} [${result.status}]  ${terminalSafe(source, 'escape')}`,
    `Customer: ${party(result.customer, 'unknown')}   Salesperson: ${party(result.salesperson, 'none')}`,
  ];
  if (result.lines.length) {
    parts.push(linesTable(result));
    parts.push(`Net ${money(totals.net)} ${totals.currency}   VAT ${money(totals.vat)}   Gross ${money(totals.gross)} ${totals.currency}`);
  }
  // Each is one line whatever it quotes of the mail (an attachment's name, a line of its text).
  parts.push(...result.warnings.map((w) => `  ! ${terminalSafe(w, 'escape')}`), ...result.errors.map((e) => `  ✗ ${terminalSafe(e, 'escape')}`));
  return `${parts.join('\n')}\n`;
}
