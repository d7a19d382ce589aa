/** A spreadsheet-like source: its header, then its data rows, each with the row number a person sees. */
export interface TableRow {
  /** 1-based, as a spreadsheet or text editor shows it; the header is row 1. */
  row: number;
  cells: string[];
}

export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`}`);
    this.name = 'ImportError';
  }
}

/** Why a file's content cannot be read as a table, worded to follow the file's name. */
export class TableError extends Error {
  override name = 'TableError';
}
