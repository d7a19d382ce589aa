import { it } from 'vitest';

/**
 * Faults named by what they do to Offerflow, not by how one ERP's simulator makes them, so that
 * one fault suite drives every ERP. A harness answers `false` for a fault its ERP cannot have.
 */
export type ErpFault =
  /** Every call to the ERP fails until a reset: the readiness check must say so. */
  | { kind: 'unreachable' }
  /** The next `count` calls of that kind fail in a way worth trying again (a 5xx, a disk hiccup). */
  | { kind: 'transient'; on: 'reads' | 'offerWrites'; count: number }
  /** The next offer write is refused with "too many requests, try again after this long". */
  | { kind: 'throttled'; retryAfterSeconds: number }
  /** The login Offerflow holds (session, token) stops being accepted before its time. */
  | { kind: 'loginExpired' }
  /** Offer writes are done and kept, then the answer is lost (the connection drops, the process dies before it learns). */
  | { kind: 'answersLost'; writes: 'first' | 'every' }
  /** Every offer write fails until a reset. */
  | { kind: 'writesRefused' }
  | { kind: 'reset' };
export type FaultKind = ErpFault['kind'];

/** Registers a test only for an ERP whose harness can make the fault happen: no test is skipped, none pretends. */
export function faultTestsOf(harness: { faults: ReadonlySet<FaultKind> }) {
  return (kind: FaultKind, name: string, test: () => Promise<void>): void => {
    if (harness.faults.has(kind)) it(name, test);
  };
}
