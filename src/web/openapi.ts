import { z } from 'zod';
import { WORKSPACE_LANGUAGES } from '../accounts/user.js';
import { PERIOD_DAYS } from '../insight/insight.js';
import { actionEnvelopeSchema, reviewCommandSchema } from '../review/review-command.js';
import { STORED_RUN_STATUSES } from '../workflow/run-store.js';
import type { InboxQuery } from './inbox/inbox-query.js';
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
const periodDays = { name: 'days', in: 'query', required: false, description: 'The period, in days back from now', schema: { type: 'integer', enum: [...PERIOD_DAYS], default: PERIOD_DAYS[0] } };
const figures = {
  type: 'object',
  description: 'Over the requests: runs that finished created, needs_review or failed. Touchless: created with nothing to review and no person acted on it. Times are from the mail’s arrival to its first approval, in milliseconds; median and p90 by nearest rank.',
  properties: {
    requests: { type: 'integer' },
    touchless: { type: 'integer' },
    touchlessRate: { type: 'number', nullable: true },
    approved: { type: 'integer' },
    medianMsToApproval: { type: 'number', nullable: true },
    p90MsToApproval: { type: 'number', nullable: true },
  },
};

/** Request bodies are the zod schemas the handlers check them with, so the document cannot drift from them. */
const actionBody = z.toJSONSchema(z.intersection(actionEnvelopeSchema, reviewCommandSchema), { target: 'openapi-3.0', io: 'input' });
/** Query parameters are the zod schema's properties, one parameter each. */
const catalogSearchParameters = Object.entries((z.toJSONSchema(catalogSearchQuery, { target: 'openapi-3.0', io: 'input' }) as { properties: Record<string, unknown> }).properties).map(
  ([name, schema]) => ({ name, in: 'query', required: name === 'q', schema }),
);
const languageBody = z.toJSONSchema(z.object({ language: z.enum(WORKSPACE_LANGUAGES) }), { target: 'openapi-3.0', io: 'input' });

/** Typed by the query the handler parses, so a filter added there and not here fails typecheck. */
const inboxFilters: Record<keyof InboxQuery, { description: string; schema: unknown }> = {
  mine: { description: "Only the signed-in user's runs (their salesperson is the user); refused for an API token", schema: { type: 'string', enum: ['1', 'true'] } },
  status: { description: 'Only runs with this status', schema: { type: 'string', enum: [...STORED_RUN_STATUSES] } },
  customer: { description: "Only this customer's runs, by customer number", schema: { type: 'string' } },
  mailbox: { description: 'Only mail to this mailbox', schema: { type: 'string' } },
  from: { description: "Received on or after this date, in the seller's time zone", schema: { type: 'string', format: 'date' } },
  to: { description: "Received on or before this date, in the seller's time zone", schema: { type: 'string', format: 'date' } },
  q: { description: "Words each found in the subject, the sender's address or name, or the customer's number or name", schema: { type: 'string', maxLength: 200 } },
  page: { description: 'Which page of 50, from 1', schema: { type: 'integer', minimum: 1 } },
};
const inboxParameters = Object.entries(inboxFilters).map(([name, parameter]) => ({ name, in: 'query', required: false, ...parameter }));

