import type { OfferDocumentSource } from '../ports.js';
import { quoted, type BcClient } from './client.js';
import { codeValue } from './codes.js';
import { z } from 'zod';
import { isPricingScratch } from './mapper.js';

/** What a quote's print needs of it: its key, and whether it is a scratch quote of pricing's. */
const printable = z.looseObject({ id: z.string(), externalDocumentNumber: z.string().nullish() });

/** The cultures BC's reports are asked for by Accept-Language: Finland's Swedish reports are Sweden's. */
const CULTURES: Record<string, string> = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-US' };

/**
 * The quote as Business Central prints it (its Standard Sales - Quote report, with the seller's
 * own layout), fetched as the API documents it: `salesQuotes({id})/pdfDocument` links to the
 * `pdfDocumentContent` media, rendered in the Accept-Language's culture.
 */
export class BcQuoteDocuments implements OfferDocumentSource {
  constructor(private readonly client: BcClient) {}

  async pdf(offerNumber: string, language: string): Promise<Buffer | null> {
    const code = codeValue(offerNumber);
    if (code === null) return null;
    const [quote] = await this.client.all('/salesQuotes', { $filter: `number eq ${quoted(code)}`, $select: 'id,externalDocumentNumber' }, printable);
    if (!quote || isPricingScratch({ externalDocumentNumber: quote.externalDocumentNumber ?? null })) return null;
    return this.client.media(`/salesQuotes(${quote.id})/pdfDocument/pdfDocumentContent`, CULTURES[language] ?? CULTURES.en!);
  }
}
