import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

export function notFoundPage(context: PageContext): SafeHtml {
  return layout(context, context.t.notFoundTitle, html`<p class="message error" role="alert">${context.t.notFound}</p>`);
}
