import type { PersonRepository } from '../erp/ports.js';
import type { Clock } from '../time/clock.js';
import { ApiTokens } from './api-tokens.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordLinks } from './password-links.js';
import type { AccountStores } from './ports.js';
import { Sessions } from './sessions.js';
import type { AccountSettings } from './settings.js';
import { SignIn } from './sign-in.js';
import type { WorkspaceLanguage } from './user.js';
import { UserAccounts } from './user-accounts.js';

/** Everything sign-in does, over the store's account tables, on one clock. */
export interface Accounts {
  users: UserAccounts;
  passwordLinks: PasswordLinks;
  sessions: Sessions;
  signIn: SignIn;
  apiTokens: ApiTokens;
  /** Stores a user's own choice of language. */
  setLanguage(userId: number, language: WorkspaceLanguage): Promise<void>;
}

export function openAccounts(stores: AccountStores, persons: PersonRepository, clock: Clock, settings: AccountSettings & { defaultLanguage: WorkspaceLanguage }): Accounts {
  const passwordLinks = new PasswordLinks(stores, clock, settings.passwordLinkMs);
  const sessions = new Sessions(stores, clock, { idleMs: settings.sessionIdleMs, maxMs: settings.sessionMaxMs });
  return {
    users: new UserAccounts(stores.users, persons, passwordLinks, clock, settings.defaultLanguage),
    passwordLinks,
    sessions,
    signIn: new SignIn(stores.users, new LoginThrottle(stores.loginAttempts, clock), sessions),
    apiTokens: new ApiTokens(stores.apiTokens, clock),
    setLanguage: (userId, language) => stores.users.setLanguage(userId, language, clock.now().toISOString()),
  };
}
