import { z } from 'zod';
import { WORKSPACE_LANGUAGES } from '../accounts/user.js';
import { actionEnvelopeSchema, reviewCommandSchema } from '../review/review-command.js';

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
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }, 'OpenAPI 3'), ...refusals } } },
    },
  };
}
