import { z } from 'zod';
import { addDays, startOfDayIn } from '../../domain/calendar.js';
import { STORED_RUN_STATUSES } from '../../workflow/run-store.js';
import type { SummaryFilter, SummaryPage } from '../../workflow/run-summary.js';
import type { Principal } from '../principal.js';

export const INBOX_PAGE_SIZE = 50;

/** A GET form sends an empty field for "any": the same as leaving it out. */
const field = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date();

/** The inbox's query string, the same for the page, its live rows and GET /api/runs. */
export const inboxQuerySchema = z.object({
  mine: field(z.enum(['1', 'true']).transform(() => true)),
  status: field(z.enum(STORED_RUN_STATUSES)),
  customer: field(text(50)),
  mailbox: field(text(320)),
  from: field(isoDate),
  to: field(isoDate),
  q: field(text(200)),
  page: field(z.coerce.number().int().positive().max(100_000)),
});

export type InboxQuery = z.infer<typeof inboxQuerySchema>;

/** No person number is empty: the filter "mine" of a user who is no ERP person holds nothing. */
const NO_PERSON = '';

/** What the query asks for, as the store's filter: dates are whole days on the seller's clocks. */
export function summaryFilterOf(query: InboxQuery, principal: Principal, timeZone: string): SummaryFilter | { refused: string } {
  if (query.mine && principal.kind !== 'user') return { refused: 'mine: an API token is no salesperson' };
  const filter: SummaryFilter = {};
  if (query.mine && principal.kind === 'user') filter.salesperson = principal.user.personNumber ?? NO_PERSON;
  if (query.status) filter.status = query.status;
  if (query.customer) filter.customer = query.customer;
  if (query.mailbox) filter.mailbox = query.mailbox;
  if (query.from) filter.receivedFrom = startOfDayIn(query.from, timeZone);
  if (query.to) filter.receivedBefore = startOfDayIn(addDays(query.to, 1), timeZone);
  if (query.q) filter.search = query.q;
  return filter;
}

export function summaryPageOf(query: InboxQuery): SummaryPage {
  return { offset: ((query.page ?? 1) - 1) * INBOX_PAGE_SIZE, limit: INBOX_PAGE_SIZE };
}

/** The query again as a query string, with `changes`: for the pager's links and the live rows' address. */
export function inboxSearch(query: InboxQuery, changes: Partial<Record<keyof InboxQuery, string | number | boolean | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (value === undefined || value === false || value === '') continue;
    params.set(key, value === true ? '1' : String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
