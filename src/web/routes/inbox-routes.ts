import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { inboxList } from '../inbox/inbox-list.js';
import { INBOX_PAGE_SIZE } from '../inbox/inbox-query.js';
import { inboxRows } from '../inbox/inbox-table.js';
import { inboxPage } from '../pages/inbox-page.js';
import { pageContext, sendPage, type WorkspaceDeps } from '../workspace-deps.js';

/** The version of the rows the page already shows, sent back by the live rows' poll. */
const sinceQuery = z.object({ since: z.string().max(100).optional() });

/**
 * The inbox at `/`, its rows alone for the page's poll, and the same list as JSON: one reading
 * (inboxList) behind all three.
 */
export function inboxRoutes(app: FastifyInstance, deps: WorkspaceDeps): void {
  app.get('/', async (request, reply) => {
    const inbox = await inboxList(deps.runs, request.query, request.principal!, deps.timeZone);
    // Only a hand-edited address has a bad field: the whole inbox is the answer to it.
    if ('invalid' in inbox) return reply.redirect('/', 303);
    return sendPage(reply, inboxPage(pageContext(request, deps), inbox, await deps.runs.summaryChoices(), deps.timeZone));
  });

  /** 204 while nothing changed since the version the page has, so a poll every few seconds costs one small query. */
  app.get('/inbox/rows', async (request, reply) => {
    const since = sinceQuery.safeParse(request.query);
    const version = await deps.runs.summariesVersion();
    if (since.success && since.data.since === version) return reply.code(204).send();
    const inbox = await inboxList(deps.runs, request.query, request.principal!, deps.timeZone, version);
    if ('invalid' in inbox) return reply.code(400).type('text/plain; charset=utf-8').send(inbox.invalid);
    return sendPage(reply, inboxRows(pageContext(request, deps), inbox, deps.timeZone));
  });

  app.get('/api/runs', async (request, reply) => {
    const inbox = await inboxList(deps.runs, request.query, request.principal!, deps.timeZone);
    if ('invalid' in inbox) return reply.code(400).send({ error: 'invalid', message: inbox.invalid });
    const { summaries, total } = inbox.list;
    return { runs: summaries, total, page: inbox.query.page ?? 1, pageSize: INBOX_PAGE_SIZE, version: inbox.version };
  });
}
