import { setTimeout as sleep } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import type { z } from 'zod';
import { backoffMs } from '../../time/backoff.js';
import type { Clock } from '../../time/clock.js';
import type { WriteFence } from '../ports.js';
import { isGuid } from './settings.js';
import type { TokenSource } from './token.js';
import { discard, neverSent, request, retryAfterMs, type Outcome } from '../http-outcome.js';
import { answerOf, BcError, failureOf, parsed } from './transport.js';
import { companySchema, listSchema } from './wire.js';

export interface BcClientOptions {
  apiUrl: string;
  /** The company's name or id. */
  company: string;
  tokens: TokenSource;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  concurrency: number;
  /** Calls are spaced so that no more than this many start in any second. */
  maxCallsPerSecond: number;
  pageSize: number;
  clock: Clock;
}

/** `$filter`, `$expand` and the like, each given whole; values are URL-encoded here. */
export type Query = Record<string, string | undefined>;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A string in an OData filter: in single quotes, a quote inside written twice. */
export const quoted = (value: string): string => `'${value.replaceAll("'", "''")}'`;

const MAX_BACKOFF_MS = 30_000;

function searchOf(query: Query): string {
  const parts = Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${encodeURIComponent(value)}`]));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** One request: its query, body, and whether it is a write (with its fence) or a page of a list. */
interface CallOptions {
  query?: Query;
  body?: unknown;
  write?: WriteOptions;
  list?: boolean;
  /** A media resource (a document's PDF): its bytes are the answer, printed in this language. */
  media?: { acceptLanguage: string };
}

export interface WriteOptions {
  fence: WriteFence;
  /** The ETag of the entity as read: a PATCH or DELETE that meets a changed entity is refused with 412. */
  etag?: string;
}

/**
 * A small client for Business Central's API v2.0, written here rather than generated: what
 * Offerflow needs is the token, paging, pacing and retry behaviour. Every path is below the
 * company. Reads are retried on network errors, 429 and 5xx (after Retry-After when BC gives
 * one) with exponential backoff and full jitter. A write is retried here only when BC surely
 * did not act on it (429, or a connection that never opened): its caller reads back what a lost
 * answer did before it writes again, because writing twice is worse than failing once.
 */
export class BcClient {
  private readonly limit: LimitFunction;
  private company: Promise<string> | null = null;
  /** When the next call may start, by the rate limit. */
  private nextSlot = 0;

  constructor(private readonly options: BcClientOptions) {
    this.limit = pLimit(options.concurrency);
  }

  async get<T extends z.ZodType>(path: string, query: Query, schema: T): Promise<z.infer<T>> {
    const url = (await this.companyPath()) + path;
    return parsed(`GET ${url}`, await this.call('GET', url, { query }), schema);
  }

  /** A GET of one entity by its key, null when BC answers 404. */
  async find<T extends z.ZodType>(path: string, query: Query, schema: T): Promise<z.infer<T> | null> {
    try {
      return await this.get(path, query, schema);
    } catch (error) {
      if (error instanceof BcError && error.status === 404) return null;
      throw error;
    }
  }

  /**
   * Every entity of a list, a page at a time, as the server pages it: asked for `pageSize` a
   * page, following `@odata.nextLink` until there is none. A next link is only followed to the
   * API the client was given, so the token never travels elsewhere.
   */
  async *pages<T extends z.ZodType>(path: string, query: Query, item: T): AsyncIterable<z.infer<T>> {
    const schema = listSchema(item);
    const url = (await this.companyPath()) + path;
    const call = `GET ${url}`;
    let next: string | null = url + searchOf(query);
    while (next !== null) {
      const page: z.infer<typeof schema> = parsed(call, await this.call('GET', next, { list: true }), schema);
      yield* page.value;
      next = this.nextLink(call, page['@odata.nextLink']);
    }
  }

  async all<T extends z.ZodType>(path: string, query: Query, item: T): Promise<z.infer<T>[]> {
    const items: z.infer<T>[] = [];
    for await (const value of this.pages(path, query, item)) items.push(value);
    return items;
  }

  /** The bytes of a media resource, such as `salesQuotes({id})/pdfDocument/pdfDocumentContent`. */
  async media(path: string, acceptLanguage: string): Promise<Buffer> {
    const url = (await this.companyPath()) + path;
    return (await this.call('GET', url, { media: { acceptLanguage } })) as Buffer;
  }

  /** A write; `fence` is awaited right before every try of it, so a worker that lost its run sends nothing more. */
  async send<T extends z.ZodType>(method: Exclude<Method, 'GET'>, path: string, body: unknown, schema: T, options: WriteOptions): Promise<z.infer<T>> {
    const url = (await this.companyPath()) + path;
    return parsed(`${method} ${url}`, await this.call(method, url, { body, write: options }), schema);
  }

  /** A token, then the company: for readiness checks. */
  async check(): Promise<void> {
    await this.get('', {}, companySchema);
  }

  private nextLink(call: string, link: string | undefined): string | null {
    if (link === undefined) return null;
    const api = new URL(this.options.apiUrl);
    const next = URL.canParse(link) ? new URL(link) : new URL(link, `${this.options.apiUrl}/`);
    if (next.origin !== api.origin || !next.pathname.startsWith(api.pathname)) throw new BcError(call, 200, `next page link leads away from ${this.options.apiUrl}; not followed`);
    return next.pathname.slice(api.pathname.length) + next.search;
  }

  /** `/companies(<id>)`: the id as given, or looked up once by the company's name. */
  private companyPath(): Promise<string> {
    this.company ??= this.companyId().then(
      (id) => `/companies(${id})`,
      (error: unknown) => {
        this.company = null;
        throw error;
      },
    );
    return this.company;
  }

  private async companyId(): Promise<string> {
    const { company } = this.options;
    if (isGuid(company)) return company;
    const call = 'GET /companies';
    const answer = parsed(call, await this.call('GET', '/companies', { query: { $filter: `name eq ${quoted(company)}` } }), listSchema(companySchema));
    const found = answer.value.find((c) => c.name === company);
    if (!found) throw new BcError(call, 200, `no company named '${company}' in this environment (erp.settings.company)`);
    return found.id;
  }

  private call(method: Method, url: string, request: CallOptions): Promise<unknown> {
    return this.limit(() => this.attempt(method, url, request));
  }

  private async attempt(method: Method, url: string, { query = {}, body, write, list = false, media }: CallOptions): Promise<unknown> {
    const call = `${method} ${url.split('?')[0]}`;
    const hide = (text: string) => this.options.tokens.hide(text);
    let tokenRenewed = false;
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.options.tokens.token(call);
      const headers = { ...this.headers(token, method, body, write, list), ...(media ? { Accept: 'application/pdf', 'Accept-Language': media.acceptLanguage } : {}) };
      const outcome = await this.request(method, url + searchOf(query), body, headers, write?.fence);
      if (outcome.kind === 'answer' && outcome.response.ok) return media ? Buffer.from(await outcome.response.arrayBuffer()) : answerOf(call, outcome.response, hide);
      if (outcome.kind === 'answer' && outcome.response.status === 401 && !tokenRenewed) {
        // The token was revoked or expired early: one new token, one more try.
        this.options.tokens.refused(token);
        await discard(outcome);
        tokenRenewed = true;
        attempt -= 1;
        continue;
      }
      const retry = this.retryDelay(write !== undefined, outcome, attempt);
      if (retry === null) throw await failureOf(call, outcome, hide);
      await discard(outcome);
      await sleep(retry);
    }
  }

  private headers(token: string, method: Method, body: unknown, write: WriteOptions | undefined, list: boolean): Record<string, string> {
    return {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(method === 'PATCH' || method === 'DELETE' ? { 'If-Match': write?.etag ?? '*' } : {}),
      ...(list ? { Prefer: `odata.maxpagesize=${this.options.pageSize}` } : {}),
    };
  }

  /** Every request, retries included, takes its turn at the agreed pace. */
  private async pace(): Promise<void> {
    const now = this.options.clock.monotonicMs();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.options.maxCallsPerSecond;
    if (slot > now) await sleep(slot - now);
  }

  /** The fence comes after the pace, which may wait: right before the request goes out. */
  private async request(method: Method, pathAndQuery: string, body: unknown, headers: Record<string, string>, fence?: WriteFence): Promise<Outcome> {
    await this.pace();
    await fence?.();
    return request(this.options.apiUrl + pathAndQuery, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }, this.options.timeoutMs);
  }

  /** Null when the call must not or need not be tried again. */
  private retryDelay(write: boolean, outcome: Outcome, attempt: number): number | null {
    if (attempt >= this.options.maxRetries) return null;
    const backoff = backoffMs({ baseDelayMs: this.options.retryBaseMs, maxDelayMs: MAX_BACKOFF_MS }, attempt + 1);
    if (outcome.kind === 'network') return !write || neverSent(outcome) ? backoff : null;
    const { status } = outcome.response;
    const after = () => retryAfterMs(outcome.response.headers.get('retry-after'), this.options.clock.now().getTime()) ?? backoff;
    // BC refuses a 429 before it starts on the call, so even a write is safe to send again.
    if (status === 429) return after();
    if ((status >= 500 || status === 408) && !write) return after();
    return null;
  }
}
