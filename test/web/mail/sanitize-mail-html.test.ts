import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../src/email/parse-email.js';
import { sanitizeMailHtml, type MailHtmlOptions } from '../../../src/web/mail/sanitize-mail-html.js';
import { fixture } from '../../support/fixtures.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const OPTIONS: MailHtmlOptions = { inline: [{ contentId: 'logo@putki.fi', contentType: 'image/png', content: PNG }], remoteImages: false, blockedImageLabel: 'image not loaded' };

const clean = (dirty: string, options: Partial<MailHtmlOptions> = {}) => sanitizeMailHtml(dirty, { ...OPTIONS, ...options }).html;

describe('sanitizeMailHtml: what could run, load or send is gone', () => {
  it.each([
    ['a script', '<p>a</p><script>window.__pwned = 1</script>', /script|__pwned/i],
    ['an SVG script and handler', '<svg onload="x()"><script>window.__pwned = 1</script></svg>', /svg|script|onload|__pwned/i],
    ['inline event handlers', '<p onclick="x()" onmouseover="y()">a</p><img src="cid:logo@putki.fi" onerror="z()"><body onload="w()">', /on\w+=/i],
    ['a javascript: link', '<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a>', /javascript|href/i],
    ['a vbscript: or data: link', '<a href="vbscript:x">a</a><a href="data:text/html,<script>x</script>">b</a>', /href|script/i],
    ['a relative link into the workspace', '<a href="/logout">a</a><a href="//evil.example/">b</a>', /href/i],
    ['a form and its inputs', '<form action="http://evil.example/"><input name="a"><button formaction="http://evil.example/">b</button><select><option>o</option></select><textarea>t</textarea></form>', /form|input|button|select|textarea|evil/i],
    ['meta refresh and base', '<meta http-equiv="refresh" content="0;url=http://evil.example/"><base href="http://evil.example/">', /meta|base|evil/i],
    ['frames, objects, embeds, links', '<iframe src="http://evil.example/"></iframe><object data="x"></object><embed src="x"><link rel="stylesheet" href="http://evil.example/s.css">', /iframe|object|embed|link|evil/i],
    ['a style block with url() and @import', '<style>@import url(http://evil.example/a.css); body { background: url(http://evil.example/b) }</style><p>a</p>', /style|import|url|evil/i],
    ['url(), expression() and escapes in a style attribute', '<p style="background-image: url(http://evil.example/b); width: expression(alert(1)); color: \\75 rl(x); font-size: var(--x)">a</p>', /url|expression|evil|\\|var/i],
    ['srcset and background attributes', '<img srcset="http://evil.example/a.png 2x"><table background="http://evil.example/t.png"><tr><td background="http://evil.example/c.png">a</td></tr></table>', /srcset|background|evil/i],
    ['the title and head', '<html><head><title>PWNED</title></head><body>a</body></html>', /PWNED|title|head/i],
  ])('%s', (_name, dirty, gone) => {
    expect(clean(dirty)).not.toMatch(gone);
  });
});

describe('sanitizeMailHtml: what the customer wrote stays', () => {
  it('keeps tables, their cells and text formatting', () => {
    const out = clean('<table border="1" cellpadding="4"><tr><th colspan="2">Tuote</th></tr><tr><td>Kupariputki <b>15x1,0</b> <i>kova</i></td><td align="right">10 m</td></tr></table><ul><li>yksi</li></ul><br><font color="red">punainen</font>');
    expect(out).toBe('<table border="1" cellpadding="4"><tr><th colspan="2">Tuote</th></tr><tr><td>Kupariputki <b>15x1,0</b> <i>kova</i></td><td align="right">10 m</td></tr></table><ul><li>yksi</li></ul><br /><font color="red">punainen</font>');
  });

  it('keeps plain style declarations and drops only the unsafe ones', () => {
    expect(clean('<p style="color: #003366; background-image: url(http://evil.example/b); font-family: Calibri, sans-serif; border: 1px solid rgb(0, 0, 0)">a</p>')).toBe(
      '<p style="color:#003366;font-family:Calibri, sans-serif;border:1px solid rgb(0, 0, 0)">a</p>',
    );
  });

  it('keeps text that looks like markup as text', () => {
    expect(clean('<td>Kupariputki &lt;img src=x onerror=alert(1)&gt;</td>')).toContain('Kupariputki &lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps web and mail links, opening apart from the workspace and saying where they go', () => {
    expect(clean('<a href="https://putki.example/hinnasto" target="_self">Hinnasto</a>')).toBe(
      '<a href="https://putki.example/hinnasto" title="https://putki.example/hinnasto" target="_blank" rel="noopener noreferrer">Hinnasto</a>',
    );
    expect(clean('<a href="mailto:matti@putki.fi">Matti</a>')).toContain('href="mailto:matti@putki.fi"');
  });
});

describe('sanitizeMailHtml: images', () => {
  it('shows a cid: image from the mail’s own part as a data: URI, and drops one the mail does not have', () => {
    const out = clean('<img src="cid:logo@putki.fi" alt="Putki Oy"><img src="cid:missing@putki.fi" alt="x">');
    expect(out).toBe(`<img alt="Putki Oy" src="data:image/png;base64,${PNG.toString('base64')}" /><img alt="x" />`);
  });

  it('does not show an inline part that is not a raster image', () => {
    const svg = { contentId: 'v@putki.fi', contentType: 'image/svg+xml', content: Buffer.from('<svg onload="x()"/>') };
    expect(clean('<img src="cid:v@putki.fi">', { inline: [svg] })).toBe('<img />');
  });

  it('puts a placeholder in place of a remote image unless remote images were asked for', () => {
    const dirty = '<img src="http://evil.example/pixel.gif" alt="seuranta"><img src="https://cdn.example/logo.png">';
    const blocked = clean(dirty);
    expect(blocked).not.toMatch(/<img|example/);
    expect(blocked).toBe('<span title="seuranta">[image not loaded]</span><span>[image not loaded]</span>');
    expect(clean(dirty, { remoteImages: true })).toBe('<img alt="seuranta" src="http://evil.example/pixel.gif" /><img src="https://cdn.example/logo.png" />');
  });

  it('keeps a raster data: image and drops any other', () => {
    const png = `data:image/png;base64,${PNG.toString('base64')}`;
    expect(clean(`<img src="${png}"><img src="data:text/html;base64,PHNjcmlwdD4="><img src="data:image/svg+xml;base64,PHN2Zz4=">`)).toBe(`<img src="${png}" /><img /><img />`);
  });
});

describe('sanitizeMailHtml over the hostile fixture', () => {
  it('leaves no script, handler, remote address but the customer’s link, form or style block', async () => {
    const mail = await parseEmail(fixture('email/hostile.eml'));
    const out = clean(mail.html!, { inline: mail.inline });
    expect(out).not.toMatch(/<script|<style|<form|<input|<iframe|<object|<svg|<meta|<base|<[^>]*\son\w+=|javascript:|url\(|@import/i);
    expect(out).not.toContain('evil.example');
    expect(out).toContain('https://putki.example/hinnasto');
    expect(out).toContain('src="data:image/png;base64,');
    expect(out).toContain('<td>Palloventtiili DN20</td>');
  });
});
