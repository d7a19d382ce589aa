import type { RunStore } from '../../workflow/run-store.js';
import type { SummaryList } from '../../workflow/run-summary.js';
import type { Principal } from '../principal.js';
import { inboxQuerySchema, summaryFilterOf, summaryPageOf, type InboxQuery } from './inbox-query.js';
import { invalidInput } from '../invalid-input.js';

export interface InboxList {
  query: InboxQuery;
  list: SummaryList;
  /** The summaries' version the list was read at: the live rows ask whether it still holds. */
  version: string;
}

/** The one reading of the inbox behind the page, its live rows and GET /api/runs. */
export async function inboxList(
  runs: RunStore,
  rawQuery: unknown,
  principal: Principal,
  timeZone: string,
  /** The version when the caller has just read it: not read twice. */
  versionRead?: string,
): Promise<InboxList | { invalid: string }> {
  const parsed = inboxQuerySchema.safeParse(rawQuery ?? {});
  if (!parsed.success) return { invalid: invalidInput(parsed.error.issues, 'query') };
  const filter = summaryFilterOf(parsed.data, principal, timeZone);
  if ('refused' in filter) return { invalid: filter.refused };
  // Read first: a change landing between the two is then seen by the next poll, never missed.
  const version = versionRead ?? (await runs.summariesVersion());
  const list = await runs.listSummaries(filter, summaryPageOf(parsed.data));
  return { query: parsed.data, list, version };
}
