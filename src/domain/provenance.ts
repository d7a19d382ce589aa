/** A person of the seller's who taught Offerflow something: the same shape as a workspace reviewer. */
export interface Teacher {
  /** Stable: the user's email. */
  id: string;
  name: string;
}

/** Who taught what was learned, and when (ISO time): what a page shows as "learned from NAME on DATE". */
export interface Provenance {
  by: Teacher;
  at: string;
}
