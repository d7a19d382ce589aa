import type { ClaimRequest } from '../workflow/run-store.js';

/** What reading one run's offer back taught, kept so that reading it again teaches nothing twice. */
export interface ReadBackRecord {
  runId: number;
  offerNumber: string;
  /** The offer Offerflow wrote, as compared: once a person approves another, what was learned from the old one no longer counts. */
  written: string;
  /** By position, the product learned from that row. */
  learned: Record<number, string>;
  readAt: string;
}

export interface ReadBackLog {
  get(runId: number): Promise<ReadBackRecord | null>;
  put(record: ReadBackRecord): Promise<void>;
}

export type LeaseOutcome = { kind: 'taken'; token: number } | { kind: 'held'; holder: string; until: string } | { kind: 'recent'; at: string };

/**
 * One process at a time does a pass, among all sharing the store: the rule of the runs' claims
 * (`claimFor`) on one named row, which also says when the last whole pass ended.
 */
export interface PassLease {
  /** `doneAfter`: a pass that ended after then is recent enough, and none is taken. */
  take(request: ClaimRequest, doneAfter: string | null): Promise<LeaseOutcome>;
  renew(token: number, holder: string, now: string, until: string): Promise<boolean>;
  /** `doneAt`: the pass ended whole then; null when it stopped short. */
  release(token: number, doneAt: string | null): Promise<void>;
}
