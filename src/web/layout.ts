import { WORKSPACE_LANGUAGES } from '../accounts/user.js';
import { html, type SafeHtml } from './html.js';
import { LANGUAGE_NAMES } from './i18n/messages.js';
import type { PageContext } from './page-context.js';

/** The form field and the header (for fetch and htmx) that carry a session's CSRF token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const csrfInput = (token: string) => html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;

function userBar(context: PageContext): SafeHtml | null {
  const { signedIn, t, language } = context;
  if (!signedIn) return null;
  const options = WORKSPACE_LANGUAGES.map((code) => html`<option value="${code}"${code === language ? html` selected` : ''}>${LANGUAGE_NAMES[code]}</option>`);
  return html`<nav class="user-bar" aria-label="${t.userMenu}">
      <span class="user-name">${signedIn.user.name}</span>
      <form method="post" action="/language" class="inline-form">
        ${csrfInput(signedIn.csrfToken)}
        <label for="language-select">${t.language}</label>
        <select id="language-select" name="language">${options}</select>
        <button type="submit" class="secondary">${t.changeLanguage}</button>
      </form>
      <form method="post" action="/logout" class="inline-form">
        ${csrfInput(signedIn.csrfToken)}
        <button type="submit">${t.signOut}</button>
      </form>
    </nav>`;
}

/** The workspace's sections, linked from the top bar. */
export type Section = 'inbox' | 'insight';

function mainNav(context: PageContext, current: Section | undefined): SafeHtml | null {
  const { signedIn, t } = context;
  if (!signedIn) return null;
  const link = (section: Section, href: string, text: string) => html`<li><a href="${href}"${section === current ? html` aria-current="page"` : ''}>${text}</a></li>`;
  return html`<nav class="main-nav" aria-label="${t.navigation}"><ul>${link('inbox', '/', t.navInbox)}${link('insight', '/insight', t.navInsight)}</ul></nav>`;
}

/**
 * Every page: one stylesheet from the package, no inline script or style (the CSP forbids
 * them), landmarks and a skip link for keyboard and screen-reader users. The session's CSRF
 * token also sits in a meta tag, for scripts that send it in the header.
 */
export interface LayoutOptions {
  /** Pages with two columns use the whole width of the screen. */
  wide?: boolean;
  /** Scripts of the package's assets, by file name: progressive enhancement only, the page works without them. */
  scripts?: string[];
  /** The top bar's link to this page is marked as the current one. */
  section?: Section;
}

export function layout(context: PageContext, title: string, body: SafeHtml, options: LayoutOptions = {}): SafeHtml {
  const scripts = (options.scripts ?? []).map((file) => html`<script src="/static/${file}" defer></script>`);
  const csrf = context.signedIn ? html`<meta name="csrf-token" content="${context.signedIn.csrfToken}">` : null;
  return html`<!doctype html>
<html lang="${context.language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · Offerflow</title>
  <link rel="stylesheet" href="/static/workspace.css">
  ${csrf}
  ${scripts}
</head>
<body>
  <a class="skip-link" href="#main">${context.t.skipToContent}</a>
  <header class="top-bar">
    <span class="brand">Offerflow</span>
    ${mainNav(context, options.section)}
    ${userBar(context)}
  </header>
  <main id="main" tabindex="-1"${options.wide ? html` class="wide"` : ''}>
    <h1>${title}</h1>
    ${body}
  </main>
</body>
</html>`;
}
