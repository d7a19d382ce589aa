import PDFDocument from 'pdfkit';
import type { OfferDocument, OfferDocumentLine } from './offer-document.js';
import { offerNumbersIn, type OfferNumbers } from './offer-numbers.js';
import { OFFER_TEXTS, type OfferTexts } from './offer-texts.js';
import { printable } from './pdf-text.js';
import type { Terms } from './letterhead.js';

const MARGIN = 50;
const FOOTER_HEIGHT = 46;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/** The line table's columns: x from the left margin and width, in points on an A4 page 495 points wide inside the margins. */
const COLUMNS = {
  position: { x: 0, width: 22, align: 'left' },
  product: { x: 24, width: 205, align: 'left' },
  quantity: { x: 231, width: 44, align: 'right' },
  unit: { x: 279, width: 34, align: 'left' },
  unitPrice: { x: 315, width: 58, align: 'right' },
  discount: { x: 375, width: 40, align: 'right' },
  total: { x: 417, width: 78, align: 'right' },
} as const;
type Column = keyof typeof COLUMNS;

interface Page {
  pdf: PDFKit.PDFDocument;
  texts: OfferTexts;
  numbers: OfferNumbers;
  document: OfferDocument;
}

const text = (value: string) => printable(value);

function cell(page: Page, column: Column, value: string, y: number, options: { bold?: boolean; size?: number } = {}): number {
  const { x, width, align } = COLUMNS[column];
  page.pdf.font(options.bold ? BOLD : FONT).fontSize(options.size ?? 9);
  page.pdf.text(text(value), MARGIN + x, y, { width, align });
  return page.pdf.y;
}

function letterhead(page: Page): void {
  const { pdf, document } = page;
  const seller = document.letterhead;
  let y = MARGIN;
  if (seller.logoFile) {
    try {
      pdf.image(seller.logoFile, MARGIN, y, { fit: [140, 48] });
    } catch (error) {
      throw new Error(`letterhead.logoFile '${seller.logoFile}' cannot be printed (a PNG or JPEG file is needed): ${(error as Error).message}`);
    }
    y += 54;
  }
  pdf.font(BOLD).fontSize(12).text(text(seller.name), MARGIN, y, { width: 260 });
  pdf.font(FONT).fontSize(9);
  for (const line of seller.addressLines) pdf.text(text(line), { width: 260 });
  const leftBottom = pdf.y;

  const right = MARGIN + 285;
  pdf.font(BOLD).fontSize(16).text(page.texts.title, right, MARGIN, { width: 210, align: 'right' });
  pdf.moveDown(0.3);
  const salesperson = document.salesperson;
  const facts: [string | null, string | null][] = [
    [page.texts.number, document.number],
    [page.texts.date, page.numbers.date(document.date)],
    [page.texts.validUntil, page.numbers.date(document.validUntil)],
    [page.texts.customerReference, document.customerReference],
    [page.texts.contact, salesperson?.name ?? null],
    [null, salesperson ? [salesperson.email, salesperson.phone].filter(Boolean).join(', ') : null],
  ];
  for (const [label, value] of facts) {
    if (!value) continue;
    pdf.font(FONT).fontSize(9).text(label ? `${label}: ${text(value)}` : text(value), right, pdf.y, { width: 210, align: 'right' });
  }
  pdf.y = Math.max(leftBottom, pdf.y) + 18;
}

function customerBlock(page: Page): void {
  const { pdf, document } = page;
  const customer = document.customer;
  if (!customer) return;
  const { street, postalCode, city, country } = customer.address;
  pdf.font(BOLD).fontSize(10).text(text(customer.name), MARGIN, pdf.y, { width: 300 });
  pdf.font(FONT).fontSize(9);
  for (const line of [street, [postalCode, city].filter(Boolean).join(' '), country]) if (line) pdf.text(text(line), { width: 300 });
  pdf.text(`${page.texts.customerNumber}: ${text(customer.number)}`, { width: 300 });
  if (customer.businessId) pdf.text(`${page.texts.businessId}: ${text(customer.businessId)}`, { width: 300 });
  pdf.moveDown(1.2);
}

function tableHeader(page: Page): void {
  const y = page.pdf.y;
  const c = page.texts.columns;
  const labels: Record<Column, string> = { position: c.position, product: c.product, quantity: c.quantity, unit: c.unit, unitPrice: c.unitPrice, discount: c.discount, total: c.total };
  for (const column of Object.keys(COLUMNS) as Column[]) cell(page, column, labels[column], y, { bold: true });
  const bottom = y + 13;
  page.pdf.moveTo(MARGIN, bottom).lineTo(MARGIN + 495, bottom).lineWidth(0.5).stroke();
  page.pdf.y = bottom + 4;
}

