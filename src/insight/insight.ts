import type { PartyRef } from '../domain/customer.js';
import { STORED_RUN_STATUSES, type StoredRunStatus } from '../workflow/run-store.js';
import { median, p90 } from './durations.js';
import { gapKey } from './gap-text.js';
import type { Problem } from '../workflow/run-view.js';
import type { RunFacts } from './run-facts.js';
import { weekOf, weeksBetween } from './weeks.js';

/** The periods the page offers, in days back from now. */
export const PERIOD_DAYS = [30, 90, 365] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];

const TOP_PARTIES = 10;
const TOP_GAPS = 20;

export interface Period {
  since: string;
  until: string;
  /** Weeks begin on the seller's Monday. */
  timeZone: string;
}

/** The figures of a set of requests: the whole period, one customer, one salesperson, one week. */
export interface Figures {
  requests: number;
  touchless: number;
  /** touchless / requests; null when there were no requests. */
  touchlessRate: number | null;
  approved: number;
  medianMsToApproval: number | null;
  p90MsToApproval: number | null;
}

export interface PartyFigures extends Figures {
  party: PartyRef;
}

export interface WeekFigures extends Figures {
  /** Its Monday, YYYY-MM-DD. */
  week: string;
}

export interface CatalogGap {
  /** As the customer wrote it in the latest run. */
  text: string;
  count: number;
  lastRunId: number;
}

export interface Insight {
  period: Period;
  /** Every run of the period, requests or not. */
  statuses: Record<StoredRunStatus, number>;
  total: Figures;
  /** How many requests had each cause, most first. */
  causes: { cause: Problem; runs: number }[];
  /** The ten with the most requests; a request without one is in none. */
  customers: PartyFigures[];
  salespeople: PartyFigures[];
  weeks: WeekFigures[];
  /** The requested texts that most often found no product. */
  gaps: CatalogGap[];
}

function figuresOf(requests: readonly RunFacts[]): Figures {
  const touchless = requests.filter((r) => r.touchless).length;
  const times = requests.flatMap((r) => (r.msToApproval === null ? [] : [r.msToApproval]));
  return {
    requests: requests.length,
    touchless,
    touchlessRate: requests.length ? touchless / requests.length : null,
    approved: times.length,
    medianMsToApproval: median(times),
    p90MsToApproval: p90(times),
  };
}

function groupBy<K>(items: readonly RunFacts[], key: (item: RunFacts) => K | null): Map<K, RunFacts[]> {
  const groups = new Map<K, RunFacts[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function topParties(requests: readonly RunFacts[], partyOf: (r: RunFacts) => PartyRef | null): PartyFigures[] {
  const groups = groupBy(requests, (r) => partyOf(r)?.number ?? null);
  return [...groups.values()]
    .map((runs) => ({ party: partyOf(runs.at(-1)!)!, ...figuresOf(runs) }))
    .sort((a, b) => b.requests - a.requests || a.party.name.localeCompare(b.party.name))
    .slice(0, TOP_PARTIES);
}

function causeCounts(requests: readonly RunFacts[]): Insight['causes'] {
  const counts = new Map<Problem, number>();
  for (const cause of requests.flatMap((r) => r.causes)) counts.set(cause, (counts.get(cause) ?? 0) + 1);
  return [...counts].map(([cause, runs]) => ({ cause, runs })).sort((a, b) => b.runs - a.runs || a.cause.localeCompare(b.cause));
}

function catalogGaps(requests: readonly RunFacts[]): CatalogGap[] {
  const gaps = new Map<string, CatalogGap>();
  for (const run of requests) {
    for (const text of run.gaps) {
      const key = gapKey(text);
      if (!key) continue;
      const seen = gaps.get(key);
      const latest = !seen || run.id > seen.lastRunId;
      gaps.set(key, { text: latest ? text : seen.text, count: (seen?.count ?? 0) + 1, lastRunId: latest ? run.id : seen.lastRunId });
    }
  }
  return [...gaps.values()].sort((a, b) => b.count - a.count || b.lastRunId - a.lastRunId).slice(0, TOP_GAPS);
}

function weekly(requests: readonly RunFacts[], period: Period): WeekFigures[] {
  const byWeek = groupBy(requests, (r) => weekOf(r.createdAt, period.timeZone));
  return weeksBetween(period.since, period.until, period.timeZone).map((week) => ({ week, ...figuresOf(byWeek.get(week) ?? []) }));
}

/** The insight page's figures over the runs of a period, each read once into its facts. */
export function insightOf(runs: readonly RunFacts[], period: Period): Insight {
  const statuses = Object.fromEntries(STORED_RUN_STATUSES.map((s) => [s, 0])) as Record<StoredRunStatus, number>;
  for (const run of runs) statuses[run.status] += 1;
  const requests = runs.filter((r) => r.request);
  return {
    period,
    statuses,
    total: figuresOf(requests),
    causes: causeCounts(requests),
    customers: topParties(requests, (r) => r.customer),
    salespeople: topParties(requests, (r) => r.salesperson),
    weeks: weekly(requests, period),
    gaps: catalogGaps(requests),
  };
}
