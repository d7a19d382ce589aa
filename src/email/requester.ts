import type { EmailAddress } from './parsed-email.js';

/** Web forms and shop systems send from an address nobody reads and put the customer in Reply-To. */
const NO_REPLY = /^(?:no-?reply|do-?not-?reply|noreply[.-]\w+|web-?form|forms?|wordpress|mailer-daemon)@/i;

/** Who asked: the sender, or the Reply-To of a mail a web form sent for them. */
export function requesterOf(email: { from: EmailAddress | null; replyTo: EmailAddress | null }): EmailAddress | null {
  return email.from && NO_REPLY.test(email.from.address) && email.replyTo ? email.replyTo : email.from;
}
