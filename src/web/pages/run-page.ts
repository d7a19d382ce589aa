import type { ReplyRecord } from '../../answer/reply-log.js';
import type { AskableLine } from '../../answer/customer-replies.js';
import type { QuestionRecord } from '../../answer/question-log.js';
import type { ReviewAction } from '../../workflow/review.js';
import { formatDecimal, formatTime } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { actionForm, type ActionFormContext } from '../run/action-form.js';
import { lineTable, type LineSearch } from '../run/line-table.js';
import { partyCards, type PartySearches } from '../run/party-cards.js';
import type { RunView } from '../../workflow/run-view.js';

/** What the last action came to, shown above the page it left behind. */
export type RunNotice =
  | { kind: 'done' | 'repeated' | 'invalid' }
  | { kind: 'stale'; by: string; at: string }
  | { kind: 'refused'; reason: string };

export interface RunPageInput {
  view: RunView;
  notice: RunNotice | null;
  lineSearch: LineSearch | null;
  partySearches: PartySearches;
  /** The mail's half of the page. */
  mail: SafeHtml;
  /** The run's reply to its customer, and why none can be sent, if so. */
  reply: { record: ReplyRecord | null; blocked: string | null };
  /** Lines the customer can be asked about, and the questions already asked. */
  questions: { askable: AskableLine[]; asked: QuestionRecord[] };
  timeZone: string;
  newActionId(): string;
}

function noticeOf(page: PageContext, notice: RunNotice | null, timeZone: string): SafeHtml | null {
  if (!notice) return null;
  const { t, language } = page;
  switch (notice.kind) {
    case 'done':
      return html`<p class="message notice" role="status">${t.done}</p>`;
    case 'repeated':
      return html`<p class="message notice" role="status">${t.repeated}</p>`;
    case 'stale':
      return html`<p class="message error" role="alert" data-stale>${t.stale(notice.by, formatTime(notice.at, language, timeZone))}</p>`;
    case 'refused':
      return html`<p class="message error" role="alert">${t.refusedAction(notice.reason)}</p>`;
    case 'invalid':
      return html`<p class="message error" role="alert">${t.invalidAction}</p>`;
  }
}

function toCheck(page: PageContext, view: RunView): SafeHtml {
  const { t } = page;
  const items = [
    ...view.problems.map((p) => t[`problem_${p}`]),
    ...view.lines.flatMap((line) => line.problems.map((p) => t.lineProblem(line.index + 1, t[`problem_${p}`]))),
  ];
  const list = items.length ? html`<ul class="to-check">${items.map((item) => html`<li>${item}</li>`)}</ul>` : html`<p>${t.allClear}</p>`;
  const notes = view.notes.length
    ? html`<details><summary>${t.processingNotes} (${view.notes.length})</summary><ul>${view.notes.map((n) => html`<li>${n}</li>`)}</ul></details>`
    : null;
  return html`<section class="card" aria-labelledby="check-title"><h2 id="check-title">${t.whatToCheck}</h2>${list}${notes}</section>`;
}

function addLineForm(page: PageContext, form: ActionFormContext): SafeHtml {
  const { t } = page;
  return actionForm(
    form,
    { kind: 'add' },
    html`<fieldset class="add-line"><legend>${t.addLine}</legend>
      <label for="add-sku">${t.productCode}</label><input id="add-sku" name="sku" required size="12" autocomplete="off">
      <label for="add-quantity">${t.quantity}</label><input id="add-quantity" name="quantity" inputmode="decimal" size="6" value="1" required>
      <button type="submit" class="secondary">${t.addProduct}</button></fieldset>`,
    '',
  );
}

function totals(page: PageContext, view: RunView): SafeHtml | null {
  const draft = view.run.context.draft;
  if (!draft) return null;
  const { t, language } = page;
  const { net, vat, gross, currency } = draft.totals;
  return html`<dl class="totals">
    <dt>${t.netTotal}</dt><dd>${formatDecimal(net, language)} ${currency}</dd>
    <dt>${t.vat}</dt><dd>${formatDecimal(vat, language)} ${currency}</dd>
    <dt>${t.grossTotal}</dt><dd>${formatDecimal(gross, language)} ${currency}</dd>
  </dl>`;
}

function history(page: PageContext, actions: ReviewAction[], timeZone: string): SafeHtml {
  const { t, language } = page;
  const entries = actions.length
    ? html`<ol class="history">${[...actions].reverse().map((a) => html`<li><span class="hint">${t.historyEntry(a.by.name, formatTime(a.at, language, timeZone))}</span> ${a.summary}</li>`)}</ol>`
    : html`<p class="hint">${t.noHistory}</p>`;
  return html`<section class="card" aria-labelledby="history-title"><h2 id="history-title">${t.history}</h2>${entries}</section>`;
}

