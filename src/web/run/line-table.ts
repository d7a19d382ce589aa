import { formatDate, formatDecimal } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import type { PageContext } from '../page-context.js';
import { actionForm, type ActionFormContext } from './action-form.js';
import type { CatalogHit, CatalogResults } from './catalog-hit.js';
import type { LineView } from '../../workflow/run-view.js';

/** A catalog search typed for one line, and what it found. */
export interface LineSearch {
  line: number;
  query: string;
  results: CatalogResults;
}

interface TableContext {
  page: PageContext;
  form: ActionFormContext;
  search: LineSearch | null;
  timeZone: string;
}

const percent = (confidence: number) => Math.round(confidence * 100);

function pickButton(table: Pick<TableContext, 'form'>, line: number, hit: CatalogHit, label: string): SafeHtml {
  return actionForm(
    table.form,
    { kind: 'pick', line, sku: hit.sku },
    html`<button type="submit" class="candidate" data-candidate>${label} ${hit.sku} ${hit.name}${hit.confidence === undefined ? '' : html` <span class="score">${percent(hit.confidence)} %</span>`}</button>`,
  );
}

/** The results of a line's search: on the page, and alone for the search-as-you-type. */
export function lineResults(page: PageContext, form: ActionFormContext, line: LineView, search: LineSearch | null): SafeHtml | null {
  const table = { page, form, search };
  if (!search || search.line !== line.index) return null;
  if (search.results === 'not_ready') return html`<p class="hint" role="status">${page.t.catalogNotReady}</p>`;
  if (!search.results.length) return html`<p class="hint" role="status">${page.t.noResults}</p>`;
  return html`<ul class="candidates" role="list">${search.results.map((hit) => html`<li>${pickButton(table, line.index, hit, page.t.pick)}</li>`)}</ul>`;
}

/** The catalog search of one line: a GET form, so it works without script; with script, results come as one types. */
function searchForm(table: TableContext, line: LineView): SafeHtml {
  const { page, form, search } = table;
  const id = `search-${line.index}`;
  const query = search?.line === line.index ? search.query : '';
  return html`<form method="get" action="/runs/${String(form.runId)}#line-${String(line.index)}" class="inline-form line-search" role="search" data-search-for="${String(line.index)}">
      <input type="hidden" name="line" value="${String(line.index)}">
      <label for="${id}" class="visually-hidden">${page.t.searchForLine(line.index + 1)}</label>
      <input id="${id}" name="q" type="search" value="${query}" placeholder="${page.t.searchCatalog}" autocomplete="off" data-search-input>
      <button type="submit" class="secondary">${page.t.search}</button>
    </form>
    <div class="search-results" data-search-results="${String(line.index)}" aria-live="polite">${lineResults(table.page, table.form, line, table.search)}</div>`;
}

function productCell(table: TableContext, line: LineView): SafeHtml {
  const { t, language } = table.page;
  const { match } = line;
  const product = match.product
    ? html`<span class="sku">${match.product.sku}</span> ${match.product.name}`
    : html`<span class="missing-product">${t.method_none}</span>`;
  const how = match.product
    ? html`<span class="how tone-${line.tone}">${t[`method_${match.method}`]} · ${t.confidence} <data value="${String(match.confidence)}">${formatDecimal(match.confidence.toFixed(2), language)}</data></span>`
    : null;
  const candidates = line.candidates.length
    ? html`<details class="candidate-list"${line.match.product ? '' : html` open`}><summary>${t.candidates} (${line.candidates.length})</summary>
        <ul class="candidates" role="list">${line.candidates.map((c) => html`<li>${pickButton(table, line.index, c, t.pick)}</li>`)}</ul></details>`
    : null;
  const learned = match.learnedFrom && html`<div class="hint learned-from">${t.learnedFrom(match.learnedFrom.by.name, formatDate(match.learnedFrom.at, language, table.timeZone))}</div>`;
  return html`<div class="product">${product}</div>${how}${learned}${match.note ? html`<div class="hint">${match.note}</div>` : null}${candidates}${searchForm(table, line)}`;
}

function quantityCell(table: TableContext, line: LineView): SafeHtml {
  const { t, language } = table.page;
  const id = `quantity-${line.index}`;
  const value = line.priced?.quantity ?? line.requested.quantity ?? '';
  return actionForm(
    table.form,
    { kind: 'quantity', line: line.index },
    html`<label for="${id}" class="visually-hidden">${t.quantityOfLine(line.index + 1)}</label>
      <input id="${id}" name="quantity" inputmode="decimal" size="6" value="${formatDecimal(value, language)}" required>
      <button type="submit" class="secondary small">${t.save}</button>`,
  );
}

function row(table: TableContext, line: LineView): SafeHtml {
  const { t, language } = table.page;
  const { requested, priced } = line;
  const money = (value: string | undefined) => (value === undefined ? '' : formatDecimal(value, language));
  const asked = [requested.quantity, requested.unit].filter(Boolean).join(' ');
  return html`<tr id="line-${String(line.index)}" class="line tone-${line.tone}" data-line="${String(line.index)}" tabindex="-1">
    <th scope="row">${line.index + 1}</th>
    <td class="requested"><div>${requested.text}</div>
      ${asked ? html`<div class="hint">${asked}${priced?.conversion ? html` · ${priced.conversion}` : null}</div>` : null}
      ${requested.code ? html`<div class="hint">${t.customerCode(requested.code)}</div>` : null}</td>
    <td class="product-cell">${productCell(table, line)}</td>
    <td>${quantityCell(table, line)}</td>
    <td>${priced?.unit ?? line.match.product?.unit ?? requested.unit ?? ''}</td>
    <td class="number">${money(priced?.unitPrice)}</td>
    <td class="number">${money(priced?.discountPercent)}</td>
    <td class="number">${money(priced?.lineTotal)}</td>
    <td>${actionForm(table.form, { kind: 'remove', line: line.index }, html`<button type="submit" class="secondary small" aria-label="${t.removeLine(line.index + 1)}">${t.remove}</button>`)}</td>
  </tr>`;
}

export function lineTable(page: PageContext, form: ActionFormContext, lines: LineView[], search: LineSearch | null, timeZone: string): SafeHtml {
  const { t } = page;
  const table: TableContext = { page, form, search, timeZone };
  return html`<div class="table-scroll"><table class="lines" data-line-table>
    <caption>${t.lines}</caption>
    <thead><tr>
      <th scope="col">${t.lineNumber}</th><th scope="col">${t.requested}</th><th scope="col">${t.product}</th><th scope="col">${t.quantity}</th>
      <th scope="col">${t.unit}</th><th scope="col" class="number">${t.unitPrice}</th><th scope="col" class="number">${t.discount}</th><th scope="col" class="number">${t.lineTotal}</th><th scope="col"><span class="visually-hidden">${t.remove}</span></th>
    </tr></thead>
    <tbody>${lines.map((line) => row(table, line))}</tbody>
  </table></div>`;
}
