import type { z } from 'zod';
import { Failure } from '../../domain/failure.js';
import { answerOf as readAnswer, failureCodeOf, networkReason, type Outcome } from '../http-outcome.js';
import { odataError } from './wire.js';

/**
 * What the token source and the API client share: one request with its timeout, what its
 * outcome says, and the error that names the call. Neither knows the other.
 */

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
    super(failureCodeOf(status), `Business Central ${call} failed: ${reason}`);
  }

  /** The request may have reached Business Central and done its work even though no answer came. */
  get outcomeUnknown(): boolean {
    return this.status === null || this.status >= 500;
  }
}

/** "HTTP 400 BadRequest_NotFound: <BC's message>", or the start of whatever else came back. */
export async function failureOf(call: string, outcome: Outcome, hide: (text: string) => string): Promise<BcError> {
  if (outcome.kind === 'network') return new BcError(call, null, networkReason(outcome.error, hide));
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
export function answerOf(call: string, response: Response, hide: (text: string) => string): Promise<unknown> {
  return readAnswer(response, (status, reason) => new BcError(call, status, reason), hide);
}

export function parsed<T extends z.ZodType>(call: string, body: unknown, schema: T): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new BcError(call, 200, `unexpected answer at '${issue.path.join('.') || '(root)'}': ${issue.message}`);
}
