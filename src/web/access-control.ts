import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Accounts } from '../accounts/open-accounts.js';
import { sameSecret } from '../accounts/secret-token.js';
import { clearSessionCookie, cookieOf, SESSION_COOKIE } from './cookies.js';
import { csrfTokenOf } from './csrf.js';
import { CSRF_FIELD, CSRF_HEADER } from './layout.js';
import type { Principal } from './principal.js';

/**
 * Routes anyone may reach. Matched by the route that answers, not by the URL's text, so no
 * spelling of a path (encoded, doubled slashes, a query) reaches a guarded route as public, and
 * a path no route answers is guarded too.
 */
const PUBLIC_ROUTES = new Set(['/healthz', '/readyz', '/metrics', '/login', '/set-password', '/static/:file']);
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const isApi = (request: FastifyRequest) => request.url === '/api' || request.url.startsWith('/api/');

function bearerOf(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

async function principalOf(request: FastifyRequest, reply: FastifyReply, accounts: Accounts): Promise<Principal | null> {
  const bearer = isApi(request) ? bearerOf(request) : null;
  if (bearer) {
    const name = await accounts.apiTokens.resolve(bearer);
    return name === null ? null : { kind: 'token', name };
  }
  const token = cookieOf(request, SESSION_COOKIE);
  if (!token) return null;
  const session = await accounts.sessions.resolve(token);
  if (!session) {
    clearSessionCookie(request, reply);
    return null;
  }
  return { kind: 'user', user: session.user, sessionToken: token, csrfToken: csrfTokenOf(token) };
}

/** The browser says where a request came from on every unsafe one; another site's is refused whatever it carries. */
function foreignOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  return origin !== publicOrigin && origin !== `${request.protocol}://${request.host}`;
}

function csrfTokenSent(request: FastifyRequest): string | null {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | null | undefined;
  const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
  return typeof field === 'string' ? field : null;
}

export interface Refusals {
  /** A page asked for without a session. */
  signInFirst(request: FastifyRequest, reply: FastifyReply): FastifyReply;
  /** An unsafe request without its CSRF token, or from another site. */
  forbidden(request: FastifyRequest, reply: FastifyReply): FastifyReply;
}

/**
 * Every request is given its principal; one without is refused unless its route is public:
 * 401 under /api, a redirect to the sign-in page elsewhere. Every unsafe request made with a
 * session must carry that session's CSRF token (form field or header); an API token needs
 * none, as no browser sends it by itself.
 */
export function controlAccess(app: FastifyInstance, accounts: Accounts, publicOrigin: string, refusals: Refusals): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    request.principal = await principalOf(request, reply, accounts);
    if (request.principal || PUBLIC_ROUTES.has(request.routeOptions.url ?? '')) return;
    if (isApi(request)) return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized', message: 'sign in or send an API token' });
    return refusals.signInFirst(request, reply);
  });
  app.addHook('preHandler', async (request, reply) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    if (foreignOrigin(request, publicOrigin)) return refusals.forbidden(request, reply);
    const principal = request.principal;
    if (principal?.kind !== 'user') return;
    const sent = csrfTokenSent(request);
    if (sent === null || !sameSecret(sent, principal.csrfToken)) return refusals.forbidden(request, reply);
  });
}
