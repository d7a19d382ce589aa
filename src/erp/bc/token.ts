import { setTimeout as sleep } from 'node:timers/promises';
import { backoffMs } from '../../time/backoff.js';
import type { Clock } from '../../time/clock.js';
import { discard, networkReason, request, retryAfterMs, type Outcome } from '../http-outcome.js';
import { answerOf, BcError, failureOfText, jsonOrNull, parsed } from './transport.js';
import { tokenAnswer, tokenError } from './wire.js';

export const BC_SCOPE = 'https://api.businesscentral.dynamics.com/.default';

export interface TokenSourceOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  clock: Clock;
}

/** Renewed this long before it runs out, or at nine tenths of its life if that is shorter, so no call meets a dead token. */
const RENEW_MARGIN_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * OAuth 2.0 client credentials against Microsoft Entra: one token for every call, asked for
 * once however many calls wait, renewed before it expires (Entra gives no refresh token: a new
 * one is simply asked for) and dropped when Business Central answers 401 with it.
 */
export class TokenSource {
  private current: { token: string; renewAt: number } | null = null;
  private asking: Promise<string> | null = null;

  constructor(private readonly options: TokenSourceOptions) {}

  async token(before: string): Promise<string> {
    if (this.current && this.options.clock.monotonicMs() < this.current.renewAt) return this.current.token;
    this.asking ??= this.ask(before).finally(() => (this.asking = null));
    return this.asking;
  }

  /** The token BC refused is forgotten, unless another call already replaced it. */
  refused(token: string): void {
    if (this.current?.token === token) this.current = null;
  }

  /** The client secret never reaches an error message, whatever an answer quotes back. */
  hide(text: string): string {
    return this.options.clientSecret ? text.split(this.options.clientSecret).join('***') : text;
  }

  private async ask(before: string): Promise<string> {
    const call = `POST token (before ${before})`;
    const { clientId, clientSecret } = this.options;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: BC_SCOPE });
    for (let attempt = 0; ; attempt += 1) {
      const started = this.options.clock.monotonicMs();
      const outcome = await request(this.options.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body }, this.options.timeoutMs);
      if (outcome.kind === 'answer' && outcome.response.ok) {
        const answer = parsed(call, await answerOf(call, outcome.response, (t) => this.hide(t)), tokenAnswer);
        const lifeMs = answer.expires_in * 1000;
        this.current = { token: answer.access_token, renewAt: started + lifeMs - Math.min(RENEW_MARGIN_MS, lifeMs / 10) };
        return answer.access_token;
      }
      const retry = this.retryDelay(outcome, attempt);
      if (retry === null) throw await this.failure(call, outcome);
      await discard(outcome);
      await sleep(retry);
    }
  }

  /** Asking for a token creates nothing, so it is retried like a read. */
  private retryDelay(outcome: Outcome, attempt: number): number | null {
    if (attempt >= this.options.maxRetries) return null;
    const backoff = backoffMs({ baseDelayMs: this.options.retryBaseMs, maxDelayMs: MAX_BACKOFF_MS }, attempt + 1);
    if (outcome.kind === 'network') return backoff;
    const { status } = outcome.response;
    if (status === 429 || status >= 500) return retryAfterMs(outcome.response.headers.get('retry-after'), this.options.clock.now().getTime()) ?? backoff;
    return null;
  }

  /** Entra's `error` and `error_description` ("AADSTS7000215: Invalid client secret provided…"), never the secret. */
  private async failure(call: string, outcome: Outcome): Promise<BcError> {
    if (outcome.kind === 'network') return new BcError(call, null, networkReason(outcome.error, (t) => this.hide(t)));
    const { status } = outcome.response;
    const text = await outcome.response.text().catch(() => '');
    const entra = tokenError.safeParse(jsonOrNull(text));
    if (!entra.success) return failureOfText(call, status, text, (t) => this.hide(t));
    const description = entra.data.error_description?.split(/\r?\n/)[0] ?? '';
    return new BcError(call, status, this.hide(`HTTP ${status} ${entra.data.error}${description ? `: ${description}` : ''}`));
  }
}
