/**
 * Headers that machines set on mail no person wrote as a request: auto-replies, bulk. A mailing
 * list's own headers (List-Id, List-Unsubscribe, "Precedence: list") are not among them: a site
 * team's group list carries real requests; a newsletter is told apart by its bulk precedence,
 * its subject, or by asking for nothing.
 */
const AUTOMATED_HEADERS: [string, (value: string) => boolean][] = [
  ['auto-submitted', (v) => !/^\s*no\b/i.test(v)],
  ['x-autoreply', () => true],
  ['x-autorespond', () => true],
  ['x-auto-reply', () => true],
  ['precedence', (v) => /\b(bulk|junk|auto_reply)\b/i.test(v)],
];

/** The first header that marks the mail as automated, as "Name: value", or null. */
export function automatedBy(headerLines: readonly { key: string; line: string }[]): string | null {
  for (const [name, applies] of AUTOMATED_HEADERS) {
    const header = headerLines.find((h) => h.key.toLowerCase() === name);
    if (!header) continue;
    const value = header.line.slice(header.line.indexOf(':') + 1).trim();
    if (applies(value)) return `${header.line.slice(0, header.line.indexOf(':'))}: ${value}`.slice(0, 120);
  }
  return null;
}
