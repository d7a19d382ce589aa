import { compare, equal, multiply, percentOf, subtract, toCents } from '../../domain/money.js';
import { vatByRate } from '../../pricing/offer-totals.js';
import type { OfferDraft, OfferLine } from '../../domain/offer.js';
import { at, childrenNamed, el, parseXml, requiredText, textAt, xmlDocument, XmlReadError, type XmlElement, type XmlNode } from './xml.js';

/**
 * The one module that knows both an OASIS UBL 2.1 Quotation and the domain's offer, in both
 * directions. Where each of ours goes:
 *
 * - our reference: the Quotation's `cbc:ID`, the same in every revision: what the ERP's import
 *   matches an offer by and echoes in its acknowledgement;
 * - our offer number and the revision: an `AdditionalDocumentReference` of type
 *   "Offerflow offer" whose `VersionID` is the revision (1, 2, …): a higher one replaces a lower;
 * - the customer's own reference: `RequestForQuotationDocumentReference`;
 * - the salesperson: the seller party's `Contact/ID`; the customer: the buyer party's
 *   `SupplierAssignedAccountID` (our customer number) and name;
 * - each line: `QuotationLine/ID` its position, `SellersItemIdentification` our sku, the discount an
 *   allowance whose `MultiplierFactorNumeric` is the percentage over 100.
 */

