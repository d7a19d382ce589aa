/** A person of the seller's own staff, usually a salesperson. */
export interface Person {
  number: string;
  name: string;
  email: string;
  phone: string | null;
  role: string | null;
  /** ISO 639-1 code ("fi", "en") of the language to write to this person in; null for the default. */
  language: string | null;
}
