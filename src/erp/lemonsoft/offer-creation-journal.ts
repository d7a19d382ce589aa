export interface OfferCreationEntry {
  /** Null while the ERP's answer to the create call has not come: the offer may or may not exist. */
  offerNumber: number | null;
  /** An offer made by that call is no older than this (the ERP's clock may be behind ours). */
  since: string;
}

/**
 * Notes, kept in Offerflow's own store and shared by every worker, of offers an adapter is
 * making in an ERP that cannot find them by our reference yet (Lemonsoft between its create
 * and header calls). A worker that dies there leaves the note for whichever worker retries.
 * The workflow never uses it and only this adapter does, so the port lives here, not among the
 * ERP ports; it belongs beside them once a second adapter needs it.
 */
export interface OfferCreationJournal {
  entry(reference: string): Promise<OfferCreationEntry | null>;
  /** The creations of other references under way that began at or after `since`. */
  others(reference: string, since: string): Promise<OfferCreationEntry[]>;
  /** Before the create call. */
  begin(reference: string, since: string): Promise<void>;
  /** With the create call's answer. */
  made(reference: string, offerNumber: number): Promise<void>;
  /** Once the offer carries the reference in the ERP itself. */
  named(reference: string): Promise<void>;
}
