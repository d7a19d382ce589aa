import type { FastifyReply, FastifyRequest } from 'fastify';

/** The session cookie: only a random token, whose hash the store keeps. */
export const SESSION_COOKIE = 'offerflow_session';

export function cookieOf(request: FastifyRequest, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/**
 * httpOnly, so no script can read it; SameSite=Lax, so another site's forms and requests go
 * without it while a link from a notification mail still opens the workspace signed in
 * (Strict would not); Secure whenever the request came over https (directly, or through a
 * proxy the config trusts). No Max-Age: it ends with the browser, the store ends it sooner.
 */
function attributes(request: FastifyRequest): string {
  return `Path=/; HttpOnly; SameSite=Lax${request.protocol === 'https' ? '; Secure' : ''}`;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=${token}; ${attributes(request)}`);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=; Max-Age=0; ${attributes(request)}`);
}
