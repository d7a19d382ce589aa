import { randomUUID } from 'node:crypto';
import { add, multiply, percentOf, subtract, toCents } from '../../../domain/money.js';
import { BLANK_GUID, SALES_QUOTE_LINES, SALES_QUOTES, type EntitySet } from './entities.js';
import { badRequest, dialogError, ODataError } from './odata-error.js';
import { bestPrice, PRICE_LIST_LINES, priceListLineFrom, type BcLinePrice } from './price-lists.js';
import { BC_SIM_LOCAL_CURRENCY, vatGroupOf } from './seed.js';
import type { BcSimulatorStore, Doc, StoredRecord } from './store.js';
import { parseWriteBody } from './write-body.js';

/** BC's blank date, which it answers for a date that is not set. */
const BLANK_DATE = '0001-01-01';
const BLANK_DATETIME = '0001-01-01T00:00:00Z';
const QUOTE_SERIES = 'S-QUO';
const FIRST_QUOTE_NUMBER = 1001;
const LINE_STEP = 10_000;
/** Line types whose objects the simulator holds; the others (Account, Resource, …) need tables it has not got. */
const SIMULATED_LINE_TYPES = new Set(['Comment', 'Item']);
const LINE_TYPES = new Set(['Comment', 'Account', 'Item', 'Resource', 'Fixed_x0020_Asset', 'Charge', 'Allocation_x0020_Account']);

export interface QuoteContext {
  store: BcSimulatorStore;
  companyId: string;
  /** The write's time: lastModifiedDateTime, and the work date a new quote is dated by. */
  now: string;
  /** Whether a POST may name the new record's id (the `clientIds` variant). */
  acceptsClientIds: boolean;
  /** Whether a write that sets a read-only property is refused or has it dropped (the `readOnlyWrites` variant). */
  ignoresReadOnly: boolean;
}

/** A document in the entity set's property order, as BC's pages answer it. */
function ordered(set: EntitySet, values: Record<string, unknown>): Doc {
  return Object.fromEntries(Object.keys(set.properties).map((name) => [name, values[name]])) as Doc;
}

const relationError = (field: string, table: string, related: string, value: string) =>
  new ODataError(400, 'Internal_InvalidTableRelation', `The field ${field} of table ${table} contains a value (${value}) that cannot be found in the related table (${related}).`);

/** The record named by its id, its number, or both (which must then agree); null when neither is given. */
async function byIdOrNumber(ctx: QuoteContext, set: string, id: unknown, number: unknown, unknown: () => ODataError, mismatch: () => ODataError): Promise<StoredRecord | null> {
  if (id === undefined && number === undefined) return null;
  const byId = id === undefined ? null : await ctx.store.get(set, ctx.companyId, String(id));
  const byNumber = number === undefined ? null : await ctx.store.findBy(set, ctx.companyId, 'number', String(number));
  if ((id !== undefined && !byId) || (number !== undefined && !byNumber)) throw unknown();
  if (byId && byNumber && byId.doc.id !== byNumber.doc.id) throw mismatch();
  return byId ?? byNumber;
}

async function customerBy(ctx: QuoteContext, id: unknown, number: unknown, role: 'sell-to' | 'bill-to'): Promise<Doc | null> {
  const found = await byIdOrNumber(
    ctx,
    'customers',
    id,
    number,
    () => dialogError(`The ${role} customer cannot be found.`),
    () => dialogError(`The ${role} customer values do not match to a specific Customer.`),
  );
  return found?.doc ?? null;
}

async function checkSalesperson(ctx: QuoteContext, code: string): Promise<void> {
  if (code === '') return;
  if (!(await ctx.store.findBy('salespeoplePurchasers', ctx.companyId, 'code', code))) throw relationError('Salesperson Code', 'Sales Header', 'Salesperson/Purchaser', code);
}

