import { setTimeout as sleep } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import type { z } from 'zod';
import { Failure } from '../../domain/failure.js';
import { redactSecrets } from '../../domain/redact.js';
import { backoffMs } from '../../time/backoff.js';
import type { Clock } from '../../time/clock.js';
import { answerOf as readAnswer, discard, failureCodeOf, neverSent, networkReason, request, retryAfterMs, type Outcome } from '../http-outcome.js';
import type { WriteFence } from '../ports.js';
import { listSchema, loginAnswer } from './wire.js';

export interface LemonsoftCredentials {
  username: string;
  password: string;
  database: string;
  apiKey: string;
}

export interface LemonsoftClientOptions {
  baseUrl: string;
  credentials: LemonsoftCredentials;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  concurrency: number;
  /** Calls are spaced so that no more than this many start in any second. */
  maxCallsPerSecond?: number;
  renewAfterMs: number;
  pageSize: number;
  clock: Clock;
}

export type Query = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Says which call failed and why; never carries credentials or the session id. */
export class LemonsoftError extends Failure {
  override name = 'LemonsoftError';
  constructor(
    readonly call: string,
    readonly status: number | null,
    reason: string,
  ) {
    super(failureCodeOf(status), `Lemonsoft ${call} failed: ${reason}`);
  }

  /** The request may have reached Lemonsoft and done its work even though no answer came. */
  get outcomeUnknown(): boolean {
    return this.status === null || this.status >= 500;
  }
}

const MAX_BACKOFF_MS = 30_000;

