/** Each record is kept whole as the JSON BC answers, with what it is found by beside it. */
export interface BcSimulatorSchema {
  records: {
    entity_set: string;
    id: string;
    company_id: string;
    /** The quote a line belongs to; null for everything else. */
    parent_id: string | null;
    /** Counts the writes: the ETag is made from it, so it changes on every one. */
    version: number;
    doc: string;
    /** What BC knows of a record but the API page does not show (an item's VAT rate). */
    hidden: string;
  };
  number_series: { company_id: string; code: string; last_number: number };
}
