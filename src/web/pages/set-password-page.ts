import { PASSWORD_LENGTH } from '../../accounts/settings.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

export function setPasswordPage(context: PageContext, view: { token: string; email: string; error: string | null }): SafeHtml {
  const { t } = context;
  return layout(
    context,
    t.setPasswordTitle,
    html`<p>${t.setPasswordFor(view.email)}</p>
    ${view.error ? html`<p class="message error" role="alert">${view.error}</p>` : null}
    <form method="post" action="/set-password" class="card stacked-form">
      <input type="hidden" name="token" value="${view.token}">
      <input type="email" name="email" autocomplete="username" value="${view.email}" hidden readonly>
      <label for="password">${t.newPassword}</label>
      <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${PASSWORD_LENGTH.min}" maxlength="${PASSWORD_LENGTH.max}" aria-describedby="password-rules">
      <p id="password-rules" class="hint">${t.passwordRules(PASSWORD_LENGTH.min)}</p>
      <label for="confirm">${t.confirmPassword}</label>
      <input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
      <button type="submit">${t.savePassword}</button>
    </form>`,
  );
}

export function linkInvalidPage(context: PageContext): SafeHtml {
  return layout(context, context.t.setPasswordTitle, html`<p class="message error" role="alert">${context.t.linkInvalid}</p>`);
}
