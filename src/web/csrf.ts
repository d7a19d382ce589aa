import { createHmac } from 'node:crypto';

/**
 * A session's CSRF token is derived from its cookie's secret rather than stored: only a page
 * of ours, rendered for that session, can know it, and the store holds one secret less.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('offerflow csrf').digest('base64url');
}
