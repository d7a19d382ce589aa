import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountStores } from '../../src/accounts/ports.js';
import { STORE_BACKENDS, storePerTest } from '../support/stores.js';

const AT = '2026-03-02T08:00:00.000Z';
const LATER = '2026-03-02T09:00:00.000Z';
const newUser = (email: string) => ({ email, name: 'Mikko Myyjä', role: 'salesperson' as const, language: 'fi' as const, personNumber: '101', createdAt: AT });

describe.each(STORE_BACKENDS)('the account tables on $name', (backend) => {
  const opened = storePerTest(backend);
  let accounts: AccountStores;
  beforeEach(() => {
    accounts = opened().store.accounts;
  });

  it('keeps one user per email and tells whether a password is set', async () => {
    const user = (await accounts.users.add(newUser('mikko@seller.fi')))!;
    expect(user).toMatchObject({ email: 'mikko@seller.fi', role: 'salesperson', personNumber: '101', hasPassword: false });
    expect(await accounts.users.add(newUser('mikko@seller.fi'))).toBeNull();

    await accounts.users.setPasswordHash(user.id, 'scrypt$hash', LATER);
    await accounts.users.setLanguage(user.id, 'sv', LATER);
    expect(await accounts.users.byEmail('mikko@seller.fi')).toMatchObject({ hasPassword: true, language: 'sv' });
    expect(await accounts.users.passwordHashOf(user.id)).toBe('scrypt$hash');
    expect((await accounts.users.list()).map((u) => u.email)).toEqual(['mikko@seller.fi']);
  });

  it('uses a set-password link once, and never after it expired, even when two take it at once', async () => {
    const user = (await accounts.users.add(newUser('mikko@seller.fi')))!;
    await accounts.passwordLinks.add({ tokenHash: 'h1', userId: user.id, createdAt: AT, expiresAt: LATER });
    await accounts.passwordLinks.add({ tokenHash: 'h2', userId: user.id, createdAt: AT, expiresAt: LATER });

    expect(await accounts.passwordLinks.userOf('h1', AT)).toBe(user.id);
    const takers = await Promise.all([accounts.passwordLinks.use('h1', AT), accounts.passwordLinks.use('h1', AT)]);
    expect(takers.sort()).toEqual([user.id, null].sort());
    expect(await accounts.passwordLinks.userOf('h1', AT)).toBeNull();

    expect(await accounts.passwordLinks.userOf('h2', LATER)).toBeNull();
    expect(await accounts.passwordLinks.use('h2', LATER)).toBeNull();
  });

  it('keeps sessions until removed, one or all of a user', async () => {
    const user = (await accounts.users.add(newUser('mikko@seller.fi')))!;
    await accounts.sessions.add({ tokenHash: 's1', userId: user.id, createdAt: AT, expiresAt: LATER });
    await accounts.sessions.add({ tokenHash: 's2', userId: user.id, createdAt: AT, expiresAt: LATER });
    await accounts.sessions.touch('s1', LATER);
    expect(await accounts.sessions.get('s1')).toEqual({ userId: user.id, createdAt: AT, lastSeenAt: LATER, expiresAt: LATER });

    await accounts.sessions.remove('s1');
    expect(await accounts.sessions.get('s1')).toBeNull();
    expect(await accounts.sessions.get('s2')).not.toBeNull();
    await accounts.sessions.removeAllOf(user.id);
    expect(await accounts.sessions.get('s2')).toBeNull();
  });

  it('keeps API tokens by hash, one per name', async () => {
    expect(await accounts.apiTokens.add({ name: 'crm', tokenHash: 't1', createdAt: AT })).toBe(true);
    expect(await accounts.apiTokens.add({ name: 'crm', tokenHash: 't2', createdAt: AT })).toBe(false);
    await accounts.apiTokens.used('t1', LATER);
    expect(await accounts.apiTokens.byHash('t1')).toEqual({ name: 'crm', createdAt: AT, lastUsedAt: LATER });
    expect(await accounts.apiTokens.byHash('t2')).toBeNull();
  });

  it('counts sign-in attempts made at once one by one, and starts a new window once the old one is over', async () => {
    const counts = await Promise.all(Array.from({ length: 8 }, () => accounts.loginAttempts.count('account:a', AT, '2026-03-02T07:45:00.000Z')));
    expect(counts.map((c) => c.attempts).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    await accounts.loginAttempts.uncount('account:a');
    expect(await accounts.loginAttempts.count('account:a', AT, '2026-03-02T07:45:00.000Z')).toEqual({ attempts: 8, windowStartedAt: AT });
    expect(await accounts.loginAttempts.count('account:a', LATER, AT)).toEqual({ attempts: 1, windowStartedAt: LATER });
    await accounts.loginAttempts.clear('account:a');
    expect(await accounts.loginAttempts.count('account:a', LATER, AT)).toEqual({ attempts: 1, windowStartedAt: LATER });
  });
});
