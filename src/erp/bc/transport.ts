import type { z } from 'zod';
import { Failure, type FailureCode } from '../../domain/failure.js';
import { redactSecrets } from '../../domain/redact.js';
import { odataError } from './wire.js';

/**
 * What the token source and the API client share: one request with its timeout, what its
 * outcome says, and the error that names the call. Neither knows the other.
 */

/** Business Central refused what was sent: trying the same again gets the same answer. */
function codeOf(status: number | null): FailureCode {
  if (status === null || status >= 500 || status === 401 || status === 408 || status === 429) return 'erp_unavailable';
  return 'erp_rejected';
}

/** Says which call failed and why; never carries the client secret or a token. */
export class BcError extends Failure {
  override name = 'BcError';
  constructor(
    readonly call: string,
    readonly status: number | null,
    reason: string,
    /** OData's error code (`Request_EntityChanged`, `BadRequest_NotFound`, …) when BC gave one. */
    readonly odataCode: string | null = null,
  ) {
    super(codeOf(status), `Business Central ${call} failed: ${reason}`);
  }

  /** The request may have reached Business Central and done its work even though no answer came. */
  get outcomeUnknown(): boolean {
    return this.status === null || this.status >= 500;
  }
}

export type Outcome = { kind: 'answer'; response: Response } | { kind: 'network'; error: unknown };

/** Connections that failed before anything was sent: safe to retry whatever the method. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const MAX_RETRY_AFTER_MS = 120_000;

export async function request(url: string, init: RequestInit, timeoutMs: number): Promise<Outcome> {
  try {
    return { kind: 'answer', response: await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) }) };
  } catch (error) {
    return { kind: 'network', error };
  }
}

export function neverSent(outcome: Outcome): boolean {
  if (outcome.kind !== 'network') return false;
  const cause = (outcome.error as { cause?: { code?: string } }).cause;
  return NOT_SENT.has(cause?.code ?? (outcome.error as { code?: string }).code ?? '');
}

/** Retry-After in seconds or as a date, capped; null when absent or unreadable. */
export function retryAfterMs(response: Response, now: number): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : null;
}

/** "connect ECONNREFUSED 127.0.0.1:8030" says what fetch's own "fetch failed" leaves out. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof AggregateError ? cause.errors[0] : cause;
  if (!(inner instanceof Error)) return (error as Error).message;
  const { code, address, port } = inner as NodeJS.ErrnoException & { address?: string; port?: number };
  if (!code) return inner.message;
  return [code, address && (port ? `${address}:${port}` : address)].filter(Boolean).join(' ');
}

export function networkReason(error: unknown): string {
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  return `network error ${redactSecrets(causeOf(error))}`;
}

/** An answer not read is released, so that its connection serves the next call. */
export async function discard(outcome: Outcome): Promise<void> {
  if (outcome.kind === 'answer') await outcome.response.body?.cancel();
}

/** "HTTP 400 BadRequest_NotFound: <BC's message>", or the start of whatever else came back. */
export async function failureOf(call: string, outcome: Outcome, hide: (text: string) => string): Promise<BcError> {
  if (outcome.kind === 'network') return new BcError(call, null, networkReason(outcome.error));
  return failureOfText(call, outcome.response.status, await outcome.response.text().catch(() => ''), hide);
}

export function failureOfText(call: string, status: number, text: string, hide: (text: string) => string): BcError {
  const odata = odataError.safeParse(jsonOrNull(text));
  if (odata.success) return new BcError(call, status, `HTTP ${status} ${odata.data.error.code}: ${hide(odata.data.error.message)}`, odata.data.error.code);
  const start = hide(text.slice(0, 200).trim());
  return new BcError(call, status, `HTTP ${status}${start ? `: ${start}` : ''}`);
}

export function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The body of a 2xx answer: null when there is none (a 204), otherwise JSON, or an error naming the call. */
export async function answerOf(call: string, response: Response, hide: (text: string) => string): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The answer broke off: whatever the call did, its outcome is unknown.
    throw new BcError(call, null, `answer broke off: ${networkReason(error)}`);
  }
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new BcError(call, response.status, `answer is not JSON (${response.headers.get('content-type') ?? 'no content type'}): ${hide(text.slice(0, 80).trim())}`);
  }
}

export function parsed<T extends z.ZodType>(call: string, body: unknown, schema: T): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new BcError(call, 200, `unexpected answer at '${issue.path.join('.') || '(root)'}': ${issue.message}`);
}
