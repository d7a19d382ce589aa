import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { attachmentDisposition, downloadType } from '../mail/content-disposition.js';
import { mailDocument, mailPolicy, unreadableMailDocument } from '../mail/mail-document.js';
import { runMail } from '../mail/run-mail.js';
import { notFoundPage } from '../pages/not-found-page.js';
import { frameableDocument } from '../security-headers.js';
import { pageContext, sendPage, type WorkspaceDeps } from '../workspace-deps.js';

const runParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const attachmentParams = runParams.extend({ index: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });
const mailQuery = z.object({ images: z.literal('1').optional() }).catch({});

/**
 * The customer's mail as it came, for the run page: the document its frame shows, the plain
 * text, and each attachment as a download. What is not there is one 404 page.
 */
export function mailRoutes(app: FastifyInstance, deps: WorkspaceDeps): void {
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, notFoundPage(pageContext(request, deps)), 404);

  const mailOf = (id: number) => runMail(deps.runs, id, deps.mailLimits);

  app.get('/runs/:id/mail', async (request, reply) => {
    const params = runParams.safeParse(request.params);
    if (!params.success) return notFound(request, reply);
    const found = await mailOf(params.data.id);
    if (found.kind === 'unknown_run') return notFound(request, reply);
    const remoteImages = mailQuery.parse(request.query).images === '1';
    const { t } = pageContext(request, deps);
    frameableDocument(reply, mailPolicy(remoteImages));
    if (found.kind === 'unreadable') return sendPage(reply, unreadableMailDocument(t), 422);
    return sendPage(reply, mailDocument(t, found.mail, remoteImages));
  });

  app.get('/runs/:id/mail.txt', async (request, reply) => {
    const params = runParams.safeParse(request.params);
    if (!params.success) return notFound(request, reply);
    const found = await mailOf(params.data.id);
    if (found.kind === 'unknown_run') return notFound(request, reply);
    if (found.kind === 'unreadable') return reply.code(422).type('text/plain; charset=utf-8').send(pageContext(request, deps).t.mailUnreadable);
    return reply.type('text/plain; charset=utf-8').send(found.mail.email.text);
  });

  app.get('/runs/:id/attachments/:index', async (request, reply) => {
    const params = attachmentParams.safeParse(request.params);
    if (!params.success) return notFound(request, reply);
    const found = await mailOf(params.data.id);
    const file = found.kind === 'read' ? found.mail.files[params.data.index] : undefined;
    if (!file) return notFound(request, reply);
    return reply.type(downloadType(file.contentType)).header('content-disposition', attachmentDisposition(file.filename)).send(file.content);
  });
}
