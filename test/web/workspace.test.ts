import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeFile } from '../../src/store/open-store.js';
import { csrfOf, form, HOUR, MINUTE, request, sessionCookieOf, startWorkspace, type Workspace } from '../support/workspace.js';

const PASSWORD = 'kolme pientä porsasta';

let workspace: Workspace;
beforeEach(async () => {
  workspace = await startWorkspace();
});
afterEach(async () => {
  await workspace.close();
});

/** A salesperson added as `offerflow users add` does, with the link's token. */
async function addUser(email = 'mikko@seller.fi', name: string | null = null) {
  const added = await workspace.accounts.users.add({ email, role: 'salesperson', name, language: null });
  if (!added.added) throw new Error('not added');
  return added;
}

async function setPassword(token: string, password = PASSWORD): Promise<Response> {
  return request(workspace, '/set-password', form({ token, password, confirm: password }));
}

async function signIn(email = 'mikko@seller.fi', password = PASSWORD): Promise<Response> {
  return request(workspace, '/login', form({ email, password }));
}

/** A signed-in user: the session cookie and the CSRF token of the page they landed on. */
async function signedIn(email = 'mikko@seller.fi', name: string | null = null) {
  const { link } = await addUser(email, name);
  expect((await setPassword(link.token)).status).toBe(303);
  const cookie = `offerflow_session=${sessionCookieOf(await signIn(email))}`;
  const home = await request(workspace, '/', { headers: { cookie } });
  const page = await home.text();
  return { cookie, csrf: csrfOf(page)!, page, status: home.status };
}

