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
   * catalog rows.
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
