import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { fold } from '../../matching/terms.js';
import { actionEnvelopeSchema, reviewCommandSchema, type ReviewCommand } from '../../review/review-command.js';
import type { ActionOutcome, ActionRequest } from '../../review/review-service.js';
import type { Reviewer } from '../../workflow/review.js';
import type { StoredRun } from '../../workflow/run-store.js';
import { html } from '../html.js';
import { mailPanel } from '../mail/mail-panel.js';
import { notFoundPage } from '../pages/not-found-page.js';
import { runPage, type RunNotice } from '../pages/run-page.js';
import type { Principal } from '../principal.js';
import { lineResults, type LineSearch } from '../run/line-table.js';
import type { PartySearches } from '../run/party-cards.js';
import { runView } from '../../workflow/run-view.js';
import { pageContext, sendPage, type WorkspaceDeps } from '../workspace-deps.js';
import { invalidInput } from '../invalid-input.js';

const SEARCH_LIMIT = 10;

const runParams = z.object({ id: z.coerce.number().int().positive() });
const query = z.string().trim().max(200);
const pageQuery = z.object({
  line: z.coerce.number().int().nonnegative().optional(),
  q: query.optional(),
  customerQuery: query.optional(),
  personQuery: query.optional(),
  notice: z.enum(['done', 'repeated']).optional(),
});

/** Who acts, as the run's history names them. */
function reviewerOf(principal: Principal): Reviewer {
  return principal.kind === 'user' ? { id: principal.user.email, name: principal.user.name } : { id: `token:${principal.name}`, name: principal.name };
}

