import type { RunSummary } from '../../workflow/run-summary.js';
import { formatTime } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import type { PageContext } from '../page-context.js';
import type { InboxList } from './inbox-list.js';

const COLUMNS = 7;

/** Why a run needs a look, in a few words: its problems counted, or the processing notes when none has a code. */
function reasons(page: PageContext, summary: RunSummary): SafeHtml | null {
  const { t } = page;
  const words = summary.problems.map((p) => t.reasons[p.code](p.count));
  if (words.length === 0 && summary.needsReview) words.push(t.reasonSeeNotes);
  return words.length ? html`<ul class="reasons">${words.map((w) => html`<li>${w}</li>`)}</ul>` : null;
}

function row(page: PageContext, summary: RunSummary, timeZone: string): SafeHtml {
  const { t, language } = page;
  const { sender } = summary;
  return html`<tr data-run="${String(summary.id)}"${summary.needsReview ? html` class="waiting"` : ''}>
    <td><span class="status status-${summary.status}">${t[`runStatus_${summary.status}`]}</span></td>
    <td class="received"><time datetime="${summary.receivedAt}">${formatTime(summary.receivedAt, language, timeZone)}</time></td>
    <td class="sender">${sender ? html`${sender.name || sender.address}${sender.name ? html`<span class="hint">${sender.address}</span>` : ''}` : ''}</td>
    <td>${summary.customer?.name ?? html`<span class="hint">${t.partyNotFound}</span>`}</td>
    <th scope="row" class="subject"><a href="/runs/${String(summary.id)}">${summary.subject || t.runTitle(summary.id)}</a></th>
    <td>${summary.salesperson?.name ?? ''}</td>
    <td>${reasons(page, summary)}</td>
  </tr>`;
}

/** The table's body alone: on the page, and as the live rows that replace it when anything changed. */
export function inboxRows(page: PageContext, inbox: InboxList, timeZone: string): SafeHtml {
  const { summaries, total } = inbox.list;
  const rows = summaries.length ? summaries.map((s) => row(page, s, timeZone)) : html`<tr><td colspan="${String(COLUMNS)}">${page.t.noRuns}</td></tr>`;
  return html`<tbody data-version="${inbox.version}" data-count="${page.t.runCount(total)}">${rows}</tbody>`;
}

export function inboxTable(page: PageContext, inbox: InboxList, rowsUrl: string, timeZone: string): SafeHtml {
  const { t } = page;
  return html`<p id="inbox-count" class="hint" role="status" data-inbox-count>${t.runCount(inbox.list.total)}</p>
    <div class="table-scroll">
      <table class="inbox" data-inbox data-rows-url="${rowsUrl}" aria-describedby="inbox-count">
        <caption class="visually-hidden">${t.inboxTitle}</caption>
        <thead><tr>
          <th scope="col">${t.status}</th><th scope="col">${t.received}</th><th scope="col">${t.from}</th><th scope="col">${t.customer}</th>
          <th scope="col">${t.subject}</th><th scope="col">${t.salesperson}</th><th scope="col">${t.toCheck}</th>
        </tr></thead>
        ${inboxRows(page, inbox, timeZone)}
      </table>
    </div>`;
}
