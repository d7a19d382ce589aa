export type Language = 'fi' | 'en';

/** Finnish unless the salesperson reads English; other languages get Finnish, the seller's own. */
export function languageFor(code: string | null | undefined): Language {
  return code === 'en' ? 'en' : 'fi';
}

export interface Texts {
  subjectCreated(offer: string, customer: string): string;
  subjectReview(offer: string, customer: string): string;
  subjectNoOffer(subject: string): string;
  greeting(name: string): string;
  created(offer: string): string;
  review(offer: string): string;
  noOffer: string;
  customer: string;
  unknownCustomer: string;
  request: string;
  columns: { position: string; requested: string; product: string; quantity: string; price: string; total: string; confidence: string };
  unmatched: string;
  toReview: string;
  totals(net: string, vat: string, gross: string, currency: string): string;
  footer(run: number): string;
}

export const TEXTS: Record<Language, Texts> = {
  fi: {
    subjectCreated: (offer, customer) => `Tarjous ${offer} luotu: ${customer}`,
    subjectReview: (offer, customer) => `Tarkista tarjous ${offer}: ${customer}`,
    subjectNoOffer: (subject) => `Tarjouspyyntö odottaa käsittelyä: ${subject}`,
    greeting: (name) => `Hei ${name},`,
    created: (offer) => `Offerflow loi tarjouksen ${offer} ERP:iin tarjouspyynnön perusteella.`,
    review: (offer) => `Offerflow laati tarjouksen ${offer} ERP:iin. Tarkista se ennen lähettämistä.`,
    noOffer: 'Offerflow ei voinut laatia tarjousta tästä tarjouspyynnöstä. Käsittele se itse.',
    customer: 'Asiakas',
    unknownCustomer: 'ei tunnistettu',
    request: 'Pyyntö',
    columns: { position: '#', requested: 'Pyydetty', product: 'Tuote', quantity: 'Määrä', price: 'Hinta', total: 'Yhteensä', confidence: 'Varmuus' },
    unmatched: 'Tuotetta ei löytynyt',
    toReview: 'Tarkistettavaa',
    totals: (net, vat, gross, currency) => `Veroton ${net} ${currency}, ALV ${vat}, yhteensä ${gross} ${currency}`,
    footer: (run) => `Offerflow, ajo ${run}`,
  },
  en: {
    subjectCreated: (offer, customer) => `Offer ${offer} created: ${customer}`,
    subjectReview: (offer, customer) => `Please review offer ${offer}: ${customer}`,
    subjectNoOffer: (subject) => `Request for quotation needs you: ${subject}`,
    greeting: (name) => `Hi ${name},`,
    created: (offer) => `Offerflow created offer ${offer} in the ERP from a request for quotation.`,
    review: (offer) => `Offerflow drafted offer ${offer} in the ERP. Please review it before sending.`,
    noOffer: 'Offerflow could not draft an offer from this request. Please handle it yourself.',
    customer: 'Customer',
    unknownCustomer: 'not recognised',
    request: 'Request',
    columns: { position: '#', requested: 'Requested', product: 'Product', quantity: 'Qty', price: 'Price', total: 'Total', confidence: 'Confidence' },
    unmatched: 'No product found',
    toReview: 'To review',
    totals: (net, vat, gross, currency) => `Net ${net} ${currency}, VAT ${vat}, gross ${gross} ${currency}`,
    footer: (run) => `Offerflow, run ${run}`,
  },
};