/** An HTML form sends text: its numbers are read here, at the edge, and then checked like JSON. */
function fromForm(body: Record<string, unknown>): Record<string, unknown> {
  const numeric = (value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
  return { ...body, revision: numeric(body.revision), line: numeric(body.line), ...(body.kind === 'ask_customer' ? { questions: askedInForm(body) } : {}) };
}

/** The ask form's ticked lines (`ask_2`) with the question text written for each (`question_2`). */
function askedInForm(body: Record<string, unknown>): { line: number; text: unknown }[] {
  return Object.keys(body).flatMap((name) => {
    const line = /^ask_(\d+)$/.exec(name)?.[1];
    return line === undefined ? [] : [{ line: Number(line), text: body[`question_${line}`] ?? '' }];
  });
}

type Parsed = { request: ActionRequest; command: ReviewCommand } | { invalid: string };

function parseAction(runId: number, body: unknown, by: Reviewer): Parsed {
  const envelope = actionEnvelopeSchema.safeParse(body);
  const command = reviewCommandSchema.safeParse(body);
  if (!envelope.success || !command.success) {
    const issues = [...(envelope.error?.issues ?? []), ...(command.error?.issues ?? [])];
    return { invalid: invalidInput(issues, 'body') };
  }
  return { request: { runId, ...envelope.data, by }, command: command.data };
}

async function partySearches(deps: WorkspaceDeps, customerQuery: string | undefined, personQuery: string | undefined): Promise<PartySearches> {
  const customer = customerQuery ? { query: customerQuery, results: (await deps.parties.customers.searchByName(customerQuery)).slice(0, SEARCH_LIMIT) } : null;
  const wanted = personQuery && fold(personQuery);
  const person = wanted
    ? { query: personQuery, results: (await deps.parties.persons.list()).filter((p) => fold(`${p.name} ${p.email}`).includes(wanted)).slice(0, SEARCH_LIMIT) }
    : null;
  return { customer, person };
}

function lineSearch(deps: WorkspaceDeps, line: number | undefined, q: string | undefined): LineSearch | null {
  if (line === undefined || !q) return null;
  return { line, query: q, results: deps.catalogSearch(q, SEARCH_LIMIT) };
}

/** The run as JSON for integrations: the stored run and what the page works out from it. */
async function runJson(deps: WorkspaceDeps, run: StoredRun) {
  const view = runView(run);
  return {
    id: run.id,
    status: run.status,
    subject: run.subject,
    revision: run.context.review.revision,
    customer: run.context.customer,
    salesperson: run.context.salesperson,
    problems: view.problems,
    lines: view.lines.map((l) => ({ index: l.index, requested: l.requested, match: l.match, tone: l.tone, problems: l.problems, priced: l.priced })),
    draft: run.context.draft,
    offer: run.context.offer,
    history: run.context.review.actions,
    reply: await deps.replies.get(run.id),
    questions: await deps.replies.questionsOf(run.id),
  };
}

/**
 * A run's page and its actions, and the same as JSON under /api: one parser and one service
 * call behind both, so the page can do nothing an integration cannot, and the reverse.
 */
export function runRoutes(app: FastifyInstance, deps: WorkspaceDeps): void {
  async function renderRun(request: FastifyRequest, reply: FastifyReply, run: StoredRun, notice: RunNotice | null, status: number, searches: z.infer<typeof pageQuery> = {}) {
    const page = pageContext(request, deps);
    return sendPage(
      reply,
      runPage(page, {
        view: runView(run),
        notice,
        lineSearch: lineSearch(deps, searches.line, searches.q),
        partySearches: await partySearches(deps, searches.customerQuery, searches.personQuery),
        mail: mailPanel(page, run, deps.timeZone),
        reply: { record: await deps.replies.get(run.id), blocked: deps.replies.blockedFor(run) },
        questions: { askable: deps.replies.askable(run), asked: await deps.replies.questionsOf(run.id) },
        timeZone: deps.timeZone,
        newActionId: randomUUID,
      }),
      status,
    );
  }

  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, notFoundPage(pageContext(request, deps)), 404);

  app.get('/runs/:id', async (request, reply) => {
    const params = runParams.safeParse(request.params);
    const run = params.success ? await deps.runs.get(params.data.id) : null;
    if (!run) return notFound(request, reply);
    const searches = pageQuery.safeParse(request.query);
    const shown = searches.success ? searches.data : {};
    return renderRun(request, reply, run, shown.notice ? { kind: shown.notice } : null, 200, shown);
  });

  app.post('/runs/:id/actions', async (request, reply) => {
    const params = runParams.safeParse(request.params);
    if (!params.success) return notFound(request, reply);
    const runId = params.data.id;
    if (!(await deps.runs.get(runId))) return notFound(request, reply);
    const parsed = parseAction(runId, fromForm((request.body ?? {}) as Record<string, unknown>), reviewerOf(request.principal!));
    const outcome: ActionOutcome | null = 'invalid' in parsed ? null : await deps.review.perform(parsed.request, parsed.command);
    const run = (await deps.runs.get(runId))!;
    if (!outcome) return renderRun(request, reply, run, { kind: 'invalid' }, 400);
    switch (outcome.kind) {
      case 'done':
      case 'repeated': {
        const line = 'command' in parsed && 'line' in parsed.command ? `#line-${parsed.command.line}` : '';
        return reply.redirect(`/runs/${runId}?notice=${outcome.kind}${line}`, 303);
      }
      case 'stale':
        return renderRun(request, reply, run, { kind: 'stale', by: outcome.by.name, at: outcome.at }, 409);
      case 'refused':
        return renderRun(request, reply, run, { kind: 'refused', reason: outcome.reason }, 422);
    }
  });

  /** The results of a line's catalog search alone, for the page's search-as-you-type. */
  app.get('/runs/:id/lines/:line/search', async (request, reply) => {
    const params = runParams.extend({ line: z.coerce.number().int().nonnegative() }).safeParse(request.params);
    const q = query.safeParse((request.query as { q?: unknown }).q ?? '');
    const run = params.success ? await deps.runs.get(params.data.id) : null;
    if (!run || !params.success || !q.success) return notFound(request, reply);
    const page = pageContext(request, deps);
    const view = runView(run);
    const line = view.lines[params.data.line];
    if (!line) return notFound(request, reply);
    const form = { runId: run.id, revision: run.context.review.revision, csrfToken: page.signedIn!.csrfToken, newActionId: randomUUID };
    return sendPage(reply, lineResults(page, form, line, lineSearch(deps, params.data.line, q.data)) ?? html``);
  });

  app.get('/api/runs/:id', async (request, reply) => {
    const params = runParams.safeParse(request.params);
    const run = params.success ? await deps.runs.get(params.data.id) : null;
    if (!run) return reply.code(404).send({ error: 'not_found', message: 'no such run' });
    return runJson(deps, run);
  });

  app.post('/api/runs/:id/actions', async (request, reply) => {
    const params = runParams.safeParse(request.params);
    if (!params.success) return reply.code(404).send({ error: 'not_found', message: 'no such run' });
    const parsed = parseAction(params.data.id, request.body, reviewerOf(request.principal!));
    if ('invalid' in parsed) return reply.code(400).send({ error: 'invalid', message: parsed.invalid });
    if (!(await deps.runs.get(params.data.id))) return reply.code(404).send({ error: 'not_found', message: 'no such run' });
    const outcome = await deps.review.perform(parsed.request, parsed.command);
    switch (outcome.kind) {
      case 'done':
      case 'repeated':
        return { outcome: outcome.kind, run: await runJson(deps, (await deps.runs.get(params.data.id))!) };
      case 'stale':
        return reply.code(409).send({ error: 'stale', message: `changed by ${outcome.by.name} at ${outcome.at}`, by: outcome.by, at: outcome.at, revision: outcome.revision });
      case 'refused':
        return reply.code(422).send({ error: 'refused', message: outcome.reason });
    }
  });
}