const party = { type: 'object', nullable: true, required: ['number', 'name'], properties: { number: { type: 'string' }, name: { type: 'string' } } };
const runSummary = {
  type: 'object',
  description: 'A run as the inbox lists it',
  properties: {
    id: { type: 'integer' },
    status: { type: 'string', enum: [...STORED_RUN_STATUSES] },
    subject: { type: 'string' },
    mailbox: { type: 'string' },
    sender: { type: 'object', nullable: true, properties: { address: { type: 'string' }, name: { type: 'string' } } },
    customer: party,
    salesperson: party,
    receivedAt: { type: 'string', format: 'date-time', description: 'When the mail was taken in' },
    needsReview: { type: 'boolean' },
    problems: {
      type: 'array',
      description: 'What the run page lists to check, by kind, with how many of each (two lines without a product: `no_product`, 2)',
      items: { type: 'object', properties: { code: { type: 'string' }, count: { type: 'integer' } } },
    },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

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
        Figures: figures,
        Insight: {
          type: 'object',
          properties: {
            days: { type: 'integer', enum: [...PERIOD_DAYS] },
            period: { type: 'object', properties: { since: { type: 'string', format: 'date-time' }, until: { type: 'string', format: 'date-time' }, timeZone: { type: 'string' } } },
            statuses: { type: 'object', description: 'Every run of the period by status', additionalProperties: { type: 'integer' } },
            total: { $ref: '#/components/schemas/Figures' },
            causes: { type: 'array', description: 'How many requests had each review cause, as the run page names them', items: { type: 'object', properties: { cause: { type: 'string' }, runs: { type: 'integer' } } } },
            customers: { type: 'array', description: 'The ten customers with the most requests', items: { allOf: [{ $ref: '#/components/schemas/Figures' }, { type: 'object', properties: { party } }] } },
            salespeople: { type: 'array', description: 'The ten salespeople with the most requests', items: { allOf: [{ $ref: '#/components/schemas/Figures' }, { type: 'object', properties: { party } }] } },
            weeks: { type: 'array', description: 'Every week of the period, from its Monday in the seller’s time zone', items: { allOf: [{ $ref: '#/components/schemas/Figures' }, { type: 'object', properties: { week: { type: 'string', format: 'date' } } }] } },
            gaps: { type: 'array', description: 'The requested texts that most often found no product', items: { type: 'object', properties: { text: { type: 'string' }, count: { type: 'integer' }, lastRunId: { type: 'integer' } } } },
          },
        },
        RunSummary: runSummary,
        CatalogHit: { type: 'object', required: ['sku', 'name'], properties: { sku: { type: 'string' }, name: { type: 'string' } } },
        Run: { type: 'object', description: 'A run: its status, revision, customer, salesperson, lines with their matches and prices, draft, ERP offer and history' },
      },
    },
    paths: {
      '/api/me': { get: { summary: 'Who is asking', responses: { '200': json({ type: 'object' }, 'The user or the token'), ...refusals } } },
      '/api/me/language': {
        put: { summary: "The user's own language", requestBody: { required: true, content: { 'application/json': { schema: languageBody } } }, responses: { '204': { description: 'Set' }, '400': json(ERROR, 'Not a language'), ...refusals } },
      },
      '/api/runs': {
        get: {
          summary: 'The inbox: runs waiting for review first, the oldest at the top, then the rest, newest first; 50 a page',
          parameters: inboxParameters,
          responses: {
            '200': json(
              {
                type: 'object',
                properties: {
                  runs: { type: 'array', items: { $ref: '#/components/schemas/RunSummary' } },
                  total: { type: 'integer', description: 'How many runs the filters hold, over all pages' },
                  page: { type: 'integer' },
                  pageSize: { type: 'integer' },
                  version: { type: 'string', description: 'Changes whenever any run does' },
                },
              },
              'One page of the runs the filters hold',
            ),
            '400': json(ERROR, 'A filter is not valid'),
            ...refusals,
          },
        },
      },
      '/api/runs/{id}': {
        get: { summary: 'One run as the run page shows it', parameters: [runId], responses: { '200': json({ $ref: '#/components/schemas/Run' }, 'The run'), ...notFound, ...refusals } },
      },
      '/api/runs/{id}/actions': {
        post: {
          summary: 'Edit, approve, mark not a request, process again, or send the offer to the customer',
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
      '/api/insight': {
        get: { summary: 'The insight page’s figures for a period', parameters: [periodDays], responses: { '200': json({ $ref: '#/components/schemas/Insight' }, 'The figures'), '400': json(ERROR, 'Not a period the page offers'), ...refusals } },
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
