import type { FastifyInstance } from 'fastify';

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

/** On every answer, static files and errors included. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(HEADERS);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
