import type { Provenance, Teacher } from '../domain/provenance.js';

interface TaughtColumns {
  taught_by_id: string;
  taught_by_name: string;
  updated_at: string;
}

/** The columns that keep who taught a row; `updated_at` is when. */
export function taughtColumns(by: Teacher, at: Date): TaughtColumns {
  return { taught_by_id: by.id, taught_by_name: by.name, updated_at: at.toISOString() };
}

export function provenanceOf(row: TaughtColumns): Provenance {
  return { by: { id: row.taught_by_id, name: row.taught_by_name }, at: row.updated_at };
}

/** For a table whose older rows record no one: null there. */
export function provenanceIfKnown(row: { taught_by_id: string | null; taught_by_name: string | null; updated_at: string }): Provenance | null {
  const { taught_by_id, taught_by_name, updated_at } = row;
  return taught_by_id === null || taught_by_name === null ? null : provenanceOf({ taught_by_id, taught_by_name, updated_at });
}
