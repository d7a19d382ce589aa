import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Accounts } from '../accounts/open-accounts.js';
import type { WorkspaceLanguage } from '../accounts/user.js';
import type { CustomerRepository, PersonRepository } from '../erp/ports.js';
import type { CustomerReplies } from '../answer/customer-replies.js';
import type { ReviewService } from '../review/review-service.js';
import type { Clock } from '../time/clock.js';
import type { RunStore } from '../workflow/run-store.js';
import type { CatalogResults } from './run/catalog-hit.js';
import type { SafeHtml } from './html.js';
import { languageFromHeader } from './i18n/accept-language.js';
import { MESSAGES } from './i18n/messages.js';
import type { ShownMailLimits } from './mail/run-mail.js';
import type { PageContext } from './page-context.js';

export interface WorkspaceDeps {
  accounts: Accounts;
  /** The workspace's address as users reach it (config `web.publicUrl`): a request from it is never foreign. */
  publicUrl: string;
  defaultLanguage: WorkspaceLanguage;
  /** The runs, with each one's mail as it came. */
  runs: RunStore;
  /** The workflow's own limits: a mail it would not read is not read to be shown either. */
  mailLimits: ShownMailLimits;
  review: ReviewService;
  /** Where each run's reply to its customer stands, whether one can be sent, and the questions asked and askable. */
  replies: Pick<CustomerReplies, 'get' | 'blockedFor' | 'askable' | 'questionsOf'>;
  /** Where a run's customer and salesperson are searched when a person changes them. */
  parties: { customers: CustomerRepository; persons: PersonRepository };
  /** Search-as-you-type over the whole catalog. */
  catalogSearch(query: string, limit: number): CatalogResults;
  /** Times on the pages are the seller's (config `timeZone`). */
  timeZone: string;
  /** Where "the last 30 days" end. */
  clock: Clock;
}

/** A signed-in user's own language; before sign-in, the browser's. */
export function pageContext(request: FastifyRequest, deps: WorkspaceDeps): PageContext {
  const principal = request.principal;
  if (principal?.kind === 'user') {
    return { language: principal.user.language, t: MESSAGES[principal.user.language], signedIn: { user: principal.user, csrfToken: principal.csrfToken } };
  }
  const language = languageFromHeader(request.headers['accept-language'], deps.defaultLanguage);
  return { language, t: MESSAGES[language], signedIn: null };
}

export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page.html);
}
