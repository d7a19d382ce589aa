import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { MasterData } from '../../../domain/master-data.js';
import type { Clock } from '../../../time/clock.js';
import { BcFaults, bcFaultUpdateSchema, type BcFaultUpdate } from './faults.js';
import { badRequest, ODataError, resourceNotFound } from './odata-error.js';
import { ODataService, type Answer, type Method } from './odata-service.js';
import { routeOf, segmentsOf, type Segment } from './resource-path.js';
import { bcSeed } from './seed.js';
import { BcSimulatorStore } from './store.js';
import { Throttle } from './throttle.js';
import { TokenIssuer } from './tokens.js';

export const BC_SIMULATOR_ADMIN_PATH = '/__sim';
const TOKEN_CALL = 'POST /oauth2/v2.0/token';
/** The call log is for tests and for watching a run; a long-running simulator keeps only the latest. */
const CALLS_KEPT = 10_000;
const GARBLED_ANSWER = '<html><body><h1>502 Bad Gateway</h1></body></html>';
/** A header as one string, a repeated one joined as HTTP joins it. */
const headerOf = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};
const JSON_TYPE = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

export interface BcSimulatorOptions {
  /** The SQLite file the simulator keeps its data in. */
  file: string;
  port?: number;
  host?: string;
  /** The Entra tenant (id or domain) the app is registered in; it appears in both URLs. */
  tenant: string;
  /** Default 'production'. */
  environment?: string;
  clientId: string;
  clientSecret: string;
  /** Loaded when the file holds nothing yet. */
  seed?: MasterData | (() => Promise<MasterData>);
  clock: Clock;
}

export interface RunningBcSimulator {
  /** http://host:port/{tenant}/oauth2/v2.0/token */
  tokenUrl: string;
  /** http://host:port/v2.0/{tenant}/{environment}/api/v2.0 */
  apiUrl: string;
  port: number;
  setFaults(update: BcFaultUpdate): void;
  /** "METHOD /route" of every call so far, ids as :id, e.g. "POST /companies(:id)/salesQuotes(:id)/salesQuoteLines". */
  calls: string[];
  close(): Promise<void>;
}

/**
 * A Business Central stand-in that serves the part of API v2.0 Offerflow uses (companies,
 * customers, items, salespeople, sales quotes and their lines) on the real paths, behind a
 * Microsoft Entra client-credentials token endpoint, on real storage, with switchable faults.
 * It follows Microsoft's documentation and the APIV2 AL pages, not any adapter's reading of them.
 */
