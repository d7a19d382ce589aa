import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { WORKSPACE_LANGUAGES } from '../../accounts/user.js';
import { homePage } from '../pages/home-page.js';
import { signedInUser } from '../principal.js';
import { pageContext, sendPage, type WorkspaceDeps } from '../workspace-deps.js';

const languageForm = z.object({ language: z.enum(WORKSPACE_LANGUAGES) });

/** `/`: the signed-in landing page, one route on its own so that the inbox can replace it. */
export function homeRoutes(app: FastifyInstance, deps: WorkspaceDeps): void {
  app.get('/', async (request, reply) => sendPage(reply, homePage(pageContext(request, deps), signedInUser(request.principal).user)));

  app.post('/language', async (request, reply) => {
    const form = languageForm.safeParse(request.body);
    if (form.success) await deps.accounts.setLanguage(signedInUser(request.principal).user.id, form.data.language);
    return reply.redirect('/', 303);
  });
}
