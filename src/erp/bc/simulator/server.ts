import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { MasterData } from '../../../domain/master-data.js';
import type { Clock } from '../../../time/clock.js';
import { COMPANIES, CUSTOMERS, ITEMS, SALES_QUOTE_LINES, SALES_QUOTES, SALESPEOPLE, type EntitySet } from './entities.js';
import { BcFaults, bcFaultUpdateSchema, type BcFaultUpdate } from './faults.js';
import { badRequest, notFound, ODataError, resourceNotFound } from './odata-error.js';
import { arrange, NO_OPTIONS, pageOf, parseODataQuery, preferredPageSize, skipTokenOf, type ODataQuery } from './odata-query.js';
import { createLine, createQuote, deleteLine, deleteQuote, patchLine, patchQuote, type QuoteContext } from './quotes.js';
import { routeOf, segmentsOf, type Segment } from './resource-path.js';
import { bcSeed } from './seed.js';
import { BcSimulatorStore, type StoredRecord } from './store.js';
import { TokenIssuer } from './tokens.js';

export const BC_SIMULATOR_ADMIN_PATH = '/__sim';
const TOKEN_CALL = 'POST /oauth2/v2.0/token';
/** The call log is for tests and for watching a run; a long-running simulator keeps only the latest. */
const CALLS_KEPT = 10_000;
const GARBLED_ANSWER = '<html><body><h1>502 Bad Gateway</h1></body></html>';
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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface Answer {
  status: number;
  body?: unknown;
  etag?: string;
  headers?: Record<string, string>;
}

/** The entity sets under a company, and what each may `$expand`. */
const COMPANY_SETS: Record<string, { set: EntitySet; expand: string[] }> = {
  customers: { set: CUSTOMERS, expand: [] },
  items: { set: ITEMS, expand: [] },
  salespeoplePurchasers: { set: SALESPEOPLE, expand: [] },
  salesQuotes: { set: SALES_QUOTES, expand: ['salesQuoteLines'] },
  salesQuoteLines: { set: SALES_QUOTE_LINES, expand: [] },
};
const WRITABLE = new Set(['salesQuotes', 'salesQuoteLines']);

/** BC's weak ETag: opaque base64, made from the record's write count so that every write changes it. */
const etagOf = (record: StoredRecord) => `W/"${Buffer.from(`'${record.version};${record.doc.id};'`).toString('base64')}"`;

/** BC's own wording, as reported in hougaard/Simple-Object-Designer#100. */
const methodNotAllowed = (method: string, name: string, kind: 'Collection' | 'Entity') =>
  new ODataError(405, 'BadRequest_MethodNotAllowed', `'${method}' requests for '${name}' of EdmType '${kind}' are not allowed within Dynamics 365 Business Central OData web services.`);