describe('the workspace without a session', () => {
  it('serves only the health endpoints, sign-in, set-password and static files', async () => {
    for (const path of ['/healthz', '/login', '/static/workspace.css']) expect((await request(workspace, path)).status, path).toBe(200);
    expect((await request(workspace, '/set-password')).status).toBe(410);
  });

  it('sends pages to sign-in and refuses API calls with 401, whatever the method or path', async () => {
    const pages: [string, string][] = [['GET', '/'], ['POST', '/logout'], ['POST', '/language'], ['GET', '/runs/1'], ['GET', '//api/me']];
    for (const [method, path] of pages) {
      const answer = await request(workspace, path, { method });
      expect(answer.status, `${method} ${path}`).toBe(303);
      expect(answer.headers.get('location')).toBe('/login');
    }
    const api: [string, string][] = [['GET', '/api/me'], ['PUT', '/api/me/language'], ['GET', '/api/runs'], ['DELETE', '/api/me'], ['GET', '/api/me?x=1']];
    for (const [method, path] of api) expect((await request(workspace, path, { method })).status, `${method} ${path}`).toBe(401);
  });

  it('refuses a made-up session cookie or API token and clears the cookie', async () => {
    const page = await request(workspace, '/', { headers: { cookie: 'offerflow_session=made-up' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await request(workspace, '/api/me', { headers: { authorization: 'Bearer oft_made-up' } })).status).toBe(401);
  });

  it('puts a strict Content-Security-Policy and the other security headers on every answer', async () => {
    for (const path of ['/login', '/healthz', '/static/workspace.css', '/api/me']) {
      const answer = await request(workspace, path);
      const csp = answer.headers.get('content-security-policy')!;
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('speaks the browser’s language on the sign-in page, else the default', async () => {
    const swedish = await (await request(workspace, '/login', { headers: { 'accept-language': 'de-DE, sv-SE;q=0.8, en;q=0.5' } })).text();
    expect(swedish).toContain('<html lang="sv">');
    expect(swedish).toContain('Logga in');
    const finnish = await (await request(workspace, '/login', { headers: { 'accept-language': 'de' } })).text();
    expect(finnish).toContain('<html lang="fi">');
    expect(finnish).toContain('Kirjaudu sisään');
  });
});

describe('setting a password', () => {
  it('works once through the link, which is then spent', async () => {
    const { link } = await addUser();
    expect((await request(workspace, `/set-password?token=${link.token}`)).status).toBe(200);
    const set = await setPassword(link.token);
    expect(set.status).toBe(303);
    expect(set.headers.get('location')).toBe('/login?done=password');

    expect((await request(workspace, `/set-password?token=${link.token}`)).status).toBe(410);
    expect((await setPassword(link.token, 'toinen salasana tässä')).status).toBe(410);
    expect((await signIn('mikko@seller.fi', 'toinen salasana tässä')).status).toBe(401);
    expect((await signIn()).status).toBe(303);
  });

  it('refuses a link past its lifetime', async () => {
    const { link } = await addUser();
    workspace.clock.advance(72 * HOUR);
    expect((await request(workspace, `/set-password?token=${link.token}`)).status).toBe(410);
    expect((await setPassword(link.token)).status).toBe(410);
  });

  it('refuses a short password or two that differ, and the link stays usable', async () => {
    const { link } = await addUser();
    expect((await setPassword(link.token, 'lyhyt')).status).toBe(400);
    const differ = await request(workspace, '/set-password', form({ token: link.token, password: PASSWORD, confirm: `${PASSWORD}!` }));
    expect(differ.status).toBe(400);
    expect((await setPassword(link.token)).status).toBe(303);
  });
});

describe('signing in', () => {
  it('lands on / with the user’s name, in a cookie that scripts cannot read and other sites do not send', async () => {
    await setPassword((await addUser()).link.token);
    const answer = await signIn('  MIKKO@seller.fi ');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/');
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');

    const home = await request(workspace, '/', { headers: { cookie: `offerflow_session=${sessionCookieOf(answer)}` } });
    const page = await home.text();
    expect(home.status).toBe(200);
    expect(page).toContain('Mikko Myyjä');
    expect(page).toContain('<html lang="fi">');
  });

  it('escapes a name holding markup', async () => {
    const { page } = await signedIn('eve@seller.fi', '<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses further attempts on an account after five wrong passwords, the right one too, until the window is over', async () => {
    await setPassword((await addUser()).link.token);
    for (let i = 0; i < 5; i++) expect((await signIn('mikko@seller.fi', `väärä salasana ${i}`)).status).toBe(401);
    const refused = await signIn();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sessionCookieOf(refused)).toBeNull();

    workspace.clock.advance(15 * MINUTE);
    expect((await signIn()).status).toBe(303);
  });

  it('refuses an address that tries many accounts', async () => {
    for (let i = 0; i < 50; i++) expect((await signIn(`guess${i}@seller.fi`, 'arvaus')).status).toBe(401);
    expect((await signIn('another@seller.fi', 'arvaus')).status).toBe(429);
  });

  it('marks the cookie Secure when a trusted proxy says the request came over https', async () => {
    await workspace.close();
    workspace = await startWorkspace({ trustProxy: true });
    await setPassword((await addUser()).link.token);
    const answer = await request(workspace, '/login', { ...form({ email: 'mikko@seller.fi', password: PASSWORD }), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' } });
    expect(answer.headers.get('set-cookie')).toContain('Secure');
  });
});

describe('a session', () => {
  it('ends after being left idle too long', async () => {
    const { cookie } = await signedIn();
    workspace.clock.advance(2 * HOUR - MINUTE);
    expect((await request(workspace, '/', { headers: { cookie } })).status).toBe(200);
    workspace.clock.advance(2 * HOUR);
    expect((await request(workspace, '/', { headers: { cookie } })).status).toBe(303);
  });

  it('ends at its maximum age however busy', async () => {
    const { cookie } = await signedIn();
    for (let hour = 1; hour < 12; hour++) {
      workspace.clock.advance(HOUR);
      expect((await request(workspace, '/', { headers: { cookie } })).status, `after ${hour} h`).toBe(200);
    }
    workspace.clock.advance(HOUR);
    expect((await request(workspace, '/', { headers: { cookie } })).status).toBe(303);
  });

  it('refuses a state-changing request without its CSRF token, or from another site, and takes it with the token', async () => {
    const { cookie, csrf } = await signedIn();
    const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
    expect((await request(workspace, '/logout', { method: 'POST', headers, body: '' })).status).toBe(403);
    expect((await request(workspace, '/logout', { method: 'POST', headers, body: '_csrf=wrong' })).status).toBe(403);
    expect((await request(workspace, '/logout', { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body: `_csrf=${csrf}` })).status).toBe(403);
    expect((await request(workspace, '/', { headers: { cookie } })).status).toBe(200);

    const json = { cookie, 'content-type': 'application/json' };
    const body = JSON.stringify({ language: 'en' });
    expect((await request(workspace, '/api/me/language', { method: 'PUT', headers: json, body })).status).toBe(403);
    expect((await request(workspace, '/api/me/language', { method: 'PUT', headers: { ...json, 'x-csrf-token': csrf }, body })).status).toBe(204);
    expect(await (await request(workspace, '/', { headers: { cookie } })).text()).toContain('<html lang="en">');

    const out = await request(workspace, '/logout', { method: 'POST', headers, body: `_csrf=${csrf}` });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    expect((await request(workspace, '/', { headers: { cookie } })).status).toBe(303);
  });

  it('changes the user’s language through the page form', async () => {
    const { cookie, csrf } = await signedIn();
    const changed = await request(workspace, '/language', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${csrf}&language=sv` });
    expect(changed.status).toBe(303);
    expect(await (await request(workspace, '/', { headers: { cookie } })).text()).toContain('<h1>Inkorg</h1>');
  });
});

describe('an API token', () => {
  it('is accepted as a bearer token under /api, needs no CSRF token, and opens no page', async () => {
    const token = (await workspace.accounts.apiTokens.create('crm-sync'))!;
    const authorization = `Bearer ${token}`;
    expect(await (await request(workspace, '/api/me', { headers: { authorization } })).json()).toEqual({ kind: 'token', name: 'crm-sync' });
    const put = await request(workspace, '/api/me/language', { method: 'PUT', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ language: 'en' }) });
    expect(put.status).toBe(403);
    expect(await put.json()).toMatchObject({ message: expect.stringContaining('no user') });
    expect((await request(workspace, '/', { headers: { authorization } })).status).toBe(303);
  });
});

describe('the store', () => {
  it('holds no password, session, link or API token in clear', async () => {
    const { link } = await addUser();
    const setPasswordToken = link.token;
    await setPassword(setPasswordToken);
    const session = sessionCookieOf(await signIn())!;
    const apiToken = (await workspace.accounts.apiTokens.create('crm-sync'))!;

    const raw = new Database(storeFile(workspace.dataDir), { readonly: true });
    try {
      const dump = ['users', 'sessions', 'password_links', 'api_tokens', 'login_attempts']
        .map((table) => JSON.stringify(raw.prepare(`select * from ${table}`).all()))
        .join('\n');
      expect(dump).toContain('mikko@seller.fi');
      for (const secret of [PASSWORD, setPasswordToken, session, apiToken, apiToken.slice(4)]) expect(dump).not.toContain(secret);
      expect(dump).toContain('scrypt$');
    } finally {
      raw.close();
    }
  });
});
