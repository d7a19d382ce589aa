import { openAccounts, type Accounts } from '../accounts/open-accounts.js';
import type { AccountStores } from '../accounts/ports.js';
import type { Config } from '../config/config.js';
import type { PersonRepository } from '../erp/ports.js';
import type { Clock } from '../time/clock.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The workspace's sign-in over the store's account tables, with the lifetimes the config sets. */
export function workspaceAccounts(config: Config, stores: AccountStores, persons: PersonRepository, clock: Clock): Accounts {
  const { web } = config;
  return openAccounts(stores, persons, clock, {
    sessionIdleMs: web.sessionIdleMinutes * MINUTE_MS,
    sessionMaxMs: web.sessionMaxHours * HOUR_MS,
    passwordLinkMs: web.passwordLinkHours * HOUR_MS,
    defaultLanguage: web.defaultLanguage,
  });
}
