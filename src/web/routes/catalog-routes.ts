import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { WorkspaceDeps } from '../workspace-deps.js';
import { invalidInput } from '../invalid-input.js';

/** What a catalog search may ask: the text as typed so far, and how many products at most. */
export const catalogSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** Search-as-you-type over the whole catalog as JSON: what the run page's line search shows. */
export function catalogRoutes(app: FastifyInstance, deps: WorkspaceDeps): void {
  app.get('/api/catalog/search', async (request, reply) => {
    const query = catalogSearchQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send({ error: 'invalid', message: invalidInput(query.error.issues, 'query') });
    const results = deps.catalogSearch(query.data.q, query.data.limit);
    if (results === 'not_ready') return reply.code(503).header('retry-after', '5').send({ error: 'not_ready', message: 'the catalog is still loading' });
    return { results };
  });
}
