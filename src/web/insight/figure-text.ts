import { formatDecimal } from '../format.js';
import type { PageContext } from '../page-context.js';

const HOUR_MS = 3_600_000;

/** A share as a whole percent, or the dash for a share of nothing. */
export function rateText(page: PageContext, rate: number | null): string {
  return rate === null ? page.t.none : page.t.percent(Math.round(rate * 100));
}

/** A time in hours to one decimal: comparable at a glance from one row to the next, whatever its size. */
export function hoursText(page: PageContext, ms: number | null): string {
  return ms === null ? page.t.none : page.t.hours(formatDecimal(hoursOf(ms).toFixed(1), page.language));
}

export const hoursOf = (ms: number) => ms / HOUR_MS;
