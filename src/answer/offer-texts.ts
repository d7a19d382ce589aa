import type { DocumentLanguage } from './document-language.js';

export interface OfferTexts {
  title: string;
  number: string;
  date: string;
  validUntil: string;
  customerReference: string;
  customerNumber: string;
  businessId: string;
  vatNumber: string;
  contact: string;
  columns: { position: string; product: string; customerCode: string; quantity: string; unit: string; unitPrice: string; discount: string; total: string };
  net: string;
  vat(rate: string): string;
  gross: string;
  paymentTerms: string;
  deliveryTerms: string;
  bank: string;
  page(n: number, of: number): string;
  /** The seller's unit codes as this language writes them; a code not here is printed as it is. */
  units: Record<string, string>;
}

export const OFFER_TEXTS: Record<DocumentLanguage, OfferTexts> = {
  fi: {
    title: 'TARJOUS',
    number: 'Tarjousnumero',
    date: 'Päiväys',
    validUntil: 'Voimassa',
    customerReference: 'Viitteenne',
    customerNumber: 'Asiakasnumero',
    businessId: 'Y-tunnus',
    vatNumber: 'ALV-tunniste',
    contact: 'Yhteyshenkilö',
    columns: { position: '#', product: 'Tuote', customerCode: 'Koodinne', quantity: 'Määrä', unit: 'Yks.', unitPrice: 'À-hinta', discount: 'Ale %', total: 'Yhteensä' },
    net: 'Veroton yhteensä',
    vat: (rate) => `ALV ${rate} %`,
    gross: 'Yhteensä (sis. ALV)',
    paymentTerms: 'Maksuehto',
    deliveryTerms: 'Toimitusehto',
    bank: 'Pankki',
    page: (n, of) => `Sivu ${n}/${of}`,
    units: { kpl: 'kpl', pr: 'pari', m: 'm', pkt: 'pkt', rll: 'rll', kela: 'kela', ltk: 'ltk', tnk: 'tanko', l: 'l', kg: 'kg', set: 'sarja' },
  },
  sv: {
    title: 'OFFERT',
    number: 'Offertnummer',
    date: 'Datum',
    validUntil: 'Giltig till',
    customerReference: 'Er referens',
    customerNumber: 'Kundnummer',
    businessId: 'FO-nummer',
    vatNumber: 'Momsnummer',
    contact: 'Kontaktperson',
    columns: { position: '#', product: 'Produkt', customerCode: 'Er kod', quantity: 'Antal', unit: 'Enh.', unitPrice: 'À-pris', discount: 'Rab. %', total: 'Summa' },
    net: 'Summa exkl. moms',
    vat: (rate) => `Moms ${rate} %`,
    gross: 'Summa inkl. moms',
    paymentTerms: 'Betalningsvillkor',
    deliveryTerms: 'Leveransvillkor',
    bank: 'Bank',
    page: (n, of) => `Sida ${n}/${of}`,
    units: { kpl: 'st', pr: 'par', m: 'm', pkt: 'fpk', rll: 'rulle', kela: 'trumma', ltk: 'låda', tnk: 'stång', l: 'l', kg: 'kg', set: 'sats' },
  },
  en: {
    title: 'QUOTATION',
    number: 'Quotation no.',
    date: 'Date',
    validUntil: 'Valid until',
    customerReference: 'Your reference',
    customerNumber: 'Customer no.',
    businessId: 'Business ID',
    vatNumber: 'VAT no.',
    contact: 'Contact',
    columns: { position: '#', product: 'Product', customerCode: 'Your code', quantity: 'Qty', unit: 'Unit', unitPrice: 'Unit price', discount: 'Disc. %', total: 'Total' },
    net: 'Total excl. VAT',
    vat: (rate) => `VAT ${rate} %`,
    gross: 'Total incl. VAT',
    paymentTerms: 'Payment terms',
    deliveryTerms: 'Delivery terms',
    bank: 'Bank',
    page: (n, of) => `Page ${n} of ${of}`,
    units: { kpl: 'pcs', pr: 'pair', m: 'm', pkt: 'pack', rll: 'roll', kela: 'reel', ltk: 'box', tnk: 'length', l: 'l', kg: 'kg', set: 'set' },
  },
};
