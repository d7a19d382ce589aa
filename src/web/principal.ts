import type { User } from '../accounts/user.js';

/** Who a request acts for: a signed-in user (by session cookie) or an integration (by API token). */
export type Principal = { kind: 'user'; user: User; sessionToken: string; csrfToken: string } | { kind: 'token'; name: string };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function signedInUser(principal: Principal | null): Extract<Principal, { kind: 'user' }> {
  if (principal?.kind !== 'user') throw new Error('route reached without a signed-in user');
  return principal;
}
