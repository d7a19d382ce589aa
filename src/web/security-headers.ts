import type { FastifyInstance, FastifyReply } from 'fastify';

declare module 'fastify' {
  interface FastifyReply {
    /** Set by `frameableDocument`: this answer's own policy, in place of the workspace's. */
    framedPolicy: string | null;
  }
}

/**
 * Scripts, styles, images and fonts only from the workspace itself, never inline, so markup
 * that slipped through could run nothing and send nothing anywhere; no framing, no plugins,
 * forms only to ourselves. The referrer only to ourselves: a set-password link's token is in
 * its URL. (Not `no-referrer`: a browser then sends `Origin: null` on our own forms, which the
 * origin check must refuse.)
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * An answer that the workspace's own pages show in a frame (the customer's mail): it gets the
 * policy given, which must be at least as strict as the workspace's for what it loads, and
 * may be framed by our own pages only. Every other header stays the workspace's.
 */
export function frameableDocument(reply: FastifyReply, policy: readonly string[]): void {
  reply.framedPolicy = [...policy, "frame-ancestors 'self'"].join('; ');
}

function headersOf(reply: FastifyReply): Record<string, string> {
  if (reply.framedPolicy === null) return HEADERS;
  return { ...HEADERS, 'content-security-policy': reply.framedPolicy, 'x-frame-options': 'SAMEORIGIN' };
}

/** On every answer, static files and errors included. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.decorateReply('framedPolicy', null);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(headersOf(reply));
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
