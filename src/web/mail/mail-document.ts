import type { EmailWithFiles } from '../../email/parse-email.js';
import { html, type SafeHtml } from '../html.js';
import type { Messages } from '../i18n/messages.js';
import { sanitizeMailHtml } from './sanitize-mail-html.js';

/**
 * The policy of the mail's own document: nothing may load but its styles and data: images
 * (remote ones too once asked for), nothing may run, no form may go anywhere; and, whoever
 * opens it, it is a sandbox without scripts or an origin of its own. Links may open a new
 * window, outside the sandbox, as the salesperson's own click.
 */
export function mailPolicy(remoteImages: boolean): string[] {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `img-src data:${remoteImages ? ' https: http:' : ''}`,
    "form-action 'none'",
    "base-uri 'none'",
    'sandbox allow-popups allow-popups-to-escape-sandbox',
  ];
}

function document(title: string, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html>
<head>
  <meta charset="utf-8">
  <title>${title}</title>
</head>
<body>
${body}
</body>
</html>`;
}

/**
 * The mail as the customer sent it: its HTML, cleaned, or else its text. The text keeps its
 * line breaks and wraps; its style is inline because this document may load nothing else.
 */
export function mailDocument(t: Messages, mail: EmailWithFiles, remoteImages: boolean): SafeHtml {
  const body = mail.html
    ? sanitizeMailHtml(mail.html, { inline: mail.inline, remoteImages, blockedImageLabel: t.mailImageNotLoaded })
    : html`<pre style="white-space: pre-wrap; overflow-wrap: anywhere">${mail.email.text || t.mailNoText}</pre>`;
  return document(mail.email.subject, body);
}

export function unreadableMailDocument(t: Messages): SafeHtml {
  return document(t.mailUnreadableTitle, html`<p>${t.mailUnreadable}</p>`);
}