function checkUnsimulatedRelations(values: Record<string, unknown>): void {
  const blank = (name: string) => values[name] === undefined || values[name] === BLANK_GUID;
  if (!blank('currencyId')) throw dialogError('The "currencyId" does not match to a Currency.');
  if (values.currencyCode !== undefined && values.currencyCode !== '' && values.currencyCode !== BC_SIM_LOCAL_CURRENCY) throw dialogError('The "currencyCode" does not match to a Currency.');
  if (!blank('paymentTermsId')) throw dialogError('The "paymentTermsId" does not match to a Payment Terms.');
  if (!blank('shipmentMethodId')) throw dialogError('The "shipmentMethodId" does not match to a Shipment Method.');
  for (const dimension of ['shortcutDimension1Code', 'shortcutDimension2Code']) {
    const value = values[dimension];
    if (typeof value === 'string' && value !== '') throw relationError(dimension === 'shortcutDimension1Code' ? 'Shortcut Dimension 1 Code' : 'Shortcut Dimension 2 Code', 'Sales Header', 'Dimension Value', value);
  }
  if (values.discountAmount !== undefined && values.discountAmount !== 0) throw badRequest('An invoice discount (discountAmount) is valid in BC but the Business Central simulator does not apply one.');
}

const addressOf = (prefix: string, customer: Doc) => ({
  [`${prefix}AddressLine1`]: customer.addressLine1,
  [`${prefix}AddressLine2`]: customer.addressLine2,
  [`${prefix}City`]: customer.city,
  [`${prefix}Country`]: customer.country,
  [`${prefix}State`]: customer.state,
  [`${prefix}PostCode`]: customer.postalCode,
});

/**
 * What validating the sell-to customer pulls onto a Sales Header: its name, addresses, contact
 * and salesperson. (BC leaves out a privacy-blocked salesperson, and refuses a blocked one; the
 * simulator's salespeople are seeded unblocked and cannot be changed through the API.)
 */
function sellToDefaults(customer: Doc): Record<string, unknown> {
  return {
    customerId: customer.id,
    customerNumber: customer.number,
    customerName: customer.displayName,
    shipToName: customer.displayName,
    shipToContact: '',
    ...addressOf('sellTo', customer),
    ...addressOf('shipTo', customer),
    phoneNumber: customer.phoneNumber,
    email: customer.email,
    salesperson: customer.salespersonCode,
    ...billToDefaults(customer),
  };
}

const billToDefaults = (customer: Doc) => ({ billToCustomerId: customer.id, billToCustomerNumber: customer.number, billToName: customer.displayName, ...addressOf('billTo', customer) });

/** The header fields of a POST or PATCH applied onto a quote, with what BC derives from them. */
async function applyHeader(ctx: QuoteContext, current: Record<string, unknown>, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  checkUnsimulatedRelations(values);
  const sellTo = await customerBy(ctx, values.customerId, values.customerNumber, 'sell-to');
  const billTo = await customerBy(ctx, values.billToCustomerId, values.billToCustomerNumber, 'bill-to');
  const next: Record<string, unknown> = { ...current, ...(sellTo ? sellToDefaults(sellTo) : {}), ...(billTo ? billToDefaults(billTo) : {}), ...values };
  // With no payment terms the due date is the document date, recalculated when that changes.
  if (values.documentDate !== undefined && values.dueDate === undefined) next.dueDate = values.documentDate;
  if (values.currencyCode === '') next.currencyCode = BC_SIM_LOCAL_CURRENCY;
  if (typeof values.salesperson === 'string') await checkSalesperson(ctx, values.salesperson);
  return next;
}

export async function createQuote(ctx: QuoteContext, body: unknown): Promise<StoredRecord> {
  const { values, nested } = parseWriteBody(SALES_QUOTES, body, { allowId: ctx.acceptsClientIds, ignoreReadOnly: ctx.ignoresReadOnly, nested: ['salesQuoteLines'] });
  if (values.customerId === undefined && values.customerNumber === undefined) throw dialogError('A "customerNumber" or a "customerId" must be provided.');
  const id = String(values.id ?? randomUUID());
  if (await ctx.store.get('salesQuotes', ctx.companyId, id)) throw new ODataError(409, 'Internal_EntityWithSameKeyExists', `The record in table Sales Header already exists. Identification fields and values: Id='${id}'`);
  const today = ctx.now.slice(0, 10);
  const blank = {
    id,
    externalDocumentNumber: '',
    documentDate: today,
    postingDate: today,
    dueDate: today,
    shortcutDimension1Code: '',
    shortcutDimension2Code: '',
    currencyId: BLANK_GUID,
    currencyCode: BC_SIM_LOCAL_CURRENCY,
    paymentTermsId: BLANK_GUID,
    shipmentMethodId: BLANK_GUID,
    discountAmount: 0,
    totalAmountExcludingTax: 0,
    totalTaxAmount: 0,
    totalAmountIncludingTax: 0,
    status: 'Draft',
    sentDate: BLANK_DATETIME,
    // The simulated company's Sales & Receivables Setup has no Quote Validity Calculation, so nothing defaults it.
    validUntilDate: BLANK_DATE,
    acceptedDate: BLANK_DATE,
    lastModifiedDateTime: ctx.now,
  };
  const header = await applyHeader(ctx, blank, values);
  const number = `${QUOTE_SERIES}${await ctx.store.nextNumber(ctx.companyId, QUOTE_SERIES, FIRST_QUOTE_NUMBER)}`;
  const quote = await ctx.store.insert({ set: 'salesQuotes', companyId: ctx.companyId, doc: ordered(SALES_QUOTES, { ...header, id, number }) });
  const lines = nested.salesQuoteLines;
  if (lines === undefined) return quote;
  if (!Array.isArray(lines)) throw badRequest('salesQuoteLines must be an array of lines.');
  for (const line of lines) await insertLine(ctx, quote.doc, line);
  return refreshTotals(ctx, id);
}

