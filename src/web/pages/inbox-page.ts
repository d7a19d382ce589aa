import type { SummaryChoices } from '../../workflow/run-store.js';
import { html, type SafeHtml } from '../html.js';
import { inboxFilters } from '../inbox/inbox-filters.js';
import type { InboxList } from '../inbox/inbox-list.js';
import { INBOX_PAGE_SIZE, inboxSearch } from '../inbox/inbox-query.js';
import { inboxTable } from '../inbox/inbox-table.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

function pager(page: PageContext, inbox: InboxList): SafeHtml | null {
  const { t } = page;
  const pages = Math.max(1, Math.ceil(inbox.list.total / INBOX_PAGE_SIZE));
  const current = inbox.query.page ?? 1;
  if (pages === 1 && current === 1) return null;
  const link = (to: number, label: string, rel: string) => html`<a href="/${inboxSearch(inbox.query, { page: to === 1 ? undefined : to })}" rel="${rel}">${label}</a>`;
  return html`<nav class="pager" aria-label="${t.pages}">
    ${current > 1 ? link(current - 1, t.previousPage, 'prev') : null}
    <span aria-current="page">${t.pageOf(current, pages)}</span>
    ${current < pages ? link(current + 1, t.nextPage, 'next') : null}
  </nav>`;
}

/** "Only mine" for a user who is no ERP person holds nothing: the page says why rather than look empty. */
function noneMine(page: PageContext, inbox: InboxList): SafeHtml | null {
  const unlinked = page.signedIn?.user.personNumber === null;
  return inbox.query.mine && unlinked ? html`<p class="message notice" role="status">${page.t.noneMine}</p>` : null;
}

/** `/`: every run, those waiting for a person first; new ones come in by themselves with script (assets/inbox.js). */
export function inboxPage(page: PageContext, inbox: InboxList, choices: SummaryChoices, timeZone: string): SafeHtml {
  const rowsUrl = `/inbox/rows${inboxSearch(inbox.query)}`;
  return layout(
    page,
    page.t.inboxTitle,
    html`${inboxFilters(page, inbox.query, choices)}
    ${noneMine(page, inbox)}
    <section class="card inbox-list" aria-label="${page.t.inboxTitle}">
      ${inboxTable(page, inbox, rowsUrl, timeZone)}
      ${pager(page, inbox)}
    </section>`,
    { section: 'inbox', wide: true, scripts: ['inbox.js'] },
  );
}
