import { describe, expect, it } from 'vitest';
import { html } from '../../src/web/html.js';
import { languageFromHeader } from '../../src/web/i18n/accept-language.js';

describe('the html tag', () => {
  it('escapes every interpolated text, in content and in attributes, and leaves its own fragments as they are', () => {
    const name = `<script>alert("x")</script>' onmouseover='x`;
    const item = html`<li title="${name}">${name}</li>`;
    expect(html`<ul>${[item, null, false, 3]}</ul>`.html).toBe(
      '<ul><li title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x</li>3</ul>',
    );
  });

  it('does not take a look-alike object for its own', () => {
    const forged = { html: '<b>bold</b>' } as unknown as string;
    expect(html`${forged}`.html).toBe('[object Object]');
  });
});

describe('the sign-in page’s language', () => {
  it('is the first of the browser’s languages by q-value that the workspace speaks', () => {
    expect(languageFromHeader('de-DE,sv;q=0.5,en;q=0.8', 'fi')).toBe('en');
    expect(languageFromHeader('fi-FI', 'en')).toBe('fi');
    expect(languageFromHeader('de, fr;q=0.9', 'fi')).toBe('fi');
    expect(languageFromHeader('en;q=0, sv', 'fi')).toBe('sv');
    expect(languageFromHeader(undefined, 'sv')).toBe('sv');
  });
});