function lineRow(page: Page, line: OfferDocumentLine): void {
  const { pdf, texts, numbers } = page;
  const y = pdf.y;
  cell(page, 'position', String(line.position), y);
  let bottom = cell(page, 'product', `${line.sku}  ${line.name}`, y);
  if (line.customerCode) bottom = cell(page, 'product', `${texts.columns.customerCode}: ${line.customerCode}`, bottom, { size: 8 });
  cell(page, 'quantity', numbers.quantity(line.quantity), y);
  cell(page, 'unit', texts.units[line.unit] ?? line.unit, y);
  cell(page, 'unitPrice', numbers.money(line.unitPrice), y);
  cell(page, 'discount', Number(line.discountPercent) === 0 ? '' : numbers.percent(line.discountPercent), y);
  cell(page, 'total', numbers.money(line.lineTotal), y);
  pdf.y = bottom + 5;
}

const pageBottom = (pdf: PDFKit.PDFDocument) => pdf.page.height - MARGIN - FOOTER_HEIGHT;

/** A row that would run into the footer starts a new page, under the table's header again. */
function roomFor(page: Page, height: number, withHeader: boolean): void {
  if (page.pdf.y + height <= pageBottom(page.pdf)) return;
  page.pdf.addPage();
  page.pdf.y = MARGIN;
  if (withHeader) tableHeader(page);
}

function totals(page: Page): void {
  const { pdf, texts, numbers, document } = page;
  roomFor(page, 30 + 14 * (document.vatByRate.length + 2), false);
  pdf.moveTo(MARGIN + 280, pdf.y).lineTo(MARGIN + 495, pdf.y).lineWidth(0.5).stroke();
  pdf.y += 5;
  const row = (label: string, amount: string, bold = false) => {
    const y = pdf.y;
    pdf.font(bold ? BOLD : FONT).fontSize(9).text(text(label), MARGIN + 280, y, { width: 130 });
    pdf.text(`${numbers.money(amount)} ${document.currency}`, MARGIN + 410, y, { width: 85, align: 'right' });
    pdf.y = y + 14;
  };
  row(texts.net, document.net);
  for (const share of document.vatByRate) row(`${texts.vat(numbers.percent(share.rate))} (${numbers.money(share.net)})`, share.vat);
  row(texts.gross, document.gross, true);
  pdf.moveDown(1);
}

function terms(page: Page): void {
  const { pdf, texts, document } = page;
  const inLanguage = (t: Terms | null) => (t ? (t[document.language] ?? t.fi) : null);
  for (const [label, value] of [
    [texts.paymentTerms, inLanguage(document.letterhead.paymentTerms)],
    [texts.deliveryTerms, inLanguage(document.letterhead.deliveryTerms)],
  ] as const) {
    if (!value) continue;
    roomFor(page, 28, false);
    pdf.font(BOLD).fontSize(9).text(text(label), MARGIN, pdf.y, { width: 495 });
    pdf.font(FONT).text(text(value), { width: 495 });
    pdf.moveDown(0.5);
  }
}

/** Written on every page once all are laid out, so that each can say "page n of m". */
function footers(page: Page): void {
  const { pdf, texts, document } = page;
  const seller = document.letterhead;
  const facts = [
    seller.name,
    seller.businessId ? `${texts.businessId} ${seller.businessId}` : null,
    seller.vatNumber ? `${texts.vatNumber} ${seller.vatNumber}` : null,
    seller.phone,
    seller.email,
    seller.website,
  ].filter((f): f is string => Boolean(f));
  const bank = seller.bank ? `${texts.bank}: ${seller.bank.name}, IBAN ${seller.bank.iban}, BIC ${seller.bank.bic}` : null;
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    pdf.switchToPage(range.start + i);
    const top = pdf.page.height - MARGIN - FOOTER_HEIGHT + 10;
    // Writing below the bottom margin would make pdfkit start a page of its own.
    const { bottom } = pdf.page.margins;
    pdf.page.margins.bottom = 0;
    pdf.moveTo(MARGIN, top).lineTo(MARGIN + 495, top).lineWidth(0.5).stroke();
    pdf.font(FONT).fontSize(7.5).text(text(facts.join(' · ')), MARGIN, top + 5, { width: 420 });
    if (bank) pdf.text(text(bank), MARGIN, pdf.y, { width: 420 });
    pdf.text(texts.page(i + 1, range.count), MARGIN + 420, top + 5, { width: 75, align: 'right' });
    pdf.page.margins.bottom = bottom;
  }
}

/**
 * The customer's copy of an offer as an A4 PDF, in the document's language. pdfkit lays out
 * text and pages; what goes where, and the breaking of the line table over pages, is ours.
 */
export async function renderOfferPdf(document: OfferDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: `${OFFER_TEXTS[document.language].title} ${document.number}`, Author: document.letterhead.name } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const page: Page = { pdf, texts: OFFER_TEXTS[document.language], numbers: offerNumbersIn(document.language), document };
  letterhead(page);
  customerBlock(page);
  tableHeader(page);
  for (const line of document.lines) {
    roomFor(page, line.customerCode ? 26 : 16, true);
    lineRow(page, line);
  }
  totals(page);
  terms(page);
  footers(page);
  pdf.end();
  return done;
}
