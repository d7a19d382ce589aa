import { z } from 'zod';
import { DEFAULT_VARIANT, variantSchema, type Variant } from './variants.js';
import { takeOne } from '../../simulated-faults.js';

/** The offer writes a crash can follow: creating, the header, adding, updating and deleting rows. */
const OFFER_STEPS = ['create', 'header', 'rows', 'updateRows', 'deleteRows'] as const;
export type OfferStep = (typeof OFFER_STEPS)[number];

/** What `POST /__sim/faults` (or the in-process handle) can switch; every field is optional. */
export const faultUpdateSchema = z.strictObject({
  reset: z.boolean().optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  sessionTtlSeconds: z.number().min(0).max(86_400).optional(),
  expireSessions: z.boolean().optional(),
  /** The next matching calls answer with this status instead of doing their work. */
  fail: z
    .array(
      z.strictObject({
        status: z.number().int().min(400).max(599),
        count: z.number().int().min(1).default(1),
        retryAfterSeconds: z.number().min(0).optional(),
        /** A regular expression over "METHOD /api/path"; every API call when left out. */
        match: z.string().optional(),
      }),
    )
    .optional(),
  /** The step is done and stored, then the connection drops before the answer: a crash between steps. */
  crashAfter: z.array(z.enum(OFFER_STEPS)).optional(),
  /** The next matching calls wait this long before Lemonsoft starts on them: a server that is slow with one call. */
  delay: z
    .array(
      z.strictObject({
        ms: z.number().int().min(1).max(600_000),
        count: z.number().int().min(1).default(1),
        match: z.string().optional(),
      }),
    )
    .optional(),
  /** The next matching calls do their work and answer 2xx with a body that is not JSON, as a proxy's error page would. */
  garble: z
    .array(
      z.strictObject({
        count: z.number().int().min(1).default(1),
        match: z.string().optional(),
      }),
    )
    .optional(),
  /** How the simulator reads what the schema leaves open; a reset goes back to the defaults. */
  variant: variantSchema.optional(),
});
export type FaultUpdate = z.input<typeof faultUpdateSchema>;

export interface InjectedFailure {
  status: number;
  retryAfterSeconds?: number;
}

const SESSION_TTL_MS = 30 * 60_000;

export class Faults {
  latencyMs = 0;
  sessionTtlMs = SESSION_TTL_MS;
  private failures: { status: number; count: number; retryAfterSeconds?: number; match: RegExp | null }[] = [];
  private delays: { ms: number; count: number; match: RegExp | null }[] = [];
  private garbles: { count: number; match: RegExp | null }[] = [];
  variant: Variant = { ...DEFAULT_VARIANT };
  private readonly crashes = new Set<OfferStep>();

  /** Applies an update; says whether live sessions must end now. */
  apply(input: FaultUpdate): { expireSessions: boolean } {
    const update = faultUpdateSchema.parse(input);
    if (update.reset) {
      this.latencyMs = 0;
      this.sessionTtlMs = SESSION_TTL_MS;
      this.failures = [];
      this.delays = [];
      this.garbles = [];
      this.crashes.clear();
      this.variant = { ...DEFAULT_VARIANT };
    }
    if (update.latencyMs !== undefined) this.latencyMs = update.latencyMs;
    if (update.sessionTtlSeconds !== undefined) this.sessionTtlMs = update.sessionTtlSeconds * 1000;
    for (const f of update.fail ?? []) this.failures.push({ ...f, match: f.match ? new RegExp(f.match) : null });
    for (const step of update.crashAfter ?? []) this.crashes.add(step);
    for (const d of update.delay ?? []) this.delays.push({ ...d, match: d.match ? new RegExp(d.match) : null });
    for (const g of update.garble ?? []) this.garbles.push({ ...g, match: g.match ? new RegExp(g.match) : null });
    this.variant = { ...this.variant, ...update.variant };
    return { expireSessions: update.expireSessions === true };
  }

  /** Takes one injected failure for this call, if one is waiting. */
  failureFor(call: string): InjectedFailure | null {
    const failure = takeOne(this.failures, call);
    if (!failure) return null;
    return { status: failure.status, retryAfterSeconds: failure.retryAfterSeconds };
  }

  /** How long this call waits before it is handled: the latency, plus a delay set for it. */
  delayFor(call: string): number {
    const delay = takeOne(this.delays, call);
    if (!delay) return this.latencyMs;
    return this.latencyMs + delay.ms;
  }

  /** Takes one garbled answer for this call, if one is waiting. */
  garbleFor(call: string): boolean {
    return takeOne(this.garbles, call) !== null;
  }

  /** Takes the crash set for this step, if any. */
  crashAfter(step: OfferStep): boolean {
    return this.crashes.delete(step);
  }
}
