import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { plainMail } from '../support/hostile-mail.js';
import { storedMailRun } from '../support/mail-run.js';
import { request, signedInAs, startWorkspace, type Workspace } from '../support/workspace.js';

let workspace: Workspace;
let cookie: string;
let hostile: number;
let plain: number;

beforeAll(async () => {
  workspace = await startWorkspace();
  ({ cookie } = await signedInAs(workspace, 'mikko@seller.fi'));
  hostile = await storedMailRun(workspace.store.runs, fixture('email/hostile.eml'), '<hostile-1@putki.fi>');
  plain = await storedMailRun(workspace.store.runs, plainMail('plain-1', 'Hei,\r\n<b>Kupariputki</b> 15x1,0 kova 10 m'), '<plain-1@putki.fi>');
});
afterAll(async () => {
  await workspace.close();
});

const get = (path: string) => request(workspace, path, { headers: { cookie } });
const directives = (csp: string | null) => new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));

describe('GET /runs/:id/mail', () => {
  it('serves the cleaned mail under a policy of its own: nothing runs, only data: images load, framed by our pages only', async () => {
    const answer = await get(`/runs/${hostile}/mail`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = directives(answer.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('img-src')).toBe('data:');
    expect(csp.get('style-src')).toBe("'unsafe-inline'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'self'");
    expect(csp.get('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    expect(csp.has('script-src')).toBe(false);
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const page = await answer.text();
    expect(page).toContain('<td>Palloventtiili DN20</td>');
    expect(page).toContain('src="data:image/png;base64,');
    expect(page).toContain('[kuvaa ei ladattu]');
    expect(page).toContain('<title>Tarjouspyyntö &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(page).not.toMatch(/<script|<form|<iframe|<svg|<meta http-equiv|<base|<[^>]*\son\w+=|javascript:|evil\.example/i);
  });

  it('lets remote images load only with ?images=1, and shows them then', async () => {
    const answer = await get(`/runs/${hostile}/mail?images=1`);
    expect(directives(answer.headers.get('content-security-policy')).get('img-src')).toBe('data: https: http:');
    expect(await answer.text()).toContain('src="http://evil.example/pixel.gif"');
    for (const other of ['?images=yes', '?images=1&images=1', '?images[]=1']) {
      expect(directives((await get(`/runs/${hostile}/mail${other}`)).headers.get('content-security-policy')).get('img-src'), other).toBe('data:');
    }
  });

  it('shows a mail without HTML as its text, escaped', async () => {
    const page = await (await get(`/runs/${plain}/mail`)).text();
    expect(page).toMatch(/<pre[^>]*>Hei,\n&lt;b&gt;Kupariputki&lt;\/b&gt; 15x1,0 kova 10 m\n?<\/pre>/);
  });

  it('keeps the workspace’s own policy, framing refused, on every other page', async () => {
    for (const path of ['/', `/runs/${hostile}/mail.txt`, `/runs/${hostile}/attachments/1`, '/runs/999/mail']) {
      const answer = await get(path);
      const csp = directives(answer.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors'), path).toBe("'none'");
      expect(csp.get('default-src'), path).toBe("'self'");
      expect(answer.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });
});

describe('GET /runs/:id/mail.txt', () => {
  it('is the text the workflow read, as plain text that no browser sniffs as a page', async () => {
    const answer = await get(`/runs/${hostile}/mail.txt`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await answer.text()).toContain('Kupariputki 15x1,0 kova <img src=x onerror=window.parent.__pwned=1>\t10 m');
  });
});

describe('GET /runs/:id/attachments/:index', () => {
  it('sends a file as a download under its name, encoded, with its own type when that type cannot run', async () => {
    const answer = await get(`/runs/${hostile}/attachments/1`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="tilaus _m__r_t_.csv"; filename*=UTF-8''tilaus%20%22m%C3%A4%C3%A4r%C3%A4t%22.csv`);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await answer.text()).toContain('Kupariputki 22x1,0 kova <script>');
  });

  it('sends the inline image among the files too, as it is one of the mail’s parts', async () => {
    const answer = await get(`/runs/${hostile}/attachments/0`);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="logo\.png"/);
  });
});

describe('what is not there, and who may not see it', () => {
  it('answers 404 with a page for an unknown run, a file the mail does not have, or an id that is no number', async () => {
    for (const path of ['/runs/999/mail', '/runs/999/mail.txt', '/runs/999/attachments/0', `/runs/${hostile}/attachments/2`, `/runs/${plain}/attachments/0`, '/runs/abc/mail', '/runs/0/mail', '/runs/1e3/mail', `/runs/${hostile}/attachments/-1`]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(await answer.text(), path).toContain('Ei löytynyt');
    }
  });

  it('sends anyone without a session to sign in, before reading any mail', async () => {
    for (const path of [`/runs/${hostile}/mail`, `/runs/${hostile}/mail?images=1`, `/runs/${hostile}/mail.txt`, `/runs/${hostile}/attachments/1`]) {
      const answer = await request(workspace, path, { headers: { cookie: 'offerflow_session=made-up' } });
      expect(answer.status, path).toBe(303);
      expect(answer.headers.get('location')).toBe('/login');
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });
});
