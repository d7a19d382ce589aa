import type { Config } from '../config/config.js';
import { graphSecretOf } from '../email/sources/open-source.js';
import type { Clock } from '../time/clock.js';
import { GraphReplyTransport } from '../answer/graph-reply-transport.js';
import type { ReplyTransport } from '../answer/reply-transport.js';
import { SmtpReplyTransport } from '../answer/smtp-reply-transport.js';

/**
 * How each mailbox's mail to customers leaves: a Microsoft 365 mailbox sends through Graph as
 * itself, every other mailbox through the configured SMTP server (none when none is set up).
 */
export function replyTransportsOf(config: Config, clock: Clock): { of(mailbox: string): ReplyTransport | null; close(): void } {
  const smtp = config.notifications ? new SmtpReplyTransport(config.notifications) : null;
  const graph = new Map(
    config.mailboxes.flatMap((m) => (m.type === 'graph' ? [[m.name, new GraphReplyTransport({ ...m, clientSecret: graphSecretOf(m) }, clock)] as const] : [])),
  );
  return {
    of: (mailbox) => graph.get(mailbox) ?? smtp,
    close() {
      smtp?.close();
      for (const transport of graph.values()) transport.close();
    },
  };
}
