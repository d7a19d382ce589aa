import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { insightOf, PERIOD_DAYS, type Insight, type PeriodDays } from '../../insight/insight.js';
import { runFacts, type RunFacts } from '../../insight/run-facts.js';
import { runsCreatedSince, STORED_RUN_STATUSES } from '../../workflow/run-store.js';
import { insightPage } from '../pages/insight-page.js';
import { pageContext, sendPage, type WorkspaceDeps } from '../workspace-deps.js';
import { invalidInput } from '../invalid-input.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The period is one of the page's choices; none given is the shortest. */
const insightQuery = z.object({ days: z.coerce.number().pipe(z.literal(PERIOD_DAYS)).default(PERIOD_DAYS[0]) });

/** Each run of the period read once, a page at a time, and kept only as its facts. */
async function insightFor(deps: WorkspaceDeps, days: PeriodDays): Promise<Insight> {
  const until = deps.clock.now();
  const since = new Date(until.getTime() - days * DAY_MS).toISOString();
  const facts: RunFacts[] = [];
  for await (const run of runsCreatedSince(deps.runs, since, STORED_RUN_STATUSES)) facts.push(runFacts(run));
  return insightOf(facts, { since, until: until.toISOString(), timeZone: deps.timeZone });
}

/** `/insight` and `/api/insight`: one query schema and one reading behind the page and the JSON. */
export function insightRoutes(app: FastifyInstance, deps: WorkspaceDeps): void {
  app.get('/insight', async (request, reply) => {
    // A page asked for a period it does not offer shows its first one, as the form would.
    const query = insightQuery.safeParse(request.query);
    const days = query.success ? query.data.days : PERIOD_DAYS[0];
    return sendPage(reply, insightPage(pageContext(request, deps), { insight: await insightFor(deps, days), days, timeZone: deps.timeZone }));
  });

  app.get('/api/insight', async (request, reply) => {
    const query = insightQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send({ error: 'invalid', message: invalidInput(query.error.issues, 'query') });
    return { days: query.data.days, ...(await insightFor(deps, query.data.days)) };
  });
}
