import type { User, WorkspaceLanguage } from '../accounts/user.js';
import type { Messages } from './i18n/messages.js';

/** What every page is rendered with: its language and, once signed in, who and the form token. */
export interface PageContext {
  language: WorkspaceLanguage;
  t: Messages;
  signedIn: { user: User; csrfToken: string } | null;
}
