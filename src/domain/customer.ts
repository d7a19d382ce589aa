export interface Address {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
}

export interface Customer {
  number: string;
  name: string;
  businessId: string | null;
  vat: string | null;
  email: string | null;
  /** Email domains that identify this customer besides the one of `email`. */
  domains: string[];
  /** The responsible salesperson's person number. */
  sellerNumber: string | null;
  pricelist: string | null;
  address: Address;
}

export interface PartyRef {
  number: string;
  name: string;
}

/** A customer's or person's number and name alone, for what is kept or shown of them. */
export const partyRefOf = (party: PartyRef | null): PartyRef | null => (party ? { number: party.number, name: party.name } : null);