export async function patchQuote(ctx: QuoteContext, quote: StoredRecord, body: unknown): Promise<StoredRecord> {
  const { values } = parseWriteBody(SALES_QUOTES, body, { ignoreReadOnly: ctx.ignoresReadOnly });
  const next = await applyHeader(ctx, quote.doc, values);
  await ctx.store.update('salesQuotes', ordered(SALES_QUOTES, { ...next, lastModifiedDateTime: ctx.now }));
  return (await ctx.store.get('salesQuotes', ctx.companyId, quote.doc.id))!;
}

export async function deleteQuote(ctx: QuoteContext, quote: StoredRecord): Promise<void> {
  await ctx.store.deleteChildren('salesQuoteLines', quote.doc.id);
  await ctx.store.delete('salesQuotes', quote.doc.id);
}

/** Totals follow the lines; writing them is a write of the quote, so its ETag and lastModifiedDateTime move. */
async function refreshTotals(ctx: QuoteContext, quoteId: string): Promise<StoredRecord> {
  const quote = (await ctx.store.get('salesQuotes', ctx.companyId, quoteId))!;
  const lines = (await ctx.store.list('salesQuoteLines', ctx.companyId, quoteId)).map((r) => r.doc);
  const sum = (name: string) => Number(add(...lines.map((l) => String(l[name]))));
  await ctx.store.update('salesQuotes', {
    ...quote.doc,
    totalAmountExcludingTax: sum('netAmount'),
    totalTaxAmount: sum('netTaxAmount'),
    totalAmountIncludingTax: sum('netAmountIncludingTax'),
    lastModifiedDateTime: ctx.now,
  });
  return (await ctx.store.get('salesQuotes', ctx.companyId, quoteId))!;
}

/**
 * A line's amounts from its quantity, price, discount and VAT, rounded to cents as BC rounds
 * them: the line discount amount is rounded on its own and taken off the rounded gross, and
 * the VAT is what rounds the VAT of all the quote's lines of its VAT group together, less what
 * the others already carry (Sales Line's UpdateVATAmounts), so a quote's VAT is its net's.
 */
function withAmounts(line: Record<string, unknown>, discountAmountGiven: boolean, others: Doc[]): Record<string, unknown> {
  const gross = toCents(multiply(String(line.quantity), String(line.unitPrice)));
  let percent = String(line.discountPercent);
  if (discountAmountGiven) percent = Number(gross) === 0 ? '0' : String(Number(((Number(line.discountAmount) / Number(gross)) * 100).toFixed(5)));
  const discount = toCents(percentOf(gross, percent));
  const amount = subtract(gross, discount);
  const group = others.filter((other) => other.id !== line.id && other.taxCode === line.taxCode);
  const groupNet = add(amount, ...group.map((other) => String(other.netAmount)));
  const tax = subtract(toCents(percentOf(groupNet, String(line.taxPercent))), add('0', ...group.map((other) => String(other.netTaxAmount))));
  const including = add(amount, tax);
  return {
    ...line,
    discountPercent: Number(percent),
    discountAmount: Number(discount),
    amountExcludingTax: Number(amount),
    totalTaxAmount: Number(tax),
    amountIncludingTax: Number(including),
    netAmount: Number(amount),
    netTaxAmount: Number(tax),
    netAmountIncludingTax: Number(including),
  };
}

