import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { WORKSPACE_LANGUAGES } from '../../accounts/user.js';
import { openApiDocument } from '../openapi.js';
import type { WorkspaceDeps } from '../workspace-deps.js';
import { invalidInput } from '../invalid-input.js';

const languageBody = z.object({ language: z.enum(WORKSPACE_LANGUAGES) });

/** The JSON API: who is asking, the user's own settings, and the description of the whole API. */
export function apiRoutes(app: FastifyInstance, deps: WorkspaceDeps): void {
  const document = openApiDocument();
  app.get('/api/openapi.json', async () => document);

  app.get('/api/me', async (request) => {
    const principal = request.principal!;
    if (principal.kind === 'token') return { kind: 'token', name: principal.name };
    const { email, name, role, language, personNumber } = principal.user;
    return { kind: 'user', email, name, role, language, personNumber };
  });

  app.put('/api/me/language', async (request, reply) => {
    const principal = request.principal!;
    if (principal.kind !== 'user') return reply.code(403).send({ error: 'forbidden', message: 'an API token has no user whose language to set' });
    const body = languageBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'invalid', message: invalidInput(body.error.issues, 'body') });
    await deps.accounts.setLanguage(principal.user.id, body.data.language);
    return reply.code(204).send();
  });
}
