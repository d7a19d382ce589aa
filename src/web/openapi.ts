import { z } from 'zod';
import { WORKSPACE_LANGUAGES } from '../accounts/user.js';
import { actionEnvelopeSchema, reviewCommandSchema } from '../review/review-command.js';
import { catalogSearchQuery } from './routes/catalog-routes.js';

/** The API's own version: it changes when a path or a body does, not with every release. */
const API_VERSION = '1.0';

/** An OpenAPI operation's parts that are the same everywhere: who may call, and how a refusal looks. */
const ERROR = { $ref: '#/components/schemas/Error' };
const refusals = {
  '401': { description: 'No session and no API token', content: { 'application/json': { schema: ERROR } } },
  '403': { description: 'A session without the CSRF token, or from another site', content: { 'application/json': { schema: ERROR } } },
};
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const runId = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const notFound = { '404': json(ERROR, 'No such run') };

/** Request bodies are the zod schemas the handlers check them with, so the document cannot drift from them. */
const actionBody = z.toJSONSchema(z.intersection(actionEnvelopeSchema, reviewCommandSchema), { target: 'openapi-3.0', io: 'input' });
/** Query parameters are the zod schema's properties, one parameter each. */
const catalogSearchParameters = Object.entries((z.toJSONSchema(catalogSearchQuery, { target: 'openapi-3.0', io: 'input' }) as { properties: Record<string, unknown> }).properties).map(
  ([name, schema]) => ({ name, in: 'query', required: name === 'q', schema }),
);
const languageBody = z.toJSONSchema(z.object({ language: z.enum(WORKSPACE_LANGUAGES) }), { target: 'openapi-3.0', io: 'input' });

/**
 * The JSON API, described: the paths the pages use too, under /api. Integrations send an API
 * token (`Authorization: Bearer oft_…`, see `offerflow users token`); a browser's session sends
 * its CSRF token in `X-CSRF-Token` on every state-changing call.
 */
export function openApiDocument() {
  return {
    openapi: '3.0.3',
    info: { title: 'Offerflow workspace API', version: API_VERSION, description: 'Review, correct and approve the offers Offerflow drafted from request-for-quotation mail.' },
    servers: [{ url: '/' }],
    security: [{ apiToken: [] }, { session: [] }],
    components: {
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', description: 'An API token made with `offerflow users token NAME`' },
        session: { type: 'apiKey', in: 'cookie', name: 'offerflow_session', description: 'A signed-in browser; state-changing calls also need the X-CSRF-Token header' },
      },
      schemas: {
        Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' } } },
        CatalogHit: { type: 'object', required: ['sku', 'name'], properties: { sku: { type: 'string' }, name: { type: 'string' } } },
        Run: { type: 'object', description: 'A run: its status, revision, customer, salesperson, lines with their matches and prices, draft, ERP offer and history' },
      },
    },
    paths: {
      '/api/me': { get: { summary: 'Who is asking', responses: { '200': json({ type: 'object' }, 'The user or the token'), ...refusals } } },
      '/api/me/language': {
        put: { summary: "The user's own language", requestBody: { required: true, content: { 'application/json': { schema: languageBody } } }, responses: { '204': { description: 'Set' }, '400': json(ERROR, 'Not a language'), ...refusals } },
      },
      '/api/runs/{id}': {
        get: { summary: 'One run as the run page shows it', parameters: [runId], responses: { '200': json({ $ref: '#/components/schemas/Run' }, 'The run'), ...notFound, ...refusals } },
      },
      '/api/runs/{id}/actions': {
        post: {
          summary: 'Edit, approve, mark not a request, or process again',
          description: 'Sent again with the same actionId, an action changes nothing. `revision` is the one the caller saw: an older one is refused with who changed the run since.',
          parameters: [runId],
          requestBody: { required: true, content: { 'application/json': { schema: actionBody } } },
          responses: {
            '200': json({ type: 'object', properties: { outcome: { type: 'string', enum: ['done', 'repeated'] }, run: { $ref: '#/components/schemas/Run' } } }, 'Done, or done before'),
            '400': json(ERROR, 'The body is not a valid action'),
            '409': json(ERROR, 'Stale: someone changed the run since; `by`, `at` and `revision` say who, when and what it is now'),
            '422': json(ERROR, 'Refused, with the reason'),
            ...notFound,
            ...refusals,
          },
        },
      },
      '/api/catalog/search': {
        get: {
          summary: 'Search-as-you-type over the whole catalog',
          description: 'A code or its start (separators ignored), a GTIN start, or words with the last one still being typed. Best first: exact code, code start, every word, words by their start, then similar names.',
          parameters: catalogSearchParameters,
          responses: {
            '200': json({ type: 'object', required: ['results'], properties: { results: { type: 'array', items: { $ref: '#/components/schemas/CatalogHit' } } } }, 'The products found, best first'),
            '400': json(ERROR, 'No text, or a limit out of range'),
            '503': json(ERROR, 'The catalog is still loading: try again after Retry-After seconds'),
            ...refusals,
          },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }, 'OpenAPI 3'), ...refusals } } },
    },
  };
}
