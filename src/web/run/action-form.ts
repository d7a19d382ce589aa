import { html, type SafeHtml } from '../html.js';
import { csrfInput } from '../layout.js';

/** What every action form on a run page carries: the run, the revision it was drawn from, and the form token. */
export interface ActionFormContext {
  runId: number;
  revision: number;
  csrfToken: string;
  /** A new id for each form: submitted twice, the same action is done once. */
  newActionId(): string;
}

export const actionPath = (runId: number) => `/runs/${runId}/actions`;

/** A POST form for one review command; `body` holds its visible inputs and button. */
export function actionForm(form: ActionFormContext, fields: Record<string, string | number>, body: SafeHtml, className = 'inline-form'): SafeHtml {
  const hidden = Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${String(value)}">`);
  return html`<form method="post" action="${actionPath(form.runId)}" class="${className}">
    ${csrfInput(form.csrfToken)}
    <input type="hidden" name="actionId" value="${form.newActionId()}">
    <input type="hidden" name="revision" value="${String(form.revision)}">
    ${hidden}
    ${body}
  </form>`;
}