function itemFor(ctx: QuoteContext, values: Record<string, unknown>): Promise<StoredRecord | null> {
  return byIdOrNumber(
    ctx,
    'items',
    values.itemId,
    values.lineObjectNumber,
    () => dialogError('Item does not exist.'),
    () => dialogError('The value for "lineObjectNumber" cannot be modified.'),
  );
}

function lineTypeOf(values: Record<string, unknown>): string {
  const type = values.itemId !== undefined ? 'Item' : String(values.lineType ?? 'Comment');
  if (!LINE_TYPES.has(type)) throw badRequest(`The value '${type}' is not valid for the enum 'NAV.invoiceLineAggLineType'.`);
  if (!SIMULATED_LINE_TYPES.has(type)) throw badRequest(`lineType '${type}' is valid in BC but the Business Central simulator holds only Item and Comment lines.`);
  if (values.accountId !== undefined && values.accountId !== BLANK_GUID) throw dialogError(type === 'Item' ? 'Both "itemId" and "accountId" are specified. Specify only one of them.' : 'Account does not exist.');
  return type;
}

const PRICED = ['quantity', 'unitPrice', 'discountPercent', 'discountAmount'];

/**
 * BC's price for an item line of this quote: by the sell-to customer (and its price group),
 * the document date, the item (and its discount group) and the quantity. BC prices a quote by
 * its Order Date, which API v2.0 does not show and which the simulator takes to be the document date.
 */
async function bcPriceOf(ctx: QuoteContext, quote: Doc, item: StoredRecord, quantity: number): Promise<BcLinePrice> {
  const customer = await ctx.store.findBy('customers', ctx.companyId, 'number', String(quote.customerNumber));
  const lines = (await ctx.store.list(PRICE_LIST_LINES, ctx.companyId)).map((r) => priceListLineFrom(r.doc));
  return bestPrice(lines, {
    customerNumber: String(quote.customerNumber),
    priceGroup: String(customer?.hidden.priceGroup ?? ''),
    date: String(quote.documentDate),
    itemNumber: String(item.doc.number),
    discountGroup: String(item.hidden.discountGroup ?? ''),
    itemUnitPrice: Number(item.doc.unitPrice),
    quantity,
  });
}

async function insertLine(ctx: QuoteContext, quote: Doc, body: unknown): Promise<StoredRecord> {
  const { values } = parseWriteBody(SALES_QUOTE_LINES, body, { allowId: ctx.acceptsClientIds, ignoreReadOnly: ctx.ignoresReadOnly });
  if (values.documentId !== undefined && values.documentId !== quote.id) throw dialogError('The value for "documentId" cannot be modified.');
  const lineType = lineTypeOf(values);
  const siblings = (await ctx.store.list('salesQuoteLines', ctx.companyId, quote.id)).map((r) => r.doc);
  const sequence = Number(values.sequence ?? Math.max(0, ...siblings.map((l) => Number(l.sequence))) + LINE_STEP);
  if (siblings.some((l) => l.sequence === sequence)) throw dialogError('You cannot insert a line because a line already exists.');
  const id = String(values.id ?? randomUUID());
  if (await ctx.store.get('salesQuoteLines', ctx.companyId, id)) throw new ODataError(409, 'Internal_EntityWithSameKeyExists', `The record in table Sales Line already exists. Identification fields and values: SystemId='${id}'`);
  const item = lineType === 'Item' ? await itemFor(ctx, values) : null;
  if (lineType === 'Comment') {
    if (values.lineObjectNumber !== undefined && values.lineObjectNumber !== '') throw relationError('No.', 'Sales Line', 'Standard Text', String(values.lineObjectNumber));
    if (PRICED.some((name) => values[name] !== undefined && values[name] !== 0)) throw dialogError('Type must have a value in Sales Line. It cannot be zero or empty.');
  }
  const vatPercent = Number(item?.hidden.vatPercent ?? 0);
  // Validating the item and its quantity prices the line, as BC does; a price or discount sent stands.
  const priced = item ? await bcPriceOf(ctx, quote, item, Number(values.quantity ?? 0)) : null;
  const blank = {
    id,
    documentId: quote.id,
    sequence,
    itemId: item?.doc.id ?? BLANK_GUID,
    accountId: BLANK_GUID,
    lineType,
    lineObjectNumber: item?.doc.number ?? '',
    description: item?.doc.displayName ?? '',
    unitOfMeasureId: item?.doc.baseUnitOfMeasureId ?? BLANK_GUID,
    unitOfMeasureCode: item?.doc.baseUnitOfMeasureCode ?? '',
    unitPrice: priced?.unitPrice ?? 0,
    quantity: 0,
    discountAmount: 0,
    discountPercent: priced?.discountPercent ?? 0,
    discountAppliedBeforeTax: item !== null,
    taxCode: item ? vatGroupOf(vatPercent) : '',
    taxPercent: vatPercent,
    itemVariantId: BLANK_GUID,
    locationId: BLANK_GUID,
  };
  const line = withAmounts({ ...blank, ...values, id, documentId: quote.id, sequence, lineType }, values.discountAmount !== undefined && values.discountPercent === undefined, siblings);
  if (values.taxCode !== undefined && values.taxCode !== blank.taxCode) throw relationError('VAT Prod. Posting Group', 'Sales Line', 'VAT Product Posting Group', String(values.taxCode));
  return ctx.store.insert({ set: 'salesQuoteLines', companyId: ctx.companyId, parentId: quote.id, doc: ordered(SALES_QUOTE_LINES, line) });
}

