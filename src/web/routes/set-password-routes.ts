import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PASSWORD_LENGTH } from '../../accounts/settings.js';
import { linkInvalidPage, setPasswordPage } from '../pages/set-password-page.js';
import { pageContext, sendPage, type WorkspaceDeps } from '../workspace-deps.js';

const token = z.string().min(1).max(200);
const linkQuery = z.object({ token });
const setPasswordForm = z.object({ token, password: z.string().max(PASSWORD_LENGTH.max), confirm: z.string().max(PASSWORD_LENGTH.max) });

/** The one-time link that `offerflow users add` prints leads here. */
export function setPasswordRoutes(app: FastifyInstance, deps: WorkspaceDeps): void {
  app.get('/set-password', async (request, reply) => {
    const context = pageContext(request, deps);
    const query = linkQuery.safeParse(request.query);
    const user = query.success ? await deps.accounts.passwordLinks.userOf(query.data.token) : null;
    if (!query.success || !user) return sendPage(reply, linkInvalidPage(context), 410);
    return sendPage(reply, setPasswordPage(context, { token: query.data.token, email: user.email, error: null }));
  });

  app.post('/set-password', async (request, reply) => {
    const context = pageContext(request, deps);
    const form = setPasswordForm.safeParse(request.body);
    const user = form.success ? await deps.accounts.passwordLinks.userOf(form.data.token) : null;
    if (!form.success || !user) return sendPage(reply, linkInvalidPage(context), 410);
    const { password, confirm } = form.data;
    const problem = password.length < PASSWORD_LENGTH.min ? context.t.passwordTooShort(PASSWORD_LENGTH.min) : password !== confirm ? context.t.passwordsDiffer : null;
    if (problem) return sendPage(reply, setPasswordPage(context, { token: form.data.token, email: user.email, error: problem }), 400);
    // The link may have been used by another request since it was looked at: only one sets the password.
    if (!(await deps.accounts.passwordLinks.setPassword(form.data.token, password))) return sendPage(reply, linkInvalidPage(context), 410);
    return reply.redirect('/login?done=password', 303);
  });
}
