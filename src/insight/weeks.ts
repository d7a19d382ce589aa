import { addDays, isoDateIn } from '../domain/calendar.js';

const WEEK_DAYS = 7;

/** The Monday (YYYY-MM-DD) of the week an instant falls in, on the seller's calendar. */
export function weekOf(iso: string, timeZone: string): string {
  const day = isoDateIn(new Date(iso), timeZone);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % WEEK_DAYS));
}

/** Every week from the one of `since` to the one of `until`, empty ones too, so a chart's gaps show. */
export function weeksBetween(since: string, until: string, timeZone: string): string[] {
  const last = weekOf(until, timeZone);
  const weeks: string[] = [];
  for (let week = weekOf(since, timeZone); week <= last; week = addDays(week, WEEK_DAYS)) weeks.push(week);
  return weeks;
}
