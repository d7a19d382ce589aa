import PDFDocument from 'pdfkit';

/** What BC's Standard Sales - Quote report prints of a quote, as far as the simulator keeps it. */
export interface PrintedQuote {
  number: string;
  customerName: string;
  externalDocumentNumber: string;
  documentDate: string;
  lines: { lineObjectNumber: string; description: string; quantity: number; unitPrice: number; discountPercent: number; amount: number }[];
  totalExcludingTax: number;
  totalIncludingTax: number;
}

/** The report's title in the languages BC is asked for by Accept-Language; English otherwise, as BC falls back to. */
const TITLES: Record<string, string> = { fi: 'Myyntitarjous', sv: 'Försäljningsofferter', en: 'Sales - Quote' };

/**
 * A stand-in for the PDF BC prints of a quote: not BC's layout, but a PDF made by the ERP side,
 * in the language asked for, holding the quote's number, lines and totals, so that a client can
 * tell BC's print from its own and read what it holds.
 */
export function printQuote(quote: PrintedQuote, acceptLanguage: string | undefined): Promise<Buffer> {
  const language = (acceptLanguage ?? 'en').slice(0, 2).toLowerCase();
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${quote.number}`, Producer: 'Business Central simulator' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('Helvetica-Bold').fontSize(16).text(`${TITLES[language] ?? TITLES.en} ${quote.number}`);
  pdf.font('Helvetica').fontSize(10).text(`${quote.customerName}  ${quote.externalDocumentNumber}  ${quote.documentDate}`);
  pdf.moveDown();
  for (const line of quote.lines) pdf.text(`${line.lineObjectNumber}  ${line.description}  ${line.quantity}  ${line.unitPrice.toFixed(2)}  ${line.discountPercent}  ${line.amount.toFixed(2)}`);
  pdf.moveDown();
  pdf.text(`${quote.totalExcludingTax.toFixed(2)}  ${quote.totalIncludingTax.toFixed(2)}`);
  pdf.end();
  return done;
}
