/** BC's Code[20]: a number, sku or salesperson code is kept upper-cased, and a longer filter value is an error rather than no match. */
const CODE_LENGTH = 20;

/** The value to filter a Code[20] field by, or null when nothing can match it. */
export function codeValue(value: string): string | null {
  const code = value.trim().toUpperCase();
  return code.length > 0 && code.length <= CODE_LENGTH ? code : null;
}
