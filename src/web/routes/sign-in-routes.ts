import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PASSWORD_LENGTH } from '../../accounts/settings.js';
import { clearSessionCookie, setSessionCookie } from '../cookies.js';
import { signInPage } from '../pages/sign-in-page.js';
import { signedInUser } from '../principal.js';
import { pageContext, sendPage, type WorkspaceDeps } from '../workspace-deps.js';

const signInForm = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(PASSWORD_LENGTH.max),
});

const signInQuery = z.object({ done: z.literal('password').optional() }).catch({});

export function signInRoutes(app: FastifyInstance, deps: WorkspaceDeps): void {
  app.get('/login', async (request, reply) => {
    if (request.principal?.kind === 'user') return reply.redirect('/', 303);
    const context = pageContext(request, deps);
    const { done } = signInQuery.parse(request.query);
    return sendPage(reply, signInPage(context, { email: '', error: null, notice: done ? context.t.passwordSet : null }));
  });

  app.post('/login', async (request, reply) => {
    const context = pageContext(request, deps);
    const form = signInForm.safeParse(request.body);
    if (!form.success) return sendPage(reply, signInPage(context, { email: '', error: context.t.wrongPassword, notice: null }), 400);
    const { email, password } = form.data;
    const result = await deps.accounts.signIn.attempt(email, password, request.ip);
    switch (result.outcome) {
      case 'signed_in':
        setSessionCookie(request, reply, result.sessionToken);
        return reply.redirect('/', 303);
      case 'throttled':
        reply.header('retry-after', String(result.retryAfterSeconds));
        return sendPage(reply, signInPage(context, { email, error: context.t.throttled(Math.ceil(result.retryAfterSeconds / 60)), notice: null }), 429);
      case 'wrong':
        return sendPage(reply, signInPage(context, { email, error: context.t.wrongPassword, notice: null }), 401);
    }
  });

  app.post('/logout', async (request, reply) => {
    await deps.accounts.sessions.end(signedInUser(request.principal).sessionToken);
    clearSessionCookie(request, reply);
    return reply.redirect('/login', 303);
  });
}
