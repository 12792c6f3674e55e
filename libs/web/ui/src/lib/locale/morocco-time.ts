import type { Locale } from '@marsad/contracts';
import { intlLocale } from './msd-locale';

/**
 * The programme runs on Morocco's clock: meetings and award deadlines are shown, and typed, in
 * Moroccan time whatever the browser's zone.
 */
export const MOROCCO_TIME_ZONE = 'Africa/Casablanca';

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Milliseconds to add to UTC to get the wall clock in Casablanca at that instant (+1 h, 0 during Ramadan). */
function offsetAt(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: MOROCCO_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return wall - Math.floor(instant / 60_000) * 60_000;
}

/** A `datetime-local` value read as Casablanca time, as an ISO instant; null when it is not one. */
export function casablancaToIso(local: string): string | null {
  const m = WALL.exec(local);
  if (!m) return null;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let instant = guess - offsetAt(guess);
  const again = offsetAt(instant);
  if (guess - again !== instant) instant = guess - again;
  return new Date(instant).toISOString();
}

/** An ISO instant as a `datetime-local` value in Casablanca time. */
export function isoToCasablanca(iso: string | null | undefined): string {
  const instant = iso ? new Date(iso).getTime() : NaN;
  if (Number.isNaN(instant)) return '';
  return new Date(instant + offsetAt(instant)).toISOString().slice(0, 16);
}

/** An instant's date and time in the reader's language, in Moroccan time (with the weekday when asked). */
export function formatMoroccoTime(
  iso: string | null | undefined,
  locale: Locale,
  options: { weekday?: boolean } = {},
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: MOROCCO_TIME_ZONE,
    ...(options.weekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
