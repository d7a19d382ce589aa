import { badRequest, resourceNotFound } from './odata-error.js';

export interface Segment {
  name: string;
  /** The key in `name(key)`: a GUID, as every v2.0 entity is keyed. */
  key: string | null;
}

const SEGMENT = /^([A-Za-z][A-Za-z0-9]*)(?:\(([^()]*)\))?$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** `companies(1f…)/salesQuotes(2a…)/salesQuoteLines` as its segments. */
export function segmentsOf(path: string): Segment[] {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => {
      const text = decodeURIComponent(part);
      const match = SEGMENT.exec(text);
      if (!match) throw resourceNotFound(text);
      const key = match[2];
      if (key === undefined) return { name: match[1]!, key: null };
      if (!GUID.test(key)) throw badRequest(`The key '${key}' of '${match[1]}' is not a valid GUID.`, 'BadRequest_InvalidRequestUrl');
      return { name: match[1]!, key: key.toLowerCase() };
    });
}

/** The route of a call with its ids as `:id`, as the call log and the fault matchers read it. */
export const routeOf = (segments: Segment[]) => `/${segments.map((s) => (s.key === null ? s.name : `${s.name}(:id)`)).join('/')}`;