const NAMESPACES = {
  xmlns: 'urn:oasis:names:specification:ubl:schema:xsd:Quotation-2',
  'xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  'xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

const OFFER_DOCUMENT_TYPE = 'Offerflow offer';
/** ISO 6523 ICD 0037: the Finnish business id (Y-tunnus). */
const FINNISH_BUSINESS_ID = '0037';
/** UNCL 5189 code 95: a discount. */
const DISCOUNT_REASON = '95';

export interface Seller {
  name: string;
  businessId: string;
}

/** An offer as one revision of its document says it. */
export interface QuotationRevision {
  offer: OfferDraft;
  number: string;
  revision: number;
}

const amount = (name: string, value: string, currency: string) => el(name, value, { currencyID: currency });

function vatCategory(rate: string): XmlNode[] {
  return [el('cbc:ID', compare(rate, '0') === 0 ? 'Z' : 'S'), el('cbc:Percent', rate), el('cac:TaxScheme', [el('cbc:ID', 'VAT')])];
}

function sellerParty(seller: Seller, sellerNumber: string | null): XmlNode {
  const id = { schemeID: FINNISH_BUSINESS_ID };
  return el('cac:SellerSupplierParty', [
    el('cac:Party', [
      el('cac:PartyIdentification', [el('cbc:ID', seller.businessId, id)]),
      el('cac:PartyName', [el('cbc:Name', seller.name)]),
      el('cac:PartyLegalEntity', [el('cbc:RegistrationName', seller.name), el('cbc:CompanyID', seller.businessId, id)]),
      sellerNumber === null ? null : el('cac:Contact', [el('cbc:ID', sellerNumber)]),
    ]),
  ]);
}

function buyerParty(customer: OfferDraft['customer']): XmlNode | null {
  if (!customer) return null;
  return el('cac:BuyerCustomerParty', [el('cbc:SupplierAssignedAccountID', customer.number), el('cac:Party', [el('cac:PartyName', [el('cbc:Name', customer.name)])])]);
}

function taxTotal(offer: OfferDraft): XmlNode {
  const currency = offer.totals.currency;
  const subtotals = vatByRate(offer.lines).map((share) =>
    el('cac:TaxSubtotal', [amount('cbc:TaxableAmount', share.net, currency), amount('cbc:TaxAmount', share.vat, currency), el('cac:TaxCategory', vatCategory(share.rate))]),
  );
  return el('cac:TaxTotal', [amount('cbc:TaxAmount', offer.totals.vat, currency), ...subtotals]);
}

function discount(line: OfferLine, currency: string): XmlNode | null {
  if (equal(line.discountPercent, '0')) return null;
  const base = toCents(multiply(line.quantity, line.unitPrice));
  return el('cac:AllowanceCharge', [
    el('cbc:ChargeIndicator', 'false'),
    el('cbc:AllowanceChargeReasonCode', DISCOUNT_REASON),
    el('cbc:MultiplierFactorNumeric', percentOf(line.discountPercent, '1')),
    amount('cbc:Amount', toCents(subtract(base, line.lineTotal)), currency),
    amount('cbc:BaseAmount', base, currency),
  ]);
}

function quotationLine(line: OfferLine, currency: string): XmlNode {
  return el('cac:QuotationLine', [
    el('cbc:ID', String(line.position)),
    line.note === null ? null : el('cbc:Note', line.note),
    el('cac:LineItem', [
      el('cbc:ID', String(line.position)),
      el('cbc:Quantity', line.quantity, { unitCode: line.unit }),
      amount('cbc:LineExtensionAmount', line.lineTotal, currency),
      discount(line, currency),
      el('cac:Price', [amount('cbc:PriceAmount', line.unitPrice, currency)]),
      el('cac:Item', [el('cbc:Name', line.name), el('cac:SellersItemIdentification', [el('cbc:ID', line.sku)]), el('cac:ClassifiedTaxCategory', vatCategory(line.vatRate))]),
    ]),
  ]);
}

/**
 * The document for one revision of an offer. The schema wants at least one line, so an offer
 * without lines makes a document the adapter keeps for itself but never delivers.
 */
export function quotationXml({ offer, number, revision }: QuotationRevision, seller: Seller): string {
  const currency = offer.totals.currency;
  return xmlDocument(
    el(
      'Quotation',
      [
        el('cbc:UBLVersionID', '2.1'),
        el('cbc:ID', offer.reference),
        el('cbc:IssueDate', offer.date),
        offer.note === null ? null : el('cbc:Note', offer.note),
        el('cbc:PricingCurrencyCode', currency),
        el('cbc:LineCountNumeric', String(offer.lines.length)),
        el('cac:ValidityPeriod', [el('cbc:StartDate', offer.date), el('cbc:EndDate', offer.validUntil)]),
        offer.customerReference === null ? null : el('cac:RequestForQuotationDocumentReference', [el('cbc:ID', offer.customerReference)]),
        el('cac:AdditionalDocumentReference', [el('cbc:ID', number), el('cbc:DocumentType', OFFER_DOCUMENT_TYPE), el('cbc:VersionID', String(revision))]),
        sellerParty(seller, offer.sellerNumber),
        buyerParty(offer.customer),
        taxTotal(offer),
        el('cac:QuotedMonetaryTotal', [
          amount('cbc:LineExtensionAmount', offer.totals.net, currency),
          amount('cbc:TaxExclusiveAmount', offer.totals.net, currency),
          amount('cbc:TaxInclusiveAmount', offer.totals.gross, currency),
          amount('cbc:PayableAmount', offer.totals.gross, currency),
        ]),
        ...offer.lines.map((line) => quotationLine(line, currency)),
      ],
      NAMESPACES,
    ),
  );
}

function lineOf(node: XmlElement): OfferLine {
  const item = at(node, 'cac:LineItem');
  if (!item) throw new XmlReadError('has a QuotationLine without a LineItem');
  const factor = textAt(item, 'cac:AllowanceCharge', 'cbc:MultiplierFactorNumeric');
  const quantity = at(item, 'cbc:Quantity');
  return {
    position: Number(requiredText(node, 'cbc:ID')),
    sku: requiredText(item, 'cac:Item', 'cac:SellersItemIdentification', 'cbc:ID'),
    name: requiredText(item, 'cac:Item', 'cbc:Name'),
    quantity: requiredText(item, 'cbc:Quantity'),
    unit: quantity?.attribs['unitCode'] ?? '',
    unitPrice: requiredText(item, 'cac:Price', 'cbc:PriceAmount'),
    discountPercent: factor === null ? '0' : multiply(factor, '100'),
    vatRate: requiredText(item, 'cac:Item', 'cac:ClassifiedTaxCategory', 'cbc:Percent'),
    lineTotal: requiredText(item, 'cbc:LineExtensionAmount'),
    note: textAt(node, 'cbc:Note'),
  };
}

/** Reads back a document `quotationXml` wrote. */
export function quotationOf(xml: string): QuotationRevision {
  const root = parseXml(xml);
  if (root.name !== 'Quotation') throw new XmlReadError(`is a ${root.name}, not a UBL Quotation`);
  const ours = childrenNamed(root, 'cac:AdditionalDocumentReference').find((ref) => textAt(ref, 'cbc:DocumentType') === OFFER_DOCUMENT_TYPE);
  if (!ours) throw new XmlReadError(`has no AdditionalDocumentReference of type '${OFFER_DOCUMENT_TYPE}'`);
  const buyer = at(root, 'cac:BuyerCustomerParty');
  const currency = requiredText(root, 'cbc:PricingCurrencyCode');
  const offer: OfferDraft = {
    reference: requiredText(root, 'cbc:ID'),
    customer: buyer ? { number: requiredText(buyer, 'cbc:SupplierAssignedAccountID'), name: requiredText(buyer, 'cac:Party', 'cac:PartyName', 'cbc:Name') } : null,
    sellerNumber: textAt(root, 'cac:SellerSupplierParty', 'cac:Party', 'cac:Contact', 'cbc:ID'),
    customerReference: textAt(root, 'cac:RequestForQuotationDocumentReference', 'cbc:ID'),
    date: requiredText(root, 'cbc:IssueDate'),
    validUntil: requiredText(root, 'cac:ValidityPeriod', 'cbc:EndDate'),
    note: textAt(root, 'cbc:Note'),
    lines: childrenNamed(root, 'cac:QuotationLine').map(lineOf),
    totals: {
      net: requiredText(root, 'cac:QuotedMonetaryTotal', 'cbc:LineExtensionAmount'),
      vat: requiredText(root, 'cac:TaxTotal', 'cbc:TaxAmount'),
      gross: requiredText(root, 'cac:QuotedMonetaryTotal', 'cbc:TaxInclusiveAmount'),
      currency,
    },
  };
  return { offer, number: requiredText(ours, 'cbc:ID'), revision: Number(requiredText(ours, 'cbc:VersionID')) };
}
