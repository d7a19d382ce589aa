import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

export interface SignInView {
  email: string;
  /** An error (role alert) or a notice (role status) above the form. */
  error: string | null;
  notice: string | null;
}

export function signInPage(context: PageContext, view: SignInView): SafeHtml {
  const { t } = context;
  return layout(
    context,
    t.signInTitle,
    html`${view.error ? html`<p class="message error" role="alert">${view.error}</p>` : null}
    ${view.notice ? html`<p class="message notice" role="status">${view.notice}</p>` : null}
    <form method="post" action="/login" class="card stacked-form">
      <label for="email">${t.email}</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="${view.email}">
      <label for="password">${t.password}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit">${t.signIn}</button>
    </form>`,
  );
}
