import type { FailureCode } from '../domain/failure.js';

/**
 * What the adapters that reach their ERP over HTTP share: one request with its timeout, what its
 * outcome says about retrying, and the reading of an answer. Each adapter names its calls and
 * errors itself.
 */

/** What one call came to: an answer, whatever its status, or none at all. */
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

/** The ERP refused what was sent (trying the same again gets the same answer), or was not there to answer. */
export function failureCodeOf(status: number | null): FailureCode {
  if (status === null || status >= 500 || status === 401 || status === 408 || status === 429) return 'erp_unavailable';
  return 'erp_rejected';
}

export function neverSent(outcome: Outcome): boolean {
  if (outcome.kind !== 'network') return false;
  const cause = (outcome.error as { cause?: { code?: string } }).cause;
  return NOT_SENT.has(cause?.code ?? (outcome.error as { code?: string }).code ?? '');
}

/** Retry-After in seconds or as a date, capped; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
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

/** Why no answer came, with `hide` taking out anything secret the error carries. */
export function networkReason(error: unknown, hide: (text: string) => string): string {
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  return `network error ${hide(causeOf(error))}`;
}

/** An answer not read is released, so that its connection serves the next call. */
export async function discard(outcome: Outcome): Promise<void> {
  if (outcome.kind === 'answer') await outcome.response.body?.cancel();
}

/**
 * The body of a 2xx answer: null when there is none (a 204, or an ERP that answers a write
 * with nothing), otherwise JSON; what else came is handed to `fail` to name.
 */
export async function answerOf(response: Response, fail: (status: number | null, reason: string) => Error, hide: (text: string) => string): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The answer broke off: whatever the call did, its outcome is unknown.
    throw fail(null, `answer broke off: ${networkReason(error, hide)}`);
  }
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    throw fail(response.status, `answer is not JSON (${response.headers.get('content-type') ?? 'no content type'}): ${hide(text.slice(0, 80).trim())}`);
  }
}