/** Whether an If-Match value is an ETag this server could have made, stale or not. */
const isOurEtag = (tag: string) => /^W\/"[A-Za-z0-9+/]+=*"$/.test(tag) && /^'\d+;[0-9a-f-]{36};'$/.test(Buffer.from(tag.slice(3, -1), 'base64').toString());

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

  const host = options.host ?? '127.0.0.1';
  const address = await listen();
  const port = Number(new URL(address).port);
  const origin = `http://${host}:${port}`;
  const apiBase = `/v2.0/${tenant}/${environment}/api/v2.0`;
  const apiUrl = `${origin}${apiBase}`;

  const setFaults = (update: BcFaultUpdate) => {
    if (faults.apply(update).revokeTokens) tokens.revokeAll();
  };

  function listen(): Promise<string> {
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
      serve(request, reply, TOKEN_CALL, async () => {
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
        return serve(request, reply, `${request.method} ${routeOf(segments)}`, async () => {
          if (!tokens.accepts(request.headers.authorization) || decodeURIComponent(match[1]!) !== tenant) {
            reply.header('WWW-Authenticate', `Bearer authorization_uri="https://login.microsoftonline.com/${tenant}/oauth2/authorize"`);
            throw new ODataError(401, 'Authentication_InvalidCredentials', 'The server has rejected the client credentials.');
          }
          if (decodeURIComponent(match[2]!) !== environment) throw new ODataError(404, 'BadRequest_NotFound', `The environment '${match[2]}' does not exist.`);
          return api(request, request.method as Method, segments, new URLSearchParams(queryText), match[3] ?? '');
        });
      },
    });
    app.setNotFoundHandler((request, reply) => sendError(reply, resourceNotFound(request.url.split('?')[0]!)));
    return app.listen({ port: options.port ?? 0, host });
  }

  function sendError(reply: FastifyReply, error: unknown): FastifyReply {
    const known = error instanceof ODataError ? error : new ODataError(500, 'Internal_ServerError', error instanceof Error ? error.message : String(error));
    return reply.code(known.status).type(JSON_TYPE).send(known.body());
  }

  /** One call through the fault switches: logged, delayed, failed, done, crashed after or garbled. */
  async function serve(request: FastifyRequest, reply: FastifyReply, call: string, work: () => Promise<Answer>): Promise<FastifyReply> {
    calls.push(call);
    if (calls.length > CALLS_KEPT) calls.splice(0, calls.length - CALLS_KEPT);
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
    return reply.type(call === TOKEN_CALL ? 'application/json; charset=utf-8' : JSON_TYPE).header('OData-Version', '4.0').send(answer.body);
  }

  function parseJson(request: FastifyRequest): unknown {
    const text = typeof request.body === 'string' ? request.body : '';
    try {
      return text === '' ? undefined : JSON.parse(text);
    } catch {
      throw badRequest('The request body is not valid JSON.');
    }
  }

  /** `@odata.context`: the entity set's path, and `/$entity` after it for a single entity. */
  const contextOf = (resourcePath: string, entity: boolean) => {
    const path = resourcePath.replace(/^\//, '');
    return `${apiUrl}/$metadata#${entity ? `${path.replace(/\([^()]*\)$/, '')}/$entity` : path}`;
  };

  async function present(record: StoredRecord, companyId: string, query: ODataQuery | null): Promise<Record<string, unknown>> {
    const doc = query?.select ? Object.fromEntries(query.select.map((name) => [name, record.doc[name]])) : record.doc;
    const shown: Record<string, unknown> = { '@odata.etag': etagOf(record), ...doc };
    if (query?.expand.includes('salesQuoteLines')) {
      const lines = (await store.list('salesQuoteLines', companyId, record.doc.id)).sort((a, b) => Number(a.doc.sequence) - Number(b.doc.sequence));
      shown.salesQuoteLines = lines.map((line) => ({ '@odata.etag': etagOf(line), ...line.doc }));
    }
    return shown;
  }

  async function listAnswer(request: FastifyRequest, records: StoredRecord[], set: EntitySet, expand: string[], params: URLSearchParams, resourcePath: string, companyId: string): Promise<Answer> {
    const query = parseODataQuery(params, set, expand);
    const byId = new Map(records.map((r) => [r.doc.id, r]));
    const rows = arrange(
      records.map((r) => r.doc),
      query,
      set,
    );
    const prefer = request.headers.prefer;
    const asked = preferredPageSize(Array.isArray(prefer) ? prefer.join(',') : prefer);
    const { page, nextOffset } = pageOf(rows, query, asked ?? faults.variant.defaultPageSize);
    const body: Record<string, unknown> = { '@odata.context': contextOf(resourcePath, false) };
    if (query.count) body['@odata.count'] = rows.length;
    body.value = await Promise.all(page.map((row) => present(byId.get(String(row.id))!, companyId, query)));
    if (nextOffset !== null) {
      const next = new URLSearchParams(params);
      next.set('$skiptoken', skipTokenOf(nextOffset));
      body['@odata.nextLink'] = `${apiUrl}${resourcePath}?${next.toString()}`;
    }
    return { status: 200, body, headers: asked === null ? {} : { 'Preference-Applied': `odata.maxpagesize=${asked}` } };
  }

  async function entityAnswer(status: number, record: StoredRecord, companyId: string, resourcePath: string, query: ODataQuery | null): Promise<Answer> {
    return { status, etag: etagOf(record), body: { '@odata.context': contextOf(resourcePath, true), ...(await present(record, companyId, query)) } };
  }

  /** 201 with the new entity and where it lives; a deep insert answers its lines inline, as OData has it answer what it created. */
  async function createdAnswer(record: StoredRecord, companyId: string, collectionPath: string, expand: string[] = []): Promise<Answer> {
    const path = `${collectionPath}(${record.doc.id})`;
    const answer = await entityAnswer(201, record, companyId, path, expand.length ? { ...NO_OPTIONS, expand } : null);
    return { ...answer, headers: { Location: `${apiUrl}${path}` } };
  }

  /** If-Match is required on PATCH and DELETE (dev-itpro/webservices/use-odata-to-modify-data.md); `*` matches anything. */
  function checkIfMatch(request: FastifyRequest, record: StoredRecord): void {
    const header = request.headers['if-match'];
    const given = Array.isArray(header) ? header.join(',') : header;
    if (given === undefined || given === '') {
      throw new ODataError(faults.variant.missingIfMatchStatus, 'BadRequest_InvalidToken', 'Could not validate the client concurrency token required by the service. Please provide a valid token in the client request.');
    }
    const tags = given.split(',').map((tag) => tag.trim());
    if (tags.includes('*') || tags.includes(etagOf(record))) return;
    if (!tags.some(isOurEtag)) throw new ODataError(400, 'BadRequest_InvalidToken', 'Could not validate the client concurrency token required by the service. Please provide a valid token in the client request.');
    throw new ODataError(faults.variant.staleEtagStatus, 'Request_EntityChanged', 'Another user has already changed the record.');
  }

  async function api(request: FastifyRequest, method: Method, segments: Segment[], params: URLSearchParams, resourcePath: string): Promise<Answer> {
    const [first, second, third, ...rest] = segments;
    if (!first || first.name !== 'companies' || rest.length > 0) throw resourceNotFound(segments.map((s) => s.name).join('/') || '(none)');
    if (!second) {
      if (first.key === null) {
        if (method !== 'GET') throw methodNotAllowed(method, 'companies', 'Collection');
        return listAnswer(request, await store.companies(), COMPANIES, [], params, resourcePath, '');
      }
      const company = await companyOf(first.key);
      if (method !== 'GET') throw methodNotAllowed(method, 'companies', 'Entity');
      return entityAnswer(200, company, company.doc.id, resourcePath, parseODataQuery(params, COMPANIES, []));
    }
    if (first.key === null) throw resourceNotFound(second.name);
    const companyId = (await companyOf(first.key)).doc.id;
    const entry = COMPANY_SETS[second.name];
    if (!entry) throw resourceNotFound(second.name);
    const ctx: QuoteContext = { store, companyId, now: clock.now().toISOString() };
    if (third) return quoteLines(request, method, ctx, second, third, params, resourcePath);
    if (second.key === null) return collection(request, method, ctx, second.name, params, resourcePath);
    const record = await store.get(second.name, companyId, second.key);
    if (!record) throw notFound(entry.set.entity, second.key);
    return entity(request, method, ctx, second.name, record, params, resourcePath);
  }

  async function companyOf(id: string): Promise<StoredRecord> {
    const company = await store.get('companies', id, id);
    if (!company) throw new ODataError(404, 'Internal_CompanyNotFound', `The company '${id}' does not exist.`);
    return company;
  }

  async function collection(request: FastifyRequest, method: Method, ctx: QuoteContext, name: string, params: URLSearchParams, resourcePath: string): Promise<Answer> {
    const { set, expand } = COMPANY_SETS[name]!;
    if (method === 'GET') {
      if (name === 'salesQuoteLines') return topLevelLines(request, ctx, params, resourcePath);
      return listAnswer(request, await store.list(name, ctx.companyId), set, expand, params, resourcePath, ctx.companyId);
    }
    if (method !== 'POST' || !WRITABLE.has(name)) throw methodNotAllowed(method, name, 'Collection');
    const body = parseJson(request);
    if (name === 'salesQuotes') {
      const quote = await store.transaction((trx) => createQuote({ ...ctx, store: trx }, body));
      const deep = typeof body === 'object' && body !== null && 'salesQuoteLines' in body;
      return createdAnswer(quote, ctx.companyId, resourcePath, deep ? ['salesQuoteLines'] : []);
    }
    const documentId = (body as { documentId?: unknown } | undefined)?.documentId;
    const quote = typeof documentId === 'string' ? await store.get('salesQuotes', ctx.companyId, documentId.toLowerCase()) : null;
    if (!quote) throw badRequest('A "documentId" of an existing sales quote must be provided to create a line here.');
    const line = await store.transaction((trx) => createLine({ ...ctx, store: trx }, quote, body));
    return createdAnswer(line, ctx.companyId, resourcePath);
  }

  /** The top-level lines set loads lines by document, so it needs a documentId (or a line id) to list any. */
  async function topLevelLines(request: FastifyRequest, ctx: QuoteContext, params: URLSearchParams, resourcePath: string): Promise<Answer> {
    const documentId = /documentId\s+eq\s+([0-9a-fA-F-]{36})/.exec(params.get('$filter') ?? '')?.[1];
    if (!documentId) throw new ODataError(400, 'Application_DialogException', 'You must specify an Id or a Document Id to get the lines.');
    return listAnswer(request, await store.list('salesQuoteLines', ctx.companyId, documentId.toLowerCase()), SALES_QUOTE_LINES, [], params, resourcePath, ctx.companyId);
  }

  async function entity(request: FastifyRequest, method: Method, ctx: QuoteContext, name: string, record: StoredRecord, params: URLSearchParams, resourcePath: string): Promise<Answer> {
    const { set, expand } = COMPANY_SETS[name]!;
    if (method === 'GET') return entityAnswer(200, record, ctx.companyId, resourcePath, parseODataQuery(params, set, expand));
    if (method === 'POST' || method === 'PUT' || !WRITABLE.has(name)) throw methodNotAllowed(method, name, 'Entity');
    checkIfMatch(request, record);
    if (method === 'DELETE') {
      await store.transaction((trx) => (name === 'salesQuotes' ? deleteQuote({ ...ctx, store: trx }, record) : deleteLine({ ...ctx, store: trx }, record)));
      return { status: 204 };
    }
    const body = parseJson(request);
    const updated = await store.transaction((trx) => (name === 'salesQuotes' ? patchQuote({ ...ctx, store: trx }, record, body) : patchLine({ ...ctx, store: trx }, record, body)));
    return entityAnswer(200, updated, ctx.companyId, resourcePath, null);
  }

  async function quoteLines(request: FastifyRequest, method: Method, ctx: QuoteContext, quoteSegment: Segment, linesSegment: Segment, params: URLSearchParams, resourcePath: string): Promise<Answer> {
    if (quoteSegment.name !== 'salesQuotes' || quoteSegment.key === null || linesSegment.name !== 'salesQuoteLines') throw resourceNotFound(linesSegment.name);
    const quote = await store.get('salesQuotes', ctx.companyId, quoteSegment.key);
    if (!quote) throw notFound('salesQuote', quoteSegment.key);
    if (linesSegment.key === null) {
      if (method === 'GET') return listAnswer(request, await store.list('salesQuoteLines', ctx.companyId, quote.doc.id), SALES_QUOTE_LINES, [], params, resourcePath, ctx.companyId);
      if (method !== 'POST') throw methodNotAllowed(method, 'salesQuoteLines', 'Collection');
      const body = parseJson(request);
      const line = await store.transaction((trx) => createLine({ ...ctx, store: trx }, quote, body));
      return createdAnswer(line, ctx.companyId, resourcePath);
    }
    const line = await store.get('salesQuoteLines', ctx.companyId, linesSegment.key);
    if (!line || line.parentId !== quote.doc.id) throw notFound('salesQuoteLine', linesSegment.key);
    return entity(request, method, ctx, 'salesQuoteLines', line, params, resourcePath);
  }

  return {
    tokenUrl: `${origin}/${tenant}/oauth2/v2.0/token`,
    apiUrl,
    port,
    setFaults,
    calls,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
