/**
 * What an ERP's API has no way to do, each with what the conformance suite expects of its
 * adapter instead: an ERP is not failed for what it cannot hold, but its adapter must behave
 * as its documentation says.
 */
export type ErpGap =
  /** Products carry no supplier codes (Business Central API v2.0 has no item references): none is read, and a supplier code finds nothing. */
  | 'supplierCodes'
  /** Products carry no VAT rate (API v2.0 has no VAT posting setup): every product has the adapter's configured rate, by default 25.5. */
  | 'productVat';

/** Whether the harness's ERP lacks this. */
export const lacks = (harness: { gaps?: ReadonlySet<ErpGap> }, gap: ErpGap): boolean => harness.gaps?.has(gap) === true;
