import { PERIOD_DAYS, type Insight, type PeriodDays } from '../../insight/insight.js';
import { formatDate } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { barChart, columnChart } from '../insight/charts.js';
import { hoursOf, hoursText, rateText } from '../insight/figure-text.js';
import { gapsTable, partyTable, statusTable } from '../insight/insight-tables.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

export interface InsightPageInput {
  insight: Insight;
  days: PeriodDays;
  timeZone: string;
}

/** A GET form: the period is in the address, so a view can be bookmarked and works without script. */
function periodForm(page: PageContext, days: PeriodDays): SafeHtml {
  const { t } = page;
  const options = PERIOD_DAYS.map((d) => html`<option value="${d}"${d === days ? html` selected` : ''}>${t.periodDays(d)}</option>`);
  return html`<form method="get" action="/insight" class="period-form">
    <label for="period-days">${t.period}</label>
    <select id="period-days" name="days">${options}</select>
    <button type="submit" class="secondary">${t.showPeriod}</button>
  </form>`;
}

function summary(page: PageContext, insight: Insight): SafeHtml {
  const { t } = page;
  const { total } = insight;
  return html`<section class="card" aria-labelledby="summary-title">
    <h2 id="summary-title">${t.summary}</h2>
    <dl class="figures" data-figures>
      <dt>${t.requests}</dt><dd data-figure="requests">${total.requests}</dd>
      <dt>${t.touchless}</dt><dd data-figure="touchless">${total.touchless}</dd>
      <dt>${t.touchlessRate}</dt><dd data-figure="touchless-rate">${rateText(page, total.touchlessRate)}</dd>
      <dt>${t.approved}</dt><dd data-figure="approved">${total.approved}</dd>
      <dt>${t.medianToApproval}</dt><dd data-figure="median">${hoursText(page, total.medianMsToApproval)}</dd>
      <dt>${t.p90ToApproval}</dt><dd data-figure="p90">${hoursText(page, total.p90MsToApproval)}</dd>
    </dl>
    <p class="hint">${t.touchlessExplained}</p>
    <p class="hint">${t.toApprovalExplained}</p>
  </section>`;
}

function causes(page: PageContext, insight: Insight): SafeHtml {
  const { t } = page;
  const rows = insight.causes.map((c) => ({ label: t[`cause_${c.cause}`], value: c.runs }));
  const content = rows.length
    ? html`${barChart({ id: 'causes-chart', title: t.reviewCausesChart, desc: rows.map((r) => `${r.label}: ${r.value}`).join('; ') }, rows)}
      <table class="data"><thead><tr><th scope="col">${t.cause}</th><th scope="col" class="number">${t.requests}</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td class="number">${r.value}</td></tr>`)}</tbody></table>`
    : html`<p>${t.noCauses}</p>`;
  return html`<section class="card" aria-labelledby="causes-title"><h2 id="causes-title">${t.reviewCauses}</h2>${content}</section>`;
}

const highest = (values: readonly (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.max(...known) : null;
};

function weekly(page: PageContext, insight: Insight, timeZone: string): SafeHtml {
  const { t, language } = page;
  const { weeks } = insight;
  // Noon UTC is the same calendar day in every zone a seller is in.
  const date = (week: string) => formatDate(`${week}T12:00:00Z`, language, timeZone);
  const chart = (id: string, title: string, values: (number | null)[], max: string) =>
    html`<figure class="chart-figure"><figcaption>${title}</figcaption>${columnChart({ id, title, desc: t.chartRange(date(weeks[0]!.week), date(weeks.at(-1)!.week), max) }, values)}</figure>`;
  const requests = weeks.map((w) => w.requests);
  const rates = weeks.map((w) => w.touchlessRate);
  const medians = weeks.map((w) => w.medianMsToApproval);
  const rows = weeks.map(
    (w) => html`<tr><th scope="row">${date(w.week)}</th><td class="number">${w.requests}</td><td class="number">${rateText(page, w.touchlessRate)}</td><td class="number">${hoursText(page, w.medianMsToApproval)}</td></tr>`,
  );
  return html`<section class="card" aria-labelledby="weeks-title">
    <h2 id="weeks-title">${t.byWeek}</h2>
    <div class="insight-grid">
      ${chart('requests-chart', t.requestsPerWeek, requests, String(highest(requests) ?? 0))}
      ${chart('touchless-chart', t.touchlessPerWeek, rates, rateText(page, highest(rates)))}
      ${chart('median-chart', t.medianPerWeek, medians.map((m) => (m === null ? null : hoursOf(m))), hoursText(page, highest(medians)))}
    </div>
    <div class="table-scroll"><table class="data">
      <thead><tr><th scope="col">${t.week}</th><th scope="col" class="number">${t.requests}</th><th scope="col" class="number">${t.touchlessRate}</th><th scope="col" class="number">${t.medianToApproval}</th></tr></thead>
      <tbody>${rows}</tbody>
    </table></div>
  </section>`;
}

/** The period's figures, its charts with their numbers in tables, and what the catalog lacked. */
export function insightPage(page: PageContext, input: InsightPageInput): SafeHtml {
  const { t, language } = page;
  const { insight, days, timeZone } = input;
  const { since, until } = insight.period;
  return layout(
    page,
    t.insightTitle,
    html`${periodForm(page, days)}
    <p class="run-meta">${t.insightSince(formatDate(since, language, timeZone), formatDate(until, language, timeZone))}</p>
    <div class="insight-grid">${summary(page, insight)}${statusTable(page, insight.statuses)}</div>
    ${causes(page, insight)}
    ${weekly(page, insight, timeZone)}
    <div class="insight-grid">
      ${partyTable(page, { id: 'customers-title', title: t.byCustomer, party: t.customer }, insight.customers)}
      ${partyTable(page, { id: 'salespeople-title', title: t.bySalesperson, party: t.salesperson }, insight.salespeople)}
    </div>
    ${gapsTable(page, insight.gaps)}`,
    { section: 'insight', wide: true },
  );
}
