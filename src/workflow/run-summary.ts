import { partyRefOf, type PartyRef } from '../domain/customer.js';
import type { EmailAddress } from '../email/parsed-email.js';
import type { StoredRun, StoredRunStatus } from './run-store.js';
import { problemsOf, runView, type Problem } from './run-view.js';

/** One kind of problem and how many times the run has it: "2 lines without a product". */
export interface SummaryProblem {
  code: Problem;
  count: number;
}

/** What the inbox lists of a run, kept beside it so that lists never read a run's whole context. */
export interface RunSummary {
  id: number;
  status: StoredRunStatus;
  subject: string;
  mailbox: string;
  sender: EmailAddress | null;
  customer: PartyRef | null;
  salesperson: PartyRef | null;
  /** When the mail was taken in: the sender's own Date header could put a mail anywhere in the queue. */
  receivedAt: string;
  needsReview: boolean;
  problems: SummaryProblem[];
  updatedAt: string;
}

/** Which summaries a list holds; every field given narrows it. */
export interface SummaryFilter {
  /** The salesperson's person number. */
  salesperson?: string;
  status?: StoredRunStatus;
  /** The customer's number. */
  customer?: string;
  mailbox?: string;
  /** Received at or after this instant. */
  receivedFrom?: string;
  /** Received before this instant. */
  receivedBefore?: string;
  /** Words anywhere in the subject, the sender's address or name, or the customer's number or name. */
  search?: string;
}

export interface SummaryPage {
  offset: number;
  limit: number;
}

export interface SummaryList {
  summaries: RunSummary[];
  /** How many the filter holds, over all pages. */
  total: number;
}

function countedProblems(codes: Problem[]): SummaryProblem[] {
  const counts = new Map<Problem, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, count]) => ({ code, count }));
}

/** The run's summary: its problems are exactly those the run page lists, counted by kind. */
export function runSummaryOf(run: StoredRun): RunSummary {
  const view = runView(run);
  const { context } = run;
  const sender = context.requester ?? context.email?.from ?? null;
  return {
    id: run.id,
    status: run.status,
    subject: run.subject,
    mailbox: run.key.mailbox,
    sender: sender ? { address: sender.address, name: sender.name } : null,
    customer: partyRefOf(context.customer),
    salesperson: partyRefOf(context.salesperson),
    receivedAt: run.createdAt,
    needsReview: run.status === 'needs_review',
    problems: countedProblems(problemsOf(view)),
    updatedAt: run.updatedAt,
  };
}

/** The one folding searched text and search words both go through, the same on every database. */
const searchFolded = (text: string) => text.toLowerCase();

/** The words of a search, each of which a summary must hold. */
export const searchWords = (query: string) => searchFolded(query).split(/\s+/).filter(Boolean);

/** Everything the free search looks in, as one folded text. */
export function searchTextOf(summary: RunSummary): string {
  const { subject, sender, customer } = summary;
  return searchFolded([subject, sender?.address, sender?.name, customer?.number, customer?.name].filter(Boolean).join('\n'));
}

/**
 * The inbox's order: runs waiting for a person first, the one waiting longest at the top; then
 * the rest, newest first. A store without SQL sorts by this; the SQL stores order the same way.
 */
export function inboxOrder(a: RunSummary, b: RunSummary): number {
  if (a.needsReview !== b.needsReview) return a.needsReview ? -1 : 1;
  const older = a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0;
  return a.needsReview ? older || a.id - b.id : -older || b.id - a.id;
}

/** `filter` applied to one summary, for a store without SQL. */
export function inFilter(summary: RunSummary, filter: SummaryFilter): boolean {
  const words = searchWords(filter.search ?? '');
  return (
    (filter.salesperson === undefined || summary.salesperson?.number === filter.salesperson) &&
    (filter.status === undefined || summary.status === filter.status) &&
    (filter.customer === undefined || summary.customer?.number === filter.customer) &&
    (filter.mailbox === undefined || summary.mailbox === filter.mailbox) &&
    (filter.receivedFrom === undefined || summary.receivedAt >= filter.receivedFrom) &&
    (filter.receivedBefore === undefined || summary.receivedAt < filter.receivedBefore) &&
    words.every((word) => searchTextOf(summary).includes(word))
  );
}