function searchOf(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * A small client for LemonRest written here rather than generated: what Offerflow needs from it
 * is the session and retry behaviour, which a generated client leaves to its caller. Reads and
 * updates are retried on network errors, 429 (after Retry-After) and 5xx with exponential
 * backoff and full jitter; a POST, or another write its caller checks, is retried only when
 * Lemonsoft surely did not act on it (429, or a connection that never opened), because creating
 * twice is worse than failing once.
 */
export class LemonsoftClient {
  private session: { id: string; since: number } | null = null;
  private opening: Promise<string> | null = null;
  private readonly limit: LimitFunction;
  /** When the next call may start, by the rate limit. */
  private nextSlot = 0;

  constructor(private readonly options: LemonsoftClientOptions) {
    this.limit = pLimit(options.concurrency);
  }

  async get<T extends z.ZodType>(path: string, query: Query, schema: T): Promise<z.infer<T>> {
    return this.parse(`GET ${path}`, await this.call('GET', path, query), schema);
  }

  /** A GET that answers 404 for what does not exist. */
  async find<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T> | null> {
    try {
      return await this.get(path, {}, schema);
    } catch (error) {
      if (error instanceof LemonsoftError && error.status === 404) return null;
      throw error;
    }
  }

  /**
   * A write; `fence` is awaited before every try of it, so a worker that lost its run sends
   * nothing more. A `checked` write (every POST, by default) is tried again only when Lemonsoft
   * surely did not act on it: its caller looks at what a lost answer did before repeating it.
   */
  async send<T extends z.ZodType>(method: Exclude<Method, 'GET'>, path: string, body: unknown, schema: T, fence?: WriteFence, checked = method === 'POST'): Promise<z.infer<T>> {
    return this.parse(`${method} ${path}`, await this.call(method, path, {}, body, fence, checked), schema);
  }

  /** Every item of a list endpoint, a page at a time. */
  async *pages<T extends z.ZodType>(path: string, query: Query, item: T): AsyncIterable<z.infer<T>> {
    const schema = listSchema(item);
    for (let page = 1; ; page += 1) {
      const answer = await this.get(path, { ...query, 'filter.page': page, 'filter.page_size': this.options.pageSize }, schema);
      // Only an empty page ends the list: a server that caps the page size gives short pages before the last.
      if (answer.results.length === 0) return;
      yield* answer.results;
    }
  }

  async all<T extends z.ZodType>(path: string, query: Query, item: T): Promise<z.infer<T>[]> {
    const items: z.infer<T>[] = [];
    for await (const value of this.pages(path, query, item)) items.push(value);
    return items;
  }

  /** Logs in if needed and asks whether the session lives: for readiness checks. */
  async check(): Promise<void> {
    await this.call('GET', '/api/auth/alive', {});
  }

  private parse<T extends z.ZodType>(call: string, body: unknown, schema: T): z.infer<T> {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new LemonsoftError(call, 200, `unexpected answer at '${issue.path.join('.') || '(root)'}': ${issue.message}`);
  }

  private call(method: Method, path: string, query: Query, body?: unknown, fence?: WriteFence, checked = false): Promise<unknown> {
    return this.limit(() => this.attempt(method, path, query, body, fence, checked));
  }

  private async attempt(method: Method, path: string, query: Query, body: unknown, fence: WriteFence | undefined, checked: boolean): Promise<unknown> {
    const call = `${method} ${path}`;
    let loggedInAgain = false;
    for (let attempt = 0; ; attempt += 1) {
      const sessionId = await this.sessionId(call);
      const outcome = await this.request(method, path + searchOf(query), body, { 'Session-Id': sessionId }, fence);
      if (outcome.kind === 'answer' && outcome.response.ok) return answerOf(call, outcome.response);
      if (outcome.kind === 'answer' && outcome.response.status === 401 && !loggedInAgain) {
        // The session died early (server restart, timeout): one fresh login, one more try.
        // Another call may have opened a new session meanwhile; only the dead one is dropped.
        if (this.session?.id === sessionId) this.session = null;
        await discard(outcome);
        loggedInAgain = true;
        attempt -= 1;
        continue;
      }
      const retry = this.retryDelay(checked, outcome, attempt);
      if (retry === null) throw await this.failure(call, outcome);
      await discard(outcome);
      await sleep(retry);
    }
  }

  /** Every request, logins and retries included, takes its turn at the agreed pace. */
  private async pace(): Promise<void> {
    const rate = this.options.maxCallsPerSecond;
    if (!rate) return;
    const now = this.options.clock.monotonicMs();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / rate;
    if (slot > now) await sleep(slot - now);
  }

  /** The fence comes after the pace, which may wait: right before the request goes out. */
  private async request(method: Method, pathAndQuery: string, body: unknown, headers: Record<string, string>, fence?: WriteFence): Promise<Outcome> {
    await this.pace();
    await fence?.();
    return request(
      this.options.baseUrl + pathAndQuery,
      {
        method,
        headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      this.options.timeoutMs,
    );
  }

  /** Null when the call must not or need not be tried again. */
  private retryDelay(checked: boolean, outcome: Outcome, attempt: number): number | null {
    if (attempt >= this.options.maxRetries) return null;
    const backoff = backoffMs({ baseDelayMs: this.options.retryBaseMs, maxDelayMs: MAX_BACKOFF_MS }, attempt + 1);
    if (outcome.kind === 'network') {
      return !checked || neverSent(outcome) ? backoff : null;
    }
    const status = outcome.response.status;
    if (status === 429) return retryAfterMs(outcome.response.headers.get('retry-after'), this.options.clock.now().getTime()) ?? backoff;
    if (status >= 500 && !checked) return backoff;
    return null;
  }

  private async failure(call: string, outcome: Outcome): Promise<LemonsoftError> {
    if (outcome.kind === 'network') return new LemonsoftError(call, null, networkReason(outcome.error, redactSecrets));
    const text = (await outcome.response.text().catch(() => '')).slice(0, 200).trim();
    return new LemonsoftError(call, outcome.response.status, `HTTP ${outcome.response.status}${text ? `: ${text}` : ''}`);
  }

  /** One login at a time however many calls wait for it; renewed before the 30 minutes run out. */
  private async sessionId(call: string): Promise<string> {
    if (this.session && this.options.clock.monotonicMs() - this.session.since < this.options.renewAfterMs) return this.session.id;
    this.opening ??= this.open(call).finally(() => (this.opening = null));
    return this.opening;
  }

  /**
   * A renew that fails, or that answers without a new session (the schema does not promise
   * one), falls back to a fresh login, so that no answer leaves the client on a dead session.
   */
  private async open(call: string): Promise<string> {
    const old = this.session;
    try {
      const renewed = old ? await this.authenticate('/api/auth/renew', { 'Session-Id': old.id }, call).catch(() => null) : null;
      const id = renewed ?? (await this.authenticate('/api/auth/login', {}, call));
      this.session = { id, since: this.options.clock.monotonicMs() };
      return id;
    } catch (error) {
      this.session = null;
      throw error;
    }
  }

  /** One login or renew, retried like a read because it creates nothing: the session id it answers. */
  private async authenticate(path: string, headers: Record<string, string>, call: string): Promise<string> {
    const { username, password, database, apiKey } = this.options.credentials;
    const body = { UserName: username, Password: password, Database: database, ApiKey: apiKey };
    const name = `POST ${path} (before ${call})`;
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await this.request('POST', path, body, headers);
      if (outcome.kind === 'answer' && outcome.response.ok) return this.parse(name, await answerOf(name, outcome.response), loginAnswer).session_id;
      const retry = this.retryDelay(false, outcome, attempt);
      if (retry === null) throw await this.failure(name, outcome);
      await discard(outcome);
      await sleep(retry);
    }
  }
}

/**
 * The body of a 2xx answer: null when there is none (the schema leaves many answers untyped,
 * and an empty one is plausible), otherwise JSON, or an error naming the call.
 */
function answerOf(call: string, response: Response): Promise<unknown> {
  return readAnswer(response, (status, reason) => new LemonsoftError(call, status, reason), redactSecrets);
}
