/** A person of the seller's own staff, usually a salesperson. */
export interface Person {
  number: string;
  name: string;
  email: string;
  phone: string | null;
  role: string | null;
}
