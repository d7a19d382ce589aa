const MB = 1024 * 1024;

/**
 * What one import file may hold. An import loads a whole ERP catalog, so these are far above the
 * attachment limits: a full Excel sheet (1,048,576 rows) of a typical catalog fits, while a broken
 * or hostile file is refused, naming the limit, before it costs the memory.
 */
export interface ImportLimits {
  /** Data rows of one file: the import keeps each row's key to find duplicates and writes all rows in one transaction. */
  maxRows: number;
  /** What an XLSX may unpack to in all; it is unpacked once, only to count, before exceljs reads it. */
  maxUnpackedBytes: number;
  /**
   * What xl/sharedStrings.xml may unpack to on its own. Sheet cells refer to shared strings by index,
   * anywhere in the sheet, so a streaming reader must keep them all (exceljs caches them as strings);
   * bounding the part is what bounds that cache. 128 MB holds the distinct texts of about a million
   * catalog rows, and takes exceljs about 220 MB of memory.
   */
  maxSharedStringsBytes: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxRows: 2_000_000,
  maxUnpackedBytes: 512 * MB,
  maxSharedStringsBytes: 128 * MB,
};

/**
 * One CSV row, in bytes, for imports and attachments alike. A real row is a few hundred bytes; the
 * bound is what stops one unclosed quote from making the parser hold the rest of the file.
 */
export const MAX_CSV_ROW_BYTES = MB;

/**
 * The longest value each column takes, in characters, across every import kind: room for what an
 * ERP holds in that field, so that a runaway cell (a whole file pasted into one) is refused by row
 * and column instead of being stored. Codes and numbers 64, names 200, an email address the 254 a
 * mail path may have; a parsed value (price, date, percentage) only needs to be long enough to be
 * told what is wrong with it.
 */
export const MAX_CELL_LENGTH = {
  sku: 64,
  name: 200,
  extra_name: 200,
  ean: 32,
  supplier_code: 1000,
  unit: 16,
  price: 32,
  vat_rate: 16,
  group: 64,
  units: 500,
  number: 64,
  business_id: 32,
  vat: 32,
  email: 254,
  domains: 1000,
  seller_number: 64,
  pricelist: 64,
  street: 200,
  postal_code: 16,
  city: 100,
  country: 64,
  phone: 64,
  role: 100,
  language: 16,
  discount: 16,
  min_qty: 32,
  valid_from: 32,
  valid_to: 32,
  customer: 64,
  code: 64,
  description: 200,
  reference: 100,
} as const;

export type Column = keyof typeof MAX_CELL_LENGTH;
