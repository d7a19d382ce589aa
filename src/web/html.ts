/**
 * HTML is written with the `html` tag: every interpolated value is escaped unless it is itself
 * SafeHtml (made by this tag), so text from a mail, the ERP or a user can only ever be text.
 * A tag of our own rather than a template engine: pages are TypeScript functions, type-checked
 * with their data, and there is no second language whose autoescape settings could be wrong.
 *
 * Escaping covers text and quoted attribute values. It does not make a URL safe: an `href`
 * or `src` takes only paths built by the code, never a URL taken from outside.
 */
const SAFE = Symbol('SafeHtml');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly html: string;
}

export type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const isSafe = (value: unknown): value is SafeHtml => typeof value === 'object' && value !== null && SAFE in value;

function rendered(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (isSafe(value)) return value.html;
  if (Array.isArray(value)) return value.map(rendered).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => (out += rendered(value) + strings[i + 1]!));
  return { [SAFE]: true, html: out };
}

/**
 * Markup that a maintained sanitiser has already cleaned (the customer's mail, see
 * mail/sanitize-mail-html.ts): the one way in for HTML not written by this code. Never for
 * anything else.
 */
export function sanitizedMarkup(markup: string): SafeHtml {
  return { [SAFE]: true, html: markup };
}
