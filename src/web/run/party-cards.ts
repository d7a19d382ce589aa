import type { Customer } from '../../domain/customer.js';
import type { PartyFinding } from '../../domain/party-finding.js';
import type { Person } from '../../domain/person.js';
import { formatDate } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import type { PageContext } from '../page-context.js';
import type { WorkflowContext } from '../../workflow/context.js';
import { actionForm, type ActionFormContext } from './action-form.js';

/** A search typed on the page for a customer or a salesperson, and what the ERP found. */
export interface PartySearches {
  customer: { query: string; results: Customer[] } | null;
  person: { query: string; results: Person[] } | null;
}

interface Party {
  kind: 'customer' | 'salesperson';
  title: string;
  current: SafeHtml | null;
  queryName: 'customerQuery' | 'personQuery';
  searchLabel: string;
  search: { query: string; results: { number: string; label: string }[] } | null;
}

function partyCard(page: PageContext, form: ActionFormContext, party: Party): SafeHtml {
  const { t } = page;
  const id = `${party.queryName}-input`;
  const results = party.search
    ? party.search.results.length
      ? html`<ul class="party-results" role="list">${party.search.results.map(
          (r) => html`<li>${actionForm(form, { kind: party.kind, number: r.number }, html`<button type="submit" class="secondary small">${t.choose}</button> ${r.label}`)}</li>`,
        )}</ul>`
      : html`<p class="hint" role="status">${t.noResults}</p>`
    : null;
  return html`<section class="card party" aria-labelledby="${party.kind}-title">
    <h2 id="${party.kind}-title">${party.title}</h2>
    ${party.current ?? html`<p class="missing-product">${t.partyNotFound}</p>`}
    <form method="get" action="/runs/${String(form.runId)}#${party.kind}-title" class="inline-form" role="search">
      <label for="${id}" class="visually-hidden">${party.searchLabel}</label>
      <input id="${id}" name="${party.queryName}" type="search" value="${party.search?.query ?? ''}" placeholder="${party.searchLabel}">
      <button type="submit" class="secondary small">${t.search}</button>
    </form>
    ${results}
  </section>`;
}

/** How the run came by it, and for what a person taught, who and when. */
function foundBy(page: PageContext, label: string | null, finding: PartyFinding<string> | null, timeZone: string): SafeHtml | null {
  if (!label || !finding) return null;
  const learned = finding.learnedFrom && page.t.learnedFrom(finding.learnedFrom.by.name, formatDate(finding.learnedFrom.at, page.language, timeZone));
  return html`<p class="hint found-by">${label}${learned ? html` · ${learned}` : null}</p>`;
}

interface Parties {
  customer: Customer | null;
  salesperson: Person | null;
  customerFoundBy: WorkflowContext['customerFoundBy'];
  salespersonFoundBy: WorkflowContext['salespersonFoundBy'];
}

export function partyCards(page: PageContext, form: ActionFormContext, parties: Parties, searches: PartySearches, timeZone: string): SafeHtml {
  const { t } = page;
  const { customer, salesperson, customerFoundBy, salespersonFoundBy } = parties;
  const customerCard = partyCard(page, form, {
    kind: 'customer',
    title: t.customer,
    current:
      customer &&
      html`<p><strong>${customer.name}</strong> · ${customer.number}${customer.businessId ? html` · ${t.businessId} ${customer.businessId}` : null}</p>
        ${foundBy(page, customerFoundBy && t.customerEvidence[customerFoundBy.evidence], customerFoundBy, timeZone)}`,
    queryName: 'customerQuery',
    searchLabel: t.searchCustomers,
    search: searches.customer && { query: searches.customer.query, results: searches.customer.results.map((c) => ({ number: c.number, label: `${c.name} (${c.number})` })) },
  });
  const personCard = partyCard(page, form, {
    kind: 'salesperson',
    title: t.salesperson,
    current:
      salesperson &&
      html`<p><strong>${salesperson.name}</strong> · ${salesperson.email}</p>
        ${foundBy(page, salespersonFoundBy && t.salespersonEvidence[salespersonFoundBy.evidence], salespersonFoundBy, timeZone)}`,
    queryName: 'personQuery',
    searchLabel: t.searchPersons,
    search: searches.person && { query: searches.person.query, results: searches.person.results.map((p) => ({ number: p.number, label: `${p.name} <${p.email}>` })) },
  });
  return html`<div class="parties">${customerCard}${personCard}</div>`;
}
