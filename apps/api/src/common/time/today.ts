import type { IsoDate } from '@marsad/contracts';

/** The plan is tracked on Morocco's calendar: UTC+1 most of the year, UTC+0 during Ramadan (ICU's tz data knows both). */
export const MOROCCO_TIME_ZONE = 'Africa/Casablanca';

const DAY_MS = 86_400_000;
const moroccoDay = new Intl.DateTimeFormat('en-CA', { timeZone: MOROCCO_TIME_ZONE });

/** Today's date in Morocco, as an ISO date (YYYY-MM-DD). The one "today" of plan, metrics and seeds. */
export function todayInMorocco(now = new Date()): IsoDate {
  return moroccoDay.format(now);
}

/** An ISO date `days` calendar days after (or before, when negative) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