export async function createLine(ctx: QuoteContext, quote: StoredRecord, body: unknown): Promise<StoredRecord> {
  const line = await insertLine(ctx, quote.doc, body);
  await refreshTotals(ctx, quote.doc.id);
  return line;
}

/**
 * A new quantity re-runs the price search: the line discount is found again, and the unit
 * price too when a price list line gives one (with none found, BC keeps the line's current
 * unit price). What the same write sends is applied after, so it stands.
 */
async function repriced(ctx: QuoteContext, current: Doc, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (current.lineType !== 'Item' || values.quantity === undefined || values.quantity === current.quantity) return {};
  const quote = await ctx.store.get('salesQuotes', ctx.companyId, String(current.documentId));
  const item = await ctx.store.get('items', ctx.companyId, String(current.itemId));
  if (!quote || !item) return {};
  const priced = await bcPriceOf(ctx, quote.doc, item, Number(values.quantity));
  return { discountPercent: priced.discountPercent, ...(priced.fromPriceList ? { unitPrice: priced.unitPrice } : {}) };
}

export async function patchLine(ctx: QuoteContext, line: StoredRecord, body: unknown): Promise<StoredRecord> {
  const { values } = parseWriteBody(SALES_QUOTE_LINES, body, { ignoreReadOnly: ctx.ignoresReadOnly });
  const current = line.doc;
  if (values.documentId !== undefined && values.documentId !== current.documentId) throw dialogError('The value for "documentId" cannot be modified.');
  if (values.sequence !== undefined && values.sequence !== current.sequence) throw dialogError('The value for sequence cannot be modified. Delete and insert the line again.');
  const changesItem = (values.lineObjectNumber !== undefined && values.lineObjectNumber !== current.lineObjectNumber) || (values.itemId !== undefined && values.itemId !== current.itemId);
  if (changesItem || (values.lineType !== undefined && values.lineType !== current.lineType)) throw dialogError('The value for "lineObjectNumber" cannot be modified.');
  if (current.lineType === 'Comment' && PRICED.some((name) => values[name] !== undefined && values[name] !== 0)) throw dialogError('Type must have a value in Sales Line. It cannot be zero or empty.');
  if (values.taxCode !== undefined && values.taxCode !== current.taxCode) throw badRequest('Changing a line\'s taxCode is valid in BC but the Business Central simulator keeps the item\'s VAT group.');
  const siblings = (await ctx.store.list('salesQuoteLines', ctx.companyId, String(current.documentId))).map((r) => r.doc);
  const next = withAmounts({ ...current, ...(await repriced(ctx, current, values)), ...values }, values.discountAmount !== undefined && values.discountPercent === undefined, siblings);
  await ctx.store.update('salesQuoteLines', ordered(SALES_QUOTE_LINES, next));
  await refreshTotals(ctx, String(current.documentId));
  return (await ctx.store.get('salesQuoteLines', ctx.companyId, current.id))!;
}

export async function deleteLine(ctx: QuoteContext, line: StoredRecord): Promise<void> {
  await ctx.store.delete('salesQuoteLines', line.doc.id);
  await refreshTotals(ctx, String(line.doc.documentId));
}
