import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { LemonsoftCredentials } from '../client.js';
import { offerRowSchema, type WirePricelist, type WirePricelistRow, type WireProduct } from '../wire.js';
import { Faults, faultUpdateSchema, type FaultUpdate, type OfferStep } from './faults.js';
import type { MasterData } from '../../../domain/master-data.js';
import { lemonsoftMasterData } from './seed.js';
import { parseQuery, type Query } from './query.js';
import { NotFound, SimulatorStore, type Page } from './store.js';
import type { Clock } from '../../../time/clock.js';

const SIMULATOR_BASE_PATH = '/Lemonsoft30';
export const SIMULATOR_ADMIN_PATH = '/__sim';

export interface SimulatorOptions {
  /** The SQLite file the simulator keeps its data in. */
  file: string;
  port?: number;
  host?: string;
  credentials: LemonsoftCredentials;
  /** Loaded when the file holds no products yet. */
  seed?: MasterData | (() => Promise<MasterData>);
  clock: Clock;
}

export interface RunningSimulator {
  /** The base URL a Lemonsoft client is given, ending in /Lemonsoft30. */
  url: string;
  port: number;
  setFaults(update: FaultUpdate): void;
  /** "METHOD /route" of every API call so far, in order. */
  calls: string[];
  close(): Promise<void>;
}

type Request = FastifyRequest<{ Querystring: Query; Params: Record<string, string> }>;

const DEFAULT_PAGE_SIZE = 10;
/** The call log is for tests and for watching a run; a long-running simulator keeps only the latest. */
const CALLS_KEPT = 10_000;
const MAX_PAGE_SIZE = 1000;
const OPEN_PATHS = new Set(['/api/auth/login', '/api/auth/login/token', '/api/auth/renew']);
/** The writes whose answer the schema leaves untyped, so that a real Lemonsoft may answer them without a body. */
const UNTYPED_WRITES = /^(PUT \/api\/offers|(POST|PUT|DELETE) \/api\/offers\/\d+\/offerrow(list|s))$/;
const GARBLED_ANSWER = '<html><body><h1>502 Bad Gateway</h1></body></html>';

/** "METHOD /api/path" of a call, without the base path and the query. */
const callOf = (request: FastifyRequest) => `${request.method} ${request.url.slice(SIMULATOR_BASE_PATH.length).split('?')[0]!}`;

/** Lemonsoft's own examples page with `page`, the schema with `filter.page`: both are accepted. */
function values(query: Query, name: string): string[] {
  const value = query[`filter.${name}`] ?? query[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
const first = (query: Query, name: string): string | undefined => values(query, name)[0];
const numbers = (query: Query, name: string): number[] => values(query, name).map(Number).filter(Number.isFinite);

function pageOf(query: Query): Page {
  const page = Math.max(1, Number(first(query, 'page') ?? 1) || 1);
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(first(query, 'page_size') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE));
  return { page, size };
}

const list = <T>(results: T[]) => ({ result_count: results.length, results });

const loginBody = z.record(z.string(), z.unknown()).transform((body) => Object.fromEntries(Object.entries(body).map(([k, v]) => [k.toLowerCase(), v])));

const headerBody = z.looseObject({ offer_number: z.number().int() });
const rowsBody = z.array(offerRowSchema);
const rowUpdatesBody = z.array(offerRowSchema.extend({ id: z.number().int() }));
const rowIdsBody = z.array(z.number().int());

function validOn(list: WirePricelist, date: string): boolean {
  return (!list.start_datetime || list.start_datetime.slice(0, 10) <= date) && (!list.end_datetime || date <= list.end_datetime.slice(0, 10));
}

/**
 * JSON whatever its parameters (`; charset=utf-8`), and no body at all whatever its content
 * type: clients send a JSON or a form content type with an empty body to create an offer.
 * Any other body is refused, as a JSON API does.
 */
function acceptBodiesAsLemonRest(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    done(Object.assign(new Error(`unsupported content type ${request.headers['content-type'] ?? '(none)'}: send JSON`), { statusCode: 415 }), undefined);
  });
}

