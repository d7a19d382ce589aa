import { ownLines, ownQuotedMessage } from './quotes.js';
import { signatureStart } from './signature.js';

export interface BodyParts {
  /** The new message, without quotes and signature: the only place line items come from. */
  body: string;
  /** The signature, kept for company facts (name, Y-tunnus, phone). */
  signature: string;
}

/**
 * `senderAddress`, when known, lets a reply to the sender's own earlier message be read with
 * it: that message's lines come first, as it was written first.
 */
export function splitBody(text: string, senderAddress?: string): BodyParts {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const own = ownLines(lines);
  const at = signatureStart(own);
  const parts = at >= 0 ? { body: own.slice(0, at).join('\n').trim(), signature: own.slice(at).join('\n').trim() } : { body: own.join('\n').trim(), signature: '' };
  const earlier = senderAddress ? ownQuotedMessage(lines, senderAddress) : null;
  return earlier ? { ...parts, body: [splitBody(earlier).body, parts.body].filter(Boolean).join('\n\n') } : parts;
}
