import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { WORKSPACE_LANGUAGES } from '../../accounts/user.js';
import { signedInUser } from '../principal.js';
import type { WorkspaceDeps } from '../workspace-deps.js';

const languageForm = z.object({ language: z.enum(WORKSPACE_LANGUAGES) });

/** The user bar's language menu, on every page. */
export function languageRoutes(app: FastifyInstance, deps: WorkspaceDeps): void {
  app.post('/language', async (request, reply) => {
    const form = languageForm.safeParse(request.body);
    if (form.success) await deps.accounts.setLanguage(signedInUser(request.principal).user.id, form.data.language);
    return reply.redirect('/', 303);
  });
}
