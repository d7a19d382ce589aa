import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

export function refusedPage(context: PageContext): SafeHtml {
  return layout(context, 'Offerflow', html`<p class="message error" role="alert">${context.t.refused}</p>`);
}
