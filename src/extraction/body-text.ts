import { ownLines } from './quotes.js';
import { signatureStart } from './signature.js';

export interface BodyParts {
  /** The new message, without quotes and signature: the only place line items come from. */
  body: string;
  /** The signature, kept for company facts (name, Y-tunnus, phone). */
  signature: string;
}

export function splitBody(text: string): BodyParts {
  const own = ownLines(text.replace(/\r\n/g, '\n').split('\n'));
  const at = signatureStart(own);
  return at >= 0 ? { body: own.slice(0, at).join('\n').trim(), signature: own.slice(at).join('\n').trim() } : { body: own.join('\n').trim(), signature: '' };
}
