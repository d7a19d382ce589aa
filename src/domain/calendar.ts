import { dateTimeFormat } from './intl-format.js';

/** The calendar date (YYYY-MM-DD) of an instant in the seller's time zone. */
export function isoDateIn(instant: Date, timeZone: string): string {
  return dateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** How far ahead of UTC the time zone's clocks are at an instant, in ms. */
function offsetMs(instant: number, timeZone: string): number {
  const format = dateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - instant;
}

/** The instant (ISO) a calendar date begins in the seller's time zone: where "received on 2.3." starts. */
export function startOfDayIn(isoDate: string, timeZone: string): string {
  const midnightUtc = Date.parse(`${isoDate}T00:00:00Z`);
  const firstGuess = midnightUtc - offsetMs(midnightUtc, timeZone);
  return new Date(midnightUtc - offsetMs(firstGuess, timeZone)).toISOString();
}
