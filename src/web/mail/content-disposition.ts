/** What RFC 5987 lets stand in `filename*` unencoded; encodeURIComponent also leaves ' ( ) * alone. */
const encodeRfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A download under the customer's file name, never shown in the page: `filename` in plain
 * ASCII for old clients (anything else, quotes, backslashes and path separators become `_`),
 * `filename*` in UTF-8 for the rest. Control characters are dropped first, so no name can end
 * the header or start another.
 */
export function attachmentDisposition(filename: string): string {
  // eslint-disable-next-line no-control-regex
  const name = filename.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'attachment';
  const ascii = name.replace(/[^\x20-\x7e]|["\\/%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name.replace(/[/\\]/g, '_'))}`;
}

/** Types that no browser runs as a page or script; anything else is sent as bytes. */
const SHOWN_AS_THEMSELVES = new Set([
  'application/pdf',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'image/png',
  'image/jpeg',
  'image/gif',
]);

export function downloadType(contentType: string): string {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return SHOWN_AS_THEMSELVES.has(type) ? type : 'application/octet-stream';
}
