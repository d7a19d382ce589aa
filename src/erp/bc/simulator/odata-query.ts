import type { EntitySet } from './entities.js';
import { badRequest, unknownProperty } from './odata-error.js';
import { parseFilter, type Predicate, type Row } from './odata-filter.js';

/** BC Online's page size, which a client can lower but not raise (dev-itpro/administration/operational-limits-online.md). */
export const MAX_PAGE_SIZE = 20_000;

export interface ODataQuery {
  filter: Predicate | null;
  select: string[] | null;
  expand: string[];
  orderBy: { field: string; descending: boolean }[];
  top: number | null;
  skip: number;
  /** Where the page a next link points at starts, in the filtered and sorted list. */
  skipToken: number | null;
  /** `$count=true`: the answer says how many match, over all pages. */
  count: boolean;
}

export const NO_OPTIONS: ODataQuery = { filter: null, select: null, expand: [], orderBy: [], top: null, skip: 0, skipToken: null, count: false };

/** `$schemaversion` picks BC's OData schema; the simulator answers schema 2.0, API v2.0's default, whatever is asked. */
const SYSTEM_OPTIONS = new Set(['$filter', '$select', '$expand', '$orderby', '$top', '$skip', '$skiptoken', '$count', '$schemaversion']);

function count(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw badRequest(`Invalid value '${text}' for $${name} query option found. The $${name} query option requires a non-negative integer value.`);
  return Number(text);
}

function fields(list: string, set: EntitySet): string[] {
  return list.split(',').map((name) => {
    const field = name.trim();
    if (!set.properties[field]) throw unknownProperty(set.entity, field);
    return field;
  });
}

/**
 * A skip token is opaque to clients; this one carries the offset of the page. (BC's own carries
 * the key of the last record sent, which a client cannot tell apart.)
 */
export const skipTokenOf = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64url');

function offsetOf(token: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString()) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // Falls through to the error below: a token this simulator did not make.
  }
  throw badRequest(`The skip token '${token}' is not valid.`);
}

/** The query options of one call, checked against the entity set; `navigations` are what `$expand` may name. */
export function parseODataQuery(params: URLSearchParams, set: EntitySet, navigations: string[]): ODataQuery {
  for (const name of params.keys()) {
    if (name.startsWith('$') && !SYSTEM_OPTIONS.has(name)) throw badRequest(`The query parameter '${name}' is not supported.`);
  }
  const filter = params.get('$filter');
  const select = params.get('$select');
  const expand = params.get('$expand');
  const orderBy = params.get('$orderby');
  const top = params.get('$top');
  const skipToken = params.get('$skiptoken');
  return {
    filter: filter === null ? null : parseFilter(filter, set),
    select: select === null ? null : fields(select, set),
    expand: expand === null ? [] : expandOf(expand, navigations),
    orderBy: orderBy === null ? [] : orderOf(orderBy, set),
    top: top === null ? null : count('top', top),
    skip: count('skip', params.get('$skip') ?? '0'),
    skipToken: skipToken === null ? null : offsetOf(skipToken),
    count: countOf(params.get('$count')),
  };
}

function countOf(text: string | null): boolean {
  if (text === null || text === 'false') return false;
  if (text === 'true') return true;
  throw badRequest(`Invalid value '${text}' for $count query option found. Valid values are 'true' and 'false'.`);
}

function expandOf(text: string, navigations: string[]): string[] {
  return text.split(',').map((item) => {
    const name = item.trim();
    if (name.includes('(')) throw badRequest(`Options inside $expand ('${name}') are valid OData but the Business Central simulator does not support them.`);
    if (!navigations.includes(name)) throw badRequest(`Could not find a property named '${name}' to expand.`);
    return name;
  });
}

function orderOf(text: string, set: EntitySet): { field: string; descending: boolean }[] {
  return text.split(',').map((item) => {
    const [field = '', direction = 'asc', ...rest] = item.trim().split(/\s+/);
    if (rest.length || (direction !== 'asc' && direction !== 'desc')) throw badRequest(`The $orderby item '${item.trim()}' is not valid.`);
    fields(field, set);
    return { field, descending: direction === 'desc' };
  });
}

/** Case-insensitive, as BC's database collation sorts; made once, as a collator costs far more to make than to use. */
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base' });

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return COLLATOR.compare(String(a ?? ''), String(b ?? ''));
}

/** Filters and sorts a whole entity set, the default order last so that pages never overlap. */
export function arrange(rows: Row[], query: ODataQuery, set: EntitySet): Row[] {
  const kept = query.filter ? rows.filter(query.filter) : [...rows];
  const order = [...query.orderBy, { field: set.defaultOrder, descending: false }, { field: 'id', descending: false }];
  return kept.sort((a, b) => {
    for (const { field, descending } of order) {
      const result = compareValues(a[field], b[field]);
      if (result !== 0) return descending ? -result : result;
    }
    return 0;
  });
}

/** The page to send of an arranged list, and where the next one starts if there is more. */
export function pageOf(rows: Row[], query: ODataQuery, pageSize: number): { page: Row[]; nextOffset: number | null } {
  const end = query.top === null ? rows.length : Math.min(rows.length, query.skip + query.top);
  const start = query.skipToken ?? query.skip;
  const pageEnd = Math.min(end, start + pageSize);
  return { page: rows.slice(start, pageEnd), nextOffset: pageEnd < end ? pageEnd : null };
}

/** `Prefer: odata.maxpagesize=N`, as the docs describe server-driven paging; null when it is not asked for. */
export function preferredPageSize(prefer: string | undefined): number | null {
  const match = /(?:^|[,;\s])odata\.maxpagesize=(\d+)/.exec(prefer ?? '');
  if (!match) return null;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Number(match[1])));
}
