import type { FastifyInstance } from 'fastify';

/** Far above any form of the workspace; a larger body is refused before it is read. */
const FORM_BODY_LIMIT = 64 * 1024;

/** HTML forms post `application/x-www-form-urlencoded`: read as a plain record, checked by each route's zod schema. */
export function acceptForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}
