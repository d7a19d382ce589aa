import { STORED_RUN_STATUSES, type SummaryChoices } from '../../workflow/run-store.js';
import { html, type SafeHtml } from '../html.js';
import type { PageContext } from '../page-context.js';
import type { InboxQuery } from './inbox-query.js';

const selected = (on: boolean) => (on ? html` selected` : '');

function choice(id: string, name: string, label: string, any: string, options: { value: string; label: string }[], current: string | undefined): SafeHtml {
  return html`<div class="filter"><label for="${id}">${label}</label>
    <select id="${id}" name="${name}"><option value="">${any}</option>${options.map((o) => html`<option value="${o.value}"${selected(o.value === current)}>${o.label}</option>`)}</select></div>`;
}

/** The inbox's filters: a GET form, so that a filtered inbox works without script and can be bookmarked. */
export function inboxFilters(page: PageContext, query: InboxQuery, choices: SummaryChoices): SafeHtml {
  const { t } = page;
  const statuses = STORED_RUN_STATUSES.map((s) => ({ value: s, label: t[`runStatus_${s}`] }));
  const customers = choices.customers.map((c) => ({ value: c.number, label: `${c.name} (${c.number})` }));
  const mailboxes = choices.mailboxes.map((m) => ({ value: m, label: m }));
  return html`<form method="get" action="/" class="card inbox-filters" role="search" aria-label="${t.filters}">
    <div class="filter mine"><input type="checkbox" id="filter-mine" name="mine" value="1"${query.mine ? html` checked` : ''}><label for="filter-mine">${t.onlyMine}</label></div>
    ${choice('filter-status', 'status', t.status, t.anyStatus, statuses, query.status)}
    ${choice('filter-customer', 'customer', t.customer, t.anyCustomer, customers, query.customer)}
    ${choice('filter-mailbox', 'mailbox', t.mailbox, t.anyMailbox, mailboxes, query.mailbox)}
    <div class="filter"><label for="filter-from">${t.receivedFrom}</label><input type="date" id="filter-from" name="from" value="${query.from ?? ''}"></div>
    <div class="filter"><label for="filter-to">${t.receivedTo}</label><input type="date" id="filter-to" name="to" value="${query.to ?? ''}"></div>
    <div class="filter search"><label for="filter-q">${t.searchInbox}</label><input type="search" id="filter-q" name="q" value="${query.q ?? ''}" autocomplete="off"></div>
    <div class="filter-actions"><button type="submit">${t.applyFilters}</button><a href="/">${t.clearFilters}</a></div>
  </form>`;
}
