import he from 'he';
import { modeRules, type MailboxMode } from '../domain/mailbox-mode.js';
import type { WorkflowContext } from '../workflow/context.js';
import { toResult, type ResultLine, type RunStatus } from '../workflow/result.js';
import { TEXTS, type Language } from './texts.js';

export interface Notification {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface NotificationInput {
  runId: number;
  context: WorkflowContext;
  status: RunStatus;
  /** Whether a look is asked at every offer (`review`) or only at the ones the run flagged (`auto`). */
  mode: MailboxMode;
  language: Language;
  to: string;
}

const money = (n: number | null) => (n === null ? '' : n.toFixed(2));
const percent = (n: number) => `${Math.round(n * 100)} %`;

interface Row {
  position: string;
  requested: string;
  product: string;
  quantity: string;
  price: string;
  total: string;
  confidence: string;
}

function rowOf(line: ResultLine, index: number, unmatched: string): Row {
  return {
    position: String(index + 1),
    requested: line.requested.text,
    product: line.match ? `${line.match.sku} ${line.match.name}` : unmatched,
    quantity: [line.quantity ?? '', line.unit ?? ''].join(' ').trim(),
    price: money(line.unitPrice),
    total: money(line.lineTotal),
    confidence: line.match ? percent(line.match.confidence) : '',
  };
}

function textTable(header: Row, rows: Row[]): string {
  const keys = Object.keys(header) as (keyof Row)[];
  const widths = keys.map((k) => Math.max(header[k].length, ...rows.map((r) => r[k].length)));
  const line = (r: Row) => keys.map((k, i) => r[k].padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function htmlTable(header: Row, rows: Row[]): string {
  const keys = Object.keys(header) as (keyof Row)[];
  const cells = (r: Row, tag: string) => keys.map((k) => `<${tag}>${he.encode(r[k])}</${tag}>`).join('');
  return `<table border="1" cellpadding="4" cellspacing="0"><tr>${cells(header, 'th')}</tr>${rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</table>`;
}

const list = (items: string[]) => items.map((i) => `- ${i}`).join('\n');
const htmlList = (items: string[]) => `<ul>${items.map((i) => `<li>${he.encode(i)}</li>`).join('')}</ul>`;

/**
 * What the salesperson gets after a run: the offer number, the customer, every line with the
 * product found and how sure, what was not found and what to check; as plain text and HTML.
 */
export function offerNotification(input: NotificationInput): Notification {
  const t = TEXTS[input.language];
  const result = toResult(input.context, input.status);
  const offer = result.offerNumber;
  const customer = result.customer ? `${result.customer.name} (${result.customer.number})` : t.unknownCustomer;
  const review = modeRules(input.mode).reviewsEveryOffer || input.status === 'needs_review';
  const subject = offer ? (review ? t.subjectReview(offer, customer) : t.subjectCreated(offer, customer)) : t.subjectNoOffer(input.context.email?.subject ?? '');
  const lead = offer ? (review ? t.review(offer) : t.created(offer)) : t.noOffer;
  const header: Row = t.columns;
  const rows = result.lines.map((line, i) => rowOf(line, i, t.unmatched));
  const unmatched = result.lines.filter((l) => !l.match).map((l) => l.requested.text);
  const reasons = input.context.reviewReasons;
  const totals = offer ? t.totals(money(result.totals.net), money(result.totals.vat), money(result.totals.gross), result.totals.currency) : '';
  const name = input.context.salesperson?.name ?? '';
  const sections: [string, string[]][] = [
    [t.unmatched, unmatched],
    [t.toReview, reasons],
  ];
  const text = [
    t.greeting(name),
    '',
    lead,
    `${t.customer}: ${customer}`,
    `${t.request}: ${input.context.email?.subject ?? ''}`,
    '',
    textTable(header, rows),
    totals,
    ...sections.filter(([, items]) => items.length).flatMap(([title, items]) => ['', `${title}:`, list(items)]),
    '',
    t.footer(input.runId),
  ].join('\n');
  const html = [
    `<p>${he.encode(t.greeting(name))}</p>`,
    `<p>${he.encode(lead)}</p>`,
    `<p>${he.encode(t.customer)}: <b>${he.encode(customer)}</b><br>${he.encode(t.request)}: ${he.encode(input.context.email?.subject ?? '')}</p>`,
    htmlTable(header, rows),
    totals ? `<p>${he.encode(totals)}</p>` : '',
    ...sections.filter(([, items]) => items.length).map(([title, items]) => `<h4>${he.encode(title)}</h4>${htmlList(items)}`),
    `<p style="color:#888">${he.encode(t.footer(input.runId))}</p>`,
  ].join('\n');
  return { to: input.to, subject, text, html };
}
