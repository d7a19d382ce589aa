import type { AttachmentText } from '../../attachments/read-attachment.js';
import { formatBytes } from '../../attachments/limits.js';
import type { AttachmentInfo, EmailAddress, ParsedEmail } from '../../email/parsed-email.js';
import type { WorkflowContext } from '../../workflow/context.js';
import { html, type SafeHtml } from '../html.js';
import type { PageContext } from '../page-context.js';
import { dateTimeFormat } from '../../domain/intl-format.js';

/** What the panel needs of a stored run: a `StoredRun` is one. */
export interface MailPanelRun {
  id: number;
  context: Pick<WorkflowContext, 'email' | 'attachmentTexts'>;
}

/** Enough rows to recognise the list; the whole file is one click away. */
const ROWS_SHOWN = 50;

const addressText = (a: EmailAddress) => (a.name ? `${a.name} <${a.address}>` : a.address);

function dateText(iso: string, language: string, timeZone: string): string {
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(Date.parse(iso));
}

function headerBlock(context: PageContext, email: ParsedEmail, timeZone: string): SafeHtml {
  const { t } = context;
  const row = (label: string, value: SafeHtml | string) => html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<dl class="mail-headers">
    ${row(t.mailFrom, email.from ? addressText(email.from) : '')}
    ${row(t.mailTo, email.to.map(addressText).join(', '))}
    ${email.cc.length > 0 ? row(t.mailCc, email.cc.map(addressText).join(', ')) : null}
    ${row(t.mailDate, email.date ? html`<time datetime="${email.date}">${dateText(email.date, context.language, timeZone)}</time>` : '')}
    ${row(t.mailSubject, email.subject)}
  </dl>`;
}

/** A row of a table or a PDF text line keeps its columns apart with TABs (see attachments/). */
function rowsRead(context: PageContext, text: AttachmentText | undefined): SafeHtml {
  const { t } = context;
  if (!text) return html`<p class="hint">${t.mailAttachmentNotRead}</p>`;
  const warnings = text.warnings.map((w) => html`<li>${w}</li>`);
  const shown = text.lines.slice(0, ROWS_SHOWN).map((line) => html`<tr>${line.split('\t').map((cell) => html`<td>${cell}</td>`)}</tr>`);
  return html`${text.lines.length === 0 ? html`<p class="hint">${t.mailNothingRead}</p>` : html`<p class="hint">${t.mailRowsRead(text.lines.length)}</p>
    <table class="rows-read"><tbody>${shown}</tbody></table>`}
    ${text.lines.length > ROWS_SHOWN ? html`<p class="hint">${t.mailMoreRows(text.lines.length - ROWS_SHOWN)}</p>` : null}
    ${warnings.length > 0 ? html`<ul class="attachment-warnings">${warnings}</ul>` : null}`;
}

/**
 * The workflow reads the mail's files in their order (reading/read-mail.ts), so the text read
 * from a file sits at its index; files past the attachment limit, and every file of a mail
 * that asks for nothing, have none.
 */
function attachmentList(context: PageContext, runId: number, attachments: AttachmentInfo[], texts: AttachmentText[]): SafeHtml | null {
  if (attachments.length === 0) return null;
  const items = attachments.map(
    (a, i) => html`<li>
      <a href="/runs/${runId}/attachments/${i}" download>${a.filename}</a> <span class="hint">${formatBytes(a.size)}</span>
      ${rowsRead(context, texts[i])}
    </li>`,
  );
  return html`<h3>${context.t.mailAttachments}</h3><ul class="attachments">${items}</ul>`;
}

/**
 * The run page's half that shows the customer's mail: its headers, the mail itself in a frame
 * that has no scripts and no origin of its own (its document says the same in its own policy),
 * the way to its remote images and its plain text, and its attachments with what was read from
 * each. Everything from the mail is escaped; the frame's document is cleaned by the server.
 */
export function mailPanel(context: PageContext, run: MailPanelRun, timeZone: string): SafeHtml {
  const { t } = context;
  const { email, attachmentTexts } = run.context;
  const frame = `mail-${run.id}`;
  return html`<section class="mail-panel card" aria-labelledby="${frame}-heading">
    <h2 id="${frame}-heading">${t.mailHeading}</h2>
    ${email ? headerBlock(context, email, timeZone) : null}
    <p class="mail-actions">
      <a href="/runs/${run.id}/mail?images=1" target="${frame}">${t.mailShowImages}</a>
      <a href="/runs/${run.id}/mail.txt">${t.mailPlainText}</a>
    </p>
    <p class="hint">${t.mailImagesNote}</p>
    <iframe class="mail-frame" name="${frame}" title="${t.mailFrameTitle}" src="/runs/${run.id}/mail" sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>
    ${email ? attachmentList(context, run.id, email.attachments, attachmentTexts) : null}
  </section>`;
}
