/**
 * Text laid out in columns (a PDF table row, tab stops in a document) keeps its columns apart by
 * runs of spaces or tabs; one TAB per gap makes a row read like a table row. A single space stays
 * a space, since it separates words within a cell.
 */
export function columnsLine(text: string): string {
  return text.trim().replace(/ *\t[\t ]*| {2,}/g, '\t');
}
