import { z } from 'zod';
import { BC_LIMITS, type Limits } from './throttle.js';
import { bcVariantSchema, DEFAULT_BC_VARIANT, type BcVariant } from './variants.js';
import { takeOne, type WaitingFault } from '../../simulated-faults.js';

/** Microsoft Entra's client-credentials tokens live an hour, less a second, as its example shows. */
export const DEFAULT_TOKEN_TTL_SECONDS = 3599;

const matching = { count: z.number().int().min(1).default(1), match: z.string().optional() };

/**
 * What `POST /__sim/faults` (or the in-process handle) can switch; every field is optional.
 * `match` is a regular expression over the call string "METHOD /route" with ids as `:id`
 * (e.g. "POST /companies(:id)/salesQuotes"); every call when left out. The token endpoint's
 * call string is "POST /oauth2/v2.0/token".
 */
export const bcFaultUpdateSchema = z.strictObject({
  reset: z.boolean().optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** The lifetime of tokens issued from now on. */
  tokenTtlSeconds: z.number().int().min(1).max(86_400).optional(),
  /** Every token issued so far stops working, as when an app's consent is withdrawn. */
  revokeTokens: z.boolean().optional(),
  /** The next matching calls answer with this status (and a BC error body) instead of doing their work. */
  fail: z.array(z.strictObject({ status: z.number().int().min(400).max(599), retryAfterSeconds: z.number().int().min(0).optional(), ...matching })).optional(),
  /**
   * The next matching writes are done and stored, then the connection is destroyed before the
   * answer: a crash between BC committing and the client hearing of it. Only writes (POST,
   * PATCH, DELETE) crash; a read that matches is answered.
   */
  crashAfter: z.array(z.strictObject(matching)).optional(),
  /** The next matching calls wait this long before they are handled. */
  delay: z.array(z.strictObject({ ms: z.number().int().min(1).max(600_000), ...matching })).optional(),
  /** The next matching calls do their work and answer 2xx with an HTML body, as a proxy's error page would. */
  garble: z.array(z.strictObject(matching)).optional(),
  variant: bcVariantSchema.optional(),
  /** BC Online's per-user limits, lowered to reach them in a test; a reset goes back to BC's. */
  limits: z
    .strictObject({ concurrent: z.number().int().min(1).optional(), queued: z.number().int().min(0).optional(), perWindow: z.number().int().min(1).optional() })
    .optional(),
});
export type BcFaultUpdate = z.input<typeof bcFaultUpdateSchema>;

export interface InjectedFailure {
  status: number;
  retryAfterSeconds?: number;
}

export class BcFaults {
  latencyMs = 0;
  tokenTtlSeconds = DEFAULT_TOKEN_TTL_SECONDS;
  variant: BcVariant = { ...DEFAULT_BC_VARIANT };
  private failures: (WaitingFault & InjectedFailure)[] = [];
  private crashes: WaitingFault[] = [];
  private delays: (WaitingFault & { ms: number })[] = [];
  private garbles: WaitingFault[] = [];

  /** Applies an update; says whether the tokens issued so far must stop working. */
  apply(input: BcFaultUpdate): { revokeTokens: boolean; limits: Partial<Limits> | null } {
    const update = bcFaultUpdateSchema.parse(input);
    if (update.reset) {
      this.latencyMs = 0;
      this.tokenTtlSeconds = DEFAULT_TOKEN_TTL_SECONDS;
      this.variant = { ...DEFAULT_BC_VARIANT };
      this.failures = [];
      this.crashes = [];
      this.delays = [];
      this.garbles = [];
    }
    const compiled = <T extends { match?: string }>(entry: T) => ({ ...entry, match: entry.match === undefined ? null : new RegExp(entry.match) });
    if (update.latencyMs !== undefined) this.latencyMs = update.latencyMs;
    if (update.tokenTtlSeconds !== undefined) this.tokenTtlSeconds = update.tokenTtlSeconds;
    this.failures.push(...(update.fail ?? []).map(compiled));
    this.crashes.push(...(update.crashAfter ?? []).map(compiled));
    this.delays.push(...(update.delay ?? []).map(compiled));
    this.garbles.push(...(update.garble ?? []).map(compiled));
    this.variant = { ...this.variant, ...update.variant };
    return { revokeTokens: update.revokeTokens === true, limits: update.reset ? { ...BC_LIMITS, ...update.limits } : (update.limits ?? null) };
  }

  failureFor(call: string): InjectedFailure | null {
    const failure = takeOne(this.failures, call);
    return failure && { status: failure.status, retryAfterSeconds: failure.retryAfterSeconds };
  }

  delayFor(call: string): number {
    return this.latencyMs + (takeOne(this.delays, call)?.ms ?? 0);
  }

  garbleFor(call: string): boolean {
    return takeOne(this.garbles, call) !== null;
  }

  crashAfter(call: string): boolean {
    return takeOne(this.crashes, call) !== null;
  }
}
