import type { FastifyInstance } from 'fastify';
import { controlAccess } from './access-control.js';
import { acceptForms } from './form-body.js';
import { refusedPage } from './pages/refused-page.js';
import { apiRoutes } from './routes/api-routes.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { inboxRoutes } from './routes/inbox-routes.js';
import { insightRoutes } from './routes/insight-routes.js';
import { languageRoutes } from './routes/language-routes.js';
import { runRoutes } from './routes/run-routes.js';
import { mailRoutes } from './routes/mail-routes.js';
import { setPasswordRoutes } from './routes/set-password-routes.js';
import { signInRoutes } from './routes/sign-in-routes.js';
import { addSecurityHeaders } from './security-headers.js';
import { serveStaticFiles } from './static-files.js';
import { pageContext, sendPage, type WorkspaceDeps } from './workspace-deps.js';

/**
 * The salesperson's workspace, on the service's own HTTP server: server-rendered pages and the
 * JSON API under /api, behind sign-in. Registered on the root instance, so its access control
 * and headers cover every route of the server, the health endpoints included.
 */
export function registerWorkspace(app: FastifyInstance, deps: WorkspaceDeps): void {
  addSecurityHeaders(app);
  acceptForms(app);
  controlAccess(app, deps.accounts, new URL(deps.publicUrl).origin, {
    signInFirst: (_request, reply) => reply.redirect('/login', 303),
    forbidden: (request, reply) =>
      request.url.startsWith('/api/')
        ? reply.code(403).send({ error: 'forbidden', message: 'missing or wrong CSRF token, or a request from another site' })
        : sendPage(reply, refusedPage(pageContext(request, deps)), 403),
  });
  serveStaticFiles(app);
  signInRoutes(app, deps);
  setPasswordRoutes(app, deps);
  inboxRoutes(app, deps);
  languageRoutes(app, deps);
  runRoutes(app, deps);
  insightRoutes(app, deps);
  mailRoutes(app, deps);
  apiRoutes(app, deps);
  catalogRoutes(app, deps);
}
