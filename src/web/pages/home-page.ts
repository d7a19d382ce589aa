import type { User } from '../../accounts/user.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

/** The signed-in landing page, until the inbox takes its place. */
export function homePage(context: PageContext, user: User): SafeHtml {
  const { t } = context;
  const role = user.role === 'admin' ? t.role_admin : t.role_salesperson;
  return layout(
    context,
    t.homeTitle,
    html`<section class="card" aria-labelledby="who">
      <h2 id="who">${t.signedInAs(user.name)}</h2>
      <p>${user.email} · ${role}</p>
      <p>${t.inboxComing}</p>
    </section>`,
    { section: 'inbox' },
  );
}
