/**
 * The entity sets the simulator serves, with their properties in the order and with the
 * types of the APIV2 pages (microsoft/BCApps Apps/W1/APIV2/app/src/pages): the one table that
 * `$filter`, `$select`, `$orderby` and the write bodies are checked against.
 */
export type PropertyType = 'guid' | 'string' | 'number' | 'boolean' | 'date' | 'datetime';

export interface Property {
  type: PropertyType;
  /** Code[n] / Text[n]: a longer filter value or write is an error, as BC's field lengths are. */
  maxLength?: number;
  /** Code fields: BC stores them upper-cased. */
  code?: boolean;
  /** Editable = false on the page. */
  readOnly?: boolean;
  /** An enum, which travels as its member name. */
  enum?: boolean;
}

export interface EntitySet {
  /** The OData type name used in `@odata.context` and error messages: `Microsoft.NAV.{entity}`. */
  entity: string;
  properties: Record<string, Property>;
  /** What BC lists by when no `$orderby` is given: the source table's primary key. */
  defaultOrder: string;
}

const guid = (readOnly = false): Property => ({ type: 'guid', readOnly });
const code = (maxLength: number, readOnly = false): Property => ({ type: 'string', maxLength, code: true, readOnly });
const text = (maxLength: number, readOnly = false): Property => ({ type: 'string', maxLength, readOnly });
const num = (readOnly = false): Property => ({ type: 'number', readOnly });
const bool = (readOnly = false): Property => ({ type: 'boolean', readOnly });
const date = (readOnly = false): Property => ({ type: 'date', readOnly });
const datetime = (readOnly = false): Property => ({ type: 'datetime', readOnly });
const enumOf = (readOnly = false): Property => ({ type: 'string', enum: true, readOnly });

/**
 * Schema 2.0 writes a member name's spaces as `_x0020_`, so the blank member is `_x0020_`
 * (dev-itpro/api-reference/v2.0/api/dynamics_itemledgerentry_get.md); the customer examples
 * show it as " ". The `blankEnumMember` variant answers the other.
 */
export const BLANK_ENUM_MEMBER = '_x0020_';

export const COMPANIES: EntitySet = {
  entity: 'company',
  defaultOrder: 'name',
  properties: {
    id: guid(true),
    systemVersion: text(250, true),
    timestamp: num(true),
    name: text(30, true),
    displayName: text(250, true),
    businessProfileId: text(250, true),
    systemCreatedAt: datetime(true),
    systemCreatedBy: guid(true),
    systemModifiedAt: datetime(true),
    systemModifiedBy: guid(true),
  },
};

export const CUSTOMERS: EntitySet = {
  entity: 'customer',
  defaultOrder: 'number',
  properties: {
    id: guid(true),
    number: code(20),
    displayName: text(100),
    type: enumOf(),
    addressLine1: text(100),
    addressLine2: text(50),
    city: text(30),
    state: text(30),
    country: code(10),
    postalCode: code(20),
    phoneNumber: text(30),
    email: text(80),
    website: text(255),
    salespersonCode: code(20),
    balanceDue: num(true),
    creditLimit: num(),
    taxLiable: bool(),
    taxAreaId: guid(),
    taxAreaDisplayName: text(100, true),
    taxRegistrationNumber: text(20),
    currencyId: guid(),
    currencyCode: code(10),
    paymentTermsId: guid(),
    shipmentMethodId: guid(),
    paymentMethodId: guid(),
    blocked: enumOf(),
    lastModifiedDateTime: datetime(true),
  },
};

export const ITEMS: EntitySet = {
  entity: 'item',
  defaultOrder: 'number',
  properties: {
    id: guid(true),
    number: code(20),
    displayName: text(100),
    displayName2: text(50),
    type: enumOf(),
    itemCategoryId: guid(),
    itemCategoryCode: code(20),
    blocked: bool(),
    gtin: code(14),
    inventory: num(true),
    unitPrice: num(),
    priceIncludesTax: bool(),
    unitCost: num(),
    taxGroupId: guid(),
    taxGroupCode: code(20),
    baseUnitOfMeasureId: guid(),
    baseUnitOfMeasureCode: code(10),
    generalProductPostingGroupId: guid(),
    generalProductPostingGroupCode: code(20),
    inventoryPostingGroupId: guid(),
    inventoryPostingGroupCode: code(20),
    lastModifiedDateTime: datetime(true),
  },
};

export const SALESPEOPLE: EntitySet = {
  entity: 'salespersonPurchaser',
  defaultOrder: 'code',
  properties: {
    id: guid(true),
    code: code(20),
    displayName: text(50),
    email: text(80),
    email2: text(80),
    phoneNo: text(30),
    jobTitle: text(30),
    commisionPercent: num(),
    privacyBlocked: bool(),
    blocked: bool(),
    lastModifiedDateTime: datetime(true),
  },
};

const address = (prefix: string): Record<string, Property> => ({
  [`${prefix}AddressLine1`]: text(100),
  [`${prefix}AddressLine2`]: text(50),
  [`${prefix}City`]: text(30),
  [`${prefix}Country`]: code(10),
  [`${prefix}State`]: text(30),
  [`${prefix}PostCode`]: code(20),
});

export const SALES_QUOTES: EntitySet = {
  entity: 'salesQuote',
  defaultOrder: 'number',
  properties: {
    id: guid(true),
    number: code(20, true),
    externalDocumentNumber: code(35),
    documentDate: date(),
    postingDate: date(),
    dueDate: date(),
    customerId: guid(),
    customerNumber: code(20),
    customerName: text(100, true),
    billToName: text(100, true),
    billToCustomerId: guid(),
    billToCustomerNumber: code(20),
    shipToName: text(100),
    shipToContact: text(100),
    ...address('sellTo'),
    ...address('billTo'),
    ...address('shipTo'),
    shortcutDimension1Code: code(20),
    shortcutDimension2Code: code(20),
    currencyId: guid(),
    currencyCode: code(10),
    paymentTermsId: guid(),
    shipmentMethodId: guid(),
    salesperson: code(20),
    discountAmount: num(),
    totalAmountExcludingTax: num(true),
    totalTaxAmount: num(true),
    totalAmountIncludingTax: num(true),
    status: enumOf(true),
    sentDate: datetime(),
    validUntilDate: date(),
    acceptedDate: date(),
    lastModifiedDateTime: datetime(true),
    phoneNumber: text(30),
    email: text(80),
  },
};

export const SALES_QUOTE_LINES: EntitySet = {
  entity: 'salesQuoteLine',
  defaultOrder: 'sequence',
  properties: {
    id: guid(true),
    documentId: guid(),
    sequence: num(),
    itemId: guid(),
    accountId: guid(),
    lineType: enumOf(),
    lineObjectNumber: code(20),
    description: text(100),
    unitOfMeasureId: guid(),
    unitOfMeasureCode: code(10),
    unitPrice: num(),
    quantity: num(),
    discountAmount: num(),
    discountPercent: num(),
    discountAppliedBeforeTax: bool(true),
    amountExcludingTax: num(true),
    taxCode: code(20),
    taxPercent: num(true),
    totalTaxAmount: num(true),
    amountIncludingTax: num(true),
    netAmount: num(),
    netTaxAmount: num(true),
    netAmountIncludingTax: num(true),
    itemVariantId: guid(),
    locationId: guid(),
  },
};

/** The empty GUID BC writes for a relation that is not set. */
export const BLANK_GUID = '00000000-0000-0000-0000-000000000000';