/** Sent, perhaps sent, or a button to send it: the salesperson never has to guess whether the customer has the offer. */
function replyState(page: PageContext, form: ActionFormContext, reply: RunPageInput['reply'], timeZone: string): SafeHtml | null {
  const { t, language } = page;
  const { record } = reply;
  if (record?.state === 'sent') return html`<p class="reply-state" data-reply="sent">${t.replySent(record.recipient, formatTime(record.sentAt!, language, timeZone))}</p>`;
  if (record) return html`<p class="reply-state warning" data-reply="uncertain">${t.replyUncertain(record.recipient, formatTime(record.beganAt, language, timeZone))}</p>`;
  if (reply.blocked) return null;
  return actionForm(form, { kind: 'send_to_customer' }, html`<button type="submit" class="secondary" data-action="send_to_customer">${t.sendToCustomer}</button>`);
}

function actionsBar(page: PageContext, form: ActionFormContext, view: RunView, reply: RunPageInput['reply'], timeZone: string): SafeHtml {
  const { t } = page;
  const { offer } = view.run.context;
  return html`<div class="run-actions">
    <p class="offer-state">${offer ? t.offerInErp(offer.number) : t.noOfferYet}</p>
    ${replyState(page, form, reply, timeZone)}
    ${actionForm(form, { kind: 'approve' }, html`<button type="submit" data-action="approve">${t.approve}</button>`)}
    ${actionForm(form, { kind: 'not_an_rfq' }, html`<button type="submit" class="secondary">${t.notARequest}</button>`)}
    ${actionForm(form, { kind: 'process_again' }, html`<button type="submit" class="secondary">${t.processAgain}</button>`)}
  </div>`;
}

function askedQuestions(page: PageContext, asked: QuestionRecord[], timeZone: string): SafeHtml | null {
  const { t, language } = page;
  if (asked.length === 0) return null;
  return html`<ul class="asked-questions">${asked.map(
    (q) =>
      html`<li data-questions="${q.state}">${t.questionsAsked(q.recipient, q.sentAt ? formatTime(q.sentAt, language, timeZone) : '', q.questions.map((x) => x.line + 1).join(', '))} ${q.state === 'answered' ? t.questionsAnswered : q.state === 'sent' ? t.questionsWaiting : t.questionsUncertain}</li>`,
  )}</ul>`;
}

/** One mail to the customer about every line the request leaves open: each ticked, its question editable before it goes. */
function askCustomer(page: PageContext, form: ActionFormContext, input: RunPageInput['questions'], timeZone: string): SafeHtml | null {
  const { t } = page;
  const asked = askedQuestions(page, input.asked, timeZone);
  if (input.askable.length === 0 && !asked) return null;
  const fields = input.askable.map(
    ({ line, question }) => html`<fieldset class="ask-line">
      <label><input type="checkbox" name="ask_${String(line)}" checked> ${t.askLine(line + 1)}</label>
      <textarea name="question_${String(line)}" rows="${String(question.choices.length + 1)}" aria-label="${t.askLine(line + 1)}">${question.text}</textarea>
    </fieldset>`,
  );
  const askForm = input.askable.length
    ? actionForm(form, { kind: 'ask_customer' }, html`${fields}<button type="submit" class="secondary" data-action="ask_customer">${t.askCustomer}</button>`, 'ask-form')
    : null;
  return html`<section class="card" aria-labelledby="ask-title"><h2 id="ask-title">${t.askTitle}</h2>${asked}${askForm}</section>`;
}

/** The original mail beside the draft: everything a salesperson needs to check and approve one request. */
export function runPage(page: PageContext, input: RunPageInput): SafeHtml {
  const { t, signedIn } = page;
  const { view, timeZone } = input;
  const { run } = view;
  const form: ActionFormContext = { runId: run.id, revision: run.context.review.revision, csrfToken: signedIn!.csrfToken, newActionId: input.newActionId };
  const title = run.subject || run.context.email?.subject || t.runTitle(run.id);
  return layout(
    page,
    title,
    html`<p class="run-meta"><a href="/">${t.backToInbox}</a> · <span class="status status-${run.status}">${t[`runStatus_${run.status}`]}</span> · ${t.runTitle(run.id)}</p>
    ${noticeOf(page, input.notice, timeZone)}
    ${actionsBar(page, form, view, input.reply, timeZone)}
    <div class="run-columns">
      <section class="card mail-column" aria-labelledby="mail-title"><h2 id="mail-title">${t.theMail}</h2>${input.mail}</section>
      <div class="draft-column">
        ${partyCards(page, form, run.context, input.partySearches, timeZone)}
        ${toCheck(page, view)}
        ${askCustomer(page, form, input.questions, timeZone)}
        <section class="card" aria-labelledby="lines-title"><h2 id="lines-title" class="visually-hidden">${t.lines}</h2>
          ${lineTable(page, form, view.lines, input.lineSearch, timeZone)}
          ${addLineForm(page, form)}
          ${totals(page, view)}
        </section>
        ${history(page, run.context.review.actions, timeZone)}
      </div>
    </div>`,
    { wide: true, scripts: ['run-page.js'] },
  );
}