export async function startBcSimulator(options: BcSimulatorOptions): Promise<RunningBcSimulator> {
  const { clock, tenant } = options;
  const environment = options.environment ?? 'production';
  const store = await BcSimulatorStore.open(options.file);
  if (options.seed && (await store.isEmpty())) {
    const data = typeof options.seed === 'function' ? await options.seed() : options.seed;
    const seed = bcSeed(data, clock.now().toISOString());
    await store.transaction(async (trx) => {
      for (const record of seed.records) await trx.insert(record);
    });
  }
  const faults = new BcFaults();
  const tokens = new TokenIssuer({ tenant, clientId: options.clientId, clientSecret: options.clientSecret }, clock);
  const calls: string[] = [];
  const app = Fastify({ logger: false });
  // Bodies arrive as text: the token endpoint reads a form, the API JSON, each answering a bad one in its own shape.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const apiBase = `/v2.0/${tenant}/${environment}/api/v2.0`;
  const service = new ODataService(store, clock, apiBase, () => faults.variant);
  const throttle = new Throttle(clock);
  const setFaults = (update: BcFaultUpdate) => {
    const applied = faults.apply(update);
    if (applied.revokeTokens) tokens.revokeAll();
    if (applied.limits) throttle.limits = { ...throttle.limits, ...applied.limits };
  };
  register();
  const host = options.host ?? '127.0.0.1';
  const port = Number(new URL(await app.listen({ port: options.port ?? 0, host })).port);
  const origin = `http://${host}:${port}`;

  function register(): void {
    app.post(`${BC_SIMULATOR_ADMIN_PATH}/faults`, async (request, reply) => {
      let body: unknown;
      try {
        body = JSON.parse(String(request.body || '{}'));
      } catch {
        return reply.code(400).send({ error: { code: 'BadRequest', message: 'the fault update is not JSON' } });
      }
      const parsed = bcFaultUpdateSchema.safeParse(body);
      if (!parsed.success) return reply.code(400).send({ error: { code: 'BadRequest', message: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') } });
      setFaults(parsed.data);
      return { ok: true };
    });
    app.get(`${BC_SIMULATOR_ADMIN_PATH}/calls`, async () => ({ calls }));
    app.post('/:tenant/oauth2/v2.0/token', async (request: FastifyRequest<{ Params: { tenant: string } }>, reply) =>
      // Entra's limits are its own, not BC's.
      serve(request, reply, TOKEN_CALL, 'unlimited', async () => {
        const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
        const answer = tokens.issue(request.params.tenant, form, faults.tokenTtlSeconds);
        return { status: answer.status, body: answer.body };
      }),
    );
    app.route({
      method: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
      url: '/v2.0/*',
      handler: async (request, reply) => {
        const [path = '', queryText = ''] = request.url.split('?');
        const match = /^\/v2\.0\/([^/]+)\/([^/]+)\/api\/v2\.0(\/.*)?$/.exec(path);
        let segments: Segment[];
        try {
          if (!match) throw resourceNotFound(path);
          segments = segmentsOf(match[3] ?? '');
        } catch (error) {
          return sendError(reply, error);
        }
        return serve(request, reply, `${request.method} ${routeOf(segments)}`, 'limited', async () => {
          if (!tokens.accepts(request.headers.authorization) || decodeURIComponent(match[1]!) !== tenant) {
            reply.header('WWW-Authenticate', `Bearer authorization_uri="https://login.microsoftonline.com/${tenant}/oauth2/authorize"`);
            throw new ODataError(401, 'Authentication_InvalidCredentials', 'The server has rejected the client credentials.');
          }
          if (decodeURIComponent(match[2]!) !== environment) throw new ODataError(404, 'BadRequest_NotFound', `The environment '${match[2]}' does not exist.`);
          return service.handle({
            method: request.method as Method,
            segments,
            path: match[3] ?? '',
            origin: `${request.protocol}://${request.host}`,
            params: new URLSearchParams(queryText),
            prefer: headerOf(request, 'prefer'),
            ifMatch: headerOf(request, 'if-match'),
            acceptLanguage: headerOf(request, 'accept-language'),
            body: jsonOf(request),
          });
        });
      },
    });
    app.setNotFoundHandler((request, reply) => sendError(reply, resourceNotFound(request.url.split('?')[0]!)));
  }

  function sendError(reply: FastifyReply, error: unknown): FastifyReply {
    const known = error instanceof ODataError ? error : new ODataError(500, 'Internal_ServerError', error instanceof Error ? error.message : String(error));
    return reply.code(known.status).type(JSON_TYPE).send(known.body());
  }

  /** One call: logged, and for the API held to BC's per-user limits, then answered through the fault switches. */
  async function serve(request: FastifyRequest, reply: FastifyReply, call: string, limits: 'limited' | 'unlimited', work: () => Promise<Answer>): Promise<FastifyReply> {
    calls.push(call);
    if (calls.length > CALLS_KEPT) calls.splice(0, calls.length - CALLS_KEPT);
    const release = limits === 'limited' ? await throttle.enter() : () => undefined;
    if (!release) return sendError(reply, new ODataError(429, 'Application_TooManyRequests', "The request is over Business Central's per-user limits: too many requests at once or in the last five minutes."));
    try {
      return await faulted(request, reply, call, work);
    } finally {
      release();
    }
  }

  /** A call delayed, failed, done, crashed after or garbled, as the faults say. */
  async function faulted(request: FastifyRequest, reply: FastifyReply, call: string, work: () => Promise<Answer>): Promise<FastifyReply> {
    const delay = faults.delayFor(call);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = faults.failureFor(call);
    if (failure) {
      if (failure.retryAfterSeconds !== undefined) reply.header('Retry-After', String(failure.retryAfterSeconds));
      return sendError(reply, new ODataError(failure.status, failure.status === 429 ? 'Application_TooManyRequests' : 'Internal_ServerError', `Injected failure ${failure.status}.`));
    }
    let answer: Answer;
    try {
      answer = await work();
    } catch (error) {
      return sendError(reply, error);
    }
    if (request.method !== 'GET' && answer.status < 300 && faults.crashAfter(call)) {
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    for (const [name, value] of Object.entries(answer.headers ?? {})) reply.header(name, value);
    if (answer.etag) reply.header('ETag', answer.etag);
    reply.code(answer.status);
    if (answer.status < 300 && faults.garbleFor(call)) return reply.type('text/html').send(GARBLED_ANSWER);
    if (answer.body === undefined) return reply.send();
    if (Buffer.isBuffer(answer.body)) return reply.type(answer.contentType ?? 'application/octet-stream').send(answer.body);
    return reply.type(call === TOKEN_CALL ? 'application/json; charset=utf-8' : JSON_TYPE).header('OData-Version', '4.0').send(answer.body);
  }

  /** The body of an API call: JSON, or nothing. */
  function jsonOf(request: FastifyRequest): unknown {
    const text = typeof request.body === 'string' ? request.body : '';
    try {
      return text === '' ? undefined : JSON.parse(text);
    } catch {
      throw badRequest('The request body is not valid JSON.');
    }
  }

  return {
    tokenUrl: `${origin}/${tenant}/oauth2/v2.0/token`,
    apiUrl: `${origin}${apiBase}`,
    port,
    setFaults,
    calls,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
