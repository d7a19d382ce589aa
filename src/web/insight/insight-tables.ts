import type { CatalogGap, Insight, PartyFigures } from '../../insight/insight.js';
import { STORED_RUN_STATUSES } from '../../workflow/run-store.js';
import { html, type SafeHtml } from '../html.js';
import type { PageContext } from '../page-context.js';
import { hoursText, rateText } from './figure-text.js';

const numberCell = (value: string | number) => html`<td class="number">${value}</td>`;

/** The figures of each of the ten customers or salespeople with the most requests. */
export function partyTable(page: PageContext, heading: { id: string; title: string; party: string }, rows: readonly PartyFigures[]): SafeHtml {
  const { t } = page;
  const { id, title } = heading;
  if (rows.length === 0) return html`<section class="card" aria-labelledby="${id}"><h2 id="${id}">${title}</h2><p>${t.nothingYet}</p></section>`;
  const body = rows.map(
    (row) => html`<tr><th scope="row">${row.party.name}</th>${numberCell(row.requests)}${numberCell(rateText(page, row.touchlessRate))}${numberCell(row.approved)}${numberCell(hoursText(page, row.medianMsToApproval))}</tr>`,
  );
  return html`<section class="card" aria-labelledby="${id}">
    <h2 id="${id}">${title}</h2>
    <p class="hint">${t.topTen}</p>
    <div class="table-scroll"><table class="data">
      <thead><tr><th scope="col">${heading.party}</th><th scope="col" class="number">${t.requests}</th><th scope="col" class="number">${t.touchlessRate}</th><th scope="col" class="number">${t.approved}</th><th scope="col" class="number">${t.medianToApproval}</th></tr></thead>
      <tbody>${body}</tbody>
    </table></div>
  </section>`;
}

/** The requested texts that most often found no product, each to its latest run. */
export function gapsTable(page: PageContext, gaps: readonly CatalogGap[]): SafeHtml {
  const { t } = page;
  const body = gaps.map((gap) => html`<tr><th scope="row">${gap.text}</th>${numberCell(gap.count)}<td><a href="/runs/${gap.lastRunId}">${t.runTitle(gap.lastRunId)}</a></td></tr>`);
  const table = gaps.length
    ? html`<div class="table-scroll"><table class="data">
        <thead><tr><th scope="col">${t.requestedText}</th><th scope="col" class="number">${t.times}</th><th scope="col">${t.lastRequest}</th></tr></thead>
        <tbody>${body}</tbody>
      </table></div>`
    : html`<p>${t.noGaps}</p>`;
  return html`<section class="card" aria-labelledby="gaps-title"><h2 id="gaps-title">${t.catalogGaps}</h2><p class="hint">${t.catalogGapsExplained}</p>${table}</section>`;
}

/** Every run of the period by its status, requests or not. */
export function statusTable(page: PageContext, statuses: Insight['statuses']): SafeHtml {
  const { t } = page;
  const rows = STORED_RUN_STATUSES.map((status) => html`<tr><th scope="row">${t[`runStatus_${status}`]}</th>${numberCell(statuses[status])}</tr>`);
  return html`<section class="card" aria-labelledby="status-title">
    <h2 id="status-title">${t.byStatus}</h2>
    <table class="data"><thead><tr><th scope="col">${t.status}</th><th scope="col" class="number">${t.runs}</th></tr></thead><tbody>${rows}</tbody></table>
  </section>`;
}