/** One price as a Lemonsoft that resolves it itself might answer: for quantity 1, the product's own row before its group's. */
function resolvedPrice(product: WireProduct, rows: WirePricelistRow[]): { price: number; discount: number } {
  const fromOne = rows.filter((row) => (row.amount ?? 1) <= 1).sort((a, b) => Number(a.is_product_group ?? false) - Number(b.is_product_group ?? false));
  const row = fromOne[0];
  const listPrice = product.sales_price_taxless ?? 0;
  if (!row) return { price: listPrice, discount: 0 };
  return row.price ? { price: row.price, discount: 0 } : { price: listPrice, discount: row.discount ?? 0 };
}

function badRequest(reply: FastifyReply, error: z.ZodError): FastifyReply {
  const issue = error.issues[0]!;
  return reply.code(400).send({ message: `invalid body at '${issue.path.join('.') || '(root)'}': ${issue.message}` });
}

/**
 * A Lemonsoft stand-in that speaks the subset of LemonRest Offerflow uses, with the same
 * paths, field names, paging and sessions, on real storage, plus switchable faults. It exists
 * because no Lemonsoft can be reached from a test machine; an ordinary Lemonsoft client works
 * against it unchanged.
 */
export async function startLemonsoftSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const store = await SimulatorStore.open(options.file);
  const { clock } = options;
  const now = () => clock.now();
  if (options.seed && (await store.isEmpty())) {
    const seed = typeof options.seed === 'function' ? await options.seed() : options.seed;
    await store.putMasterData(lemonsoftMasterData(seed, now().toISOString()), now().toISOString());
  }
  const faults = new Faults();
  const sessions = new Map<string, number>();
  const calls: string[] = [];
  const app = Fastify({ logger: false, routerOptions: { querystringParser: parseQuery } });
  acceptBodiesAsLemonRest(app);

  const setFaults = (update: FaultUpdate) => {
    if (faults.apply(update).expireSessions) sessions.clear();
  };
  const crash = (request: FastifyRequest, reply: FastifyReply, step: OfferStep): boolean => {
    if (!faults.crashAfter(step)) return false;
    reply.hijack();
    request.raw.socket.destroy();
    return true;
  };

  app.post(`${SIMULATOR_ADMIN_PATH}/faults`, async (request, reply) => {
    const parsed = faultUpdateSchema.safeParse(request.body ?? {});
    if (!parsed.success) return badRequest(reply, parsed.error);
    setFaults(parsed.data);
    return { ok: true };
  });
  app.get(`${SIMULATOR_ADMIN_PATH}/calls`, async () => ({ calls }));

  await app.register(
    async (api: FastifyInstance) => {
      api.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const call = callOf(request);
        const path = call.slice(request.method.length + 1);
        calls.push(`${request.method} ${request.routeOptions.url?.slice(SIMULATOR_BASE_PATH.length) ?? path}`);
        if (calls.length > CALLS_KEPT) calls.splice(0, calls.length - CALLS_KEPT);
        const delay = faults.delayFor(call);
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        const failure = faults.failureFor(call);
        if (failure) {
          if (failure.retryAfterSeconds !== undefined) reply.header('Retry-After', String(failure.retryAfterSeconds));
          return reply.code(failure.status).send({ message: `injected failure ${failure.status}` });
        }
        if (OPEN_PATHS.has(path)) return;
        const sessionId = request.headers['session-id'];
        const expires = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
        if (expires === undefined || expires < clock.monotonicMs()) {
          if (typeof sessionId === 'string') sessions.delete(sessionId);
          return reply.code(401).send({ message: 'session is not valid; log in again' });
        }
      });
      api.addHook('preSerialization', async (_request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
        const rows = (payload as { offer_rows?: unknown } | null)?.offer_rows;
        if (!faults.variant.renumberRows || !Array.isArray(rows)) return payload;
        return { ...(payload as object), offer_rows: rows.map((row: object, i) => ({ ...row, position: (i + 1) * 10 })) };
      });
      api.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
        if (reply.statusCode >= 300) return payload;
        const call = callOf(request);
        if (faults.garbleFor(call)) {
          reply.header('content-type', 'text/html');
          return GARBLED_ANSWER;
        }
        return faults.variant.emptyWriteAnswers && UNTYPED_WRITES.test(call) ? '' : payload;
      });
      registerAuth(api);
      registerMasterData(api);
      registerOffers(api);
    },
    { prefix: SIMULATOR_BASE_PATH },
  );

  function registerAuth(api: FastifyInstance): void {
    const login = async (request: FastifyRequest, reply: FastifyReply) => {
      const body = loginBody.safeParse(request.body ?? {});
      const given = body.success ? body.data : {};
      const { username, password, database, apiKey } = options.credentials;
      if (given.username !== username || given.password !== password || given.database !== database || given.apikey !== apiKey) {
        return reply.code(401).send({ message: 'login failed: unknown user, password, database or api key' });
      }
      for (const [old, expires] of sessions) if (expires < clock.monotonicMs()) sessions.delete(old);
      const id = randomUUID();
      sessions.set(id, clock.monotonicMs() + faults.sessionTtlMs);
      return { session_id: id };
    };
    api.post('/api/auth/login', login);
    api.post('/api/auth/renew', async (request: FastifyRequest, reply: FastifyReply) => {
      const { renewAnswer } = faults.variant;
      if (renewAnswer === 'session') return login(request, reply);
      return renewAnswer === 'empty' ? reply.code(200).send() : {};
    });
    api.post('/api/auth/login/token', async (_request, reply) => reply.code(401).send({ message: 'token login is not simulated' }));
    api.get('/api/auth/alive', async () => ({ alive: true }));
  }

  function registerMasterData(api: FastifyInstance): void {
    api.get('/api/customers', async (request: Request) => {
      const q = request.query;
      return list(
        await store.customers(
          { numbers: numbers(q, 'customer_number'), name: first(q, 'name') ?? first(q, 'search_name'), email: first(q, 'email'), vat: first(q, 'vat'), search: first(q, 'search'), updatedAfter: first(q, 'updated_after') },
          pageOf(q),
        ),
      );
    });
    api.get('/api/customers/:id', async (request: Request, reply) => (await store.customerById(Number(request.params.id))) ?? reply.code(404).send({ message: 'no such customer' }));
    api.get('/api/customers/:id/contacts', async (request: Request, reply) => {
      const customer = await store.customerById(Number(request.params.id));
      return customer ? (customer.contacts ?? []).map((contact) => ({ ...contact, customer_id: customer.id })) : reply.code(404).send({ message: 'no such customer' });
    });
    api.get('/api/persons', async (request: Request) => list(await store.persons({ numbers: numbers(request.query, 'number'), search: first(request.query, 'search') }, pageOf(request.query))));
    api.get('/api/persons/current', async () => ({ number: 0, name: options.credentials.username, email: '' }));
    api.get('/api/persons/:id', async (request: Request, reply) => {
      const [person] = await store.persons({ numbers: [Number(request.params.id)] }, { page: 1, size: 1 });
      return person ?? reply.code(404).send({ message: 'no such person' });
    });
    api.get('/api/products', async (request: Request) => {
      const q = request.query;
      return list(
        await store.products(
          { skus: values(q, 'sku'), eans: values(q, 'ean'), name: first(q, 'name'), search: first(q, 'search'), modifiedAfter: first(q, 'modified_after'), showNonactive: first(q, 'show_nonactive') === 'true' },
          pageOf(q),
        ),
      );
    });
    api.get('/api/products/:id', async (request: Request, reply) => (await store.productById(Number(request.params.id))) ?? reply.code(404).send({ message: 'no such product' }));
    api.get('/api/pricelists', async (request: Request) => list(await store.pricelists(pageOf(request.query))));
    api.get('/api/pricelists/:id', async (request: Request, reply) => (await store.pricelist(Number(request.params.id))) ?? reply.code(404).send({ message: 'no such price list' }));
    api.get('/api/pricelists/:id/:code', async (request: Request, reply) => {
      const listId = Number(request.params.id);
      const [product] = await store.products({ skus: [request.params.code!], showNonactive: true }, { page: 1, size: 1 });
      if (!product || !(await store.pricelist(listId))) return reply.code(404).send({ message: 'no such price list or product' });
      const date = (first(request.query, 'list_valid_date') ?? now().toISOString()).slice(0, 10);
      const customer = Number(first(request.query, 'cust_no'));
      const lists = (await store.allPricelists()).filter(
        (l) => (l.id === listId || (Number.isFinite(customer) && (l.customers ?? []).some((c) => c.number === customer))) && validOn(l, date),
      );
      const group = product.group_code === null || product.group_code === undefined ? null : String(product.group_code);
      const rows = lists.flatMap((l) => (l.products ?? []).filter((row) => (row.is_product_group ? row.code === group : row.code === product.sku)));
      return faults.variant.priceAnswer === 'rows' ? list(rows) : resolvedPrice(product, rows);
    });
  }

  function registerOffers(api: FastifyInstance): void {
    const stamp = () => now().toISOString();
    const notFound = (reply: FastifyReply) => reply.code(404).send({ message: 'no such offer' });
    api.post('/api/offers/:id', async (request: Request, reply) => {
      const offer = await store.createOffer(Number(request.params.id), stamp().slice(0, 10), stamp());
      return crash(request, reply, 'create') ? reply : offer;
    });
    api.get('/api/offers/:id', async (request: Request, reply) => (await store.offer(Number(request.params.id))) ?? notFound(reply));
    api.get('/api/offers', async (request: Request) => {
      const q = request.query;
      const customer = first(q, 'customer_number');
      return list(
        await store.offers(
          {
            customerNumber: customer === undefined ? undefined : Number(customer),
            numbers: numbers(q, 'offer_numbers'),
            updatedAfter: first(q, 'updated_after'),
            dateAfter: first(q, 'offer_date_after'),
            search: first(q, 'search'),
            searchIgnoresReference: faults.variant.searchIgnoresReference,
          },
          pageOf(q),
        ),
      );
    });
    api.put('/api/offers', async (request, reply) => {
      const body = headerBody.safeParse(request.body);
      if (!body.success) return badRequest(reply, body.error);
      const offer = await store.updateOfferHeader(body.data, stamp(), faults.variant.putReplacesHeader);
      if (!offer) return notFound(reply);
      return crash(request, reply, 'header') ? reply : offer;
    });
    const addRows = async (request: Request, reply: FastifyReply, body: unknown) => {
      const rows = rowsBody.safeParse(body);
      if (!rows.success) return badRequest(reply, rows.error);
      const offer = await store.addOfferRows(Number(request.params.id), rows.data, stamp());
      if (!offer) return notFound(reply);
      return crash(request, reply, 'rows') ? reply : offer;
    };
    api.post('/api/offers/:id/offerrowlist', async (request: Request, reply) => addRows(request, reply, request.body));
    api.post('/api/offers/:id/offerrows', async (request: Request, reply) => addRows(request, reply, [request.body]));
    const updateRows = async (request: Request, reply: FastifyReply, body: unknown) => {
      const rows = rowUpdatesBody.safeParse(body);
      if (!rows.success) return badRequest(reply, rows.error);
      const offer = await store.updateOfferRows(Number(request.params.id), rows.data, stamp());
      if (offer instanceof NotFound) return reply.code(404).send({ message: offer.message });
      return crash(request, reply, 'updateRows') ? reply : offer;
    };
    api.put('/api/offers/:id/offerrowlist', async (request: Request, reply) => updateRows(request, reply, request.body));
    api.put('/api/offers/:id/offerrows', async (request: Request, reply) => updateRows(request, reply, [request.body]));
    const deleteRows = async (request: Request, reply: FastifyReply, body: unknown) => {
      const ids = rowIdsBody.safeParse(body);
      if (!ids.success) return badRequest(reply, ids.error);
      const offer = await store.deleteOfferRows(Number(request.params.id), ids.data, stamp());
      if (offer instanceof NotFound) return reply.code(404).send({ message: offer.message });
      return crash(request, reply, 'deleteRows') ? reply : offer;
    };
    api.delete('/api/offers/:id/offerrowlist', async (request: Request, reply) => deleteRows(request, reply, request.body));
    // One row id, as the one-row routes take one row where the list routes take an array.
    api.delete('/api/offers/:id/offerrows', async (request: Request, reply) => deleteRows(request, reply, [request.body]));
  }

  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const port = Number(new URL(address).port);
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}${SIMULATOR_BASE_PATH}`,
    port,
    setFaults,
    calls,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
