import { inject, Pipe, type PipeTransform } from '@angular/core';
import type { Locale } from '@marsad/contracts';
import { formatMoroccoTime, MSD_LOCALE } from '@marsad/web/ui';

// Deadlines are typed and shown in Moroccan time: the conversions are the shared ones.
export { casablancaToIso, isoToCasablanca } from '@marsad/web/ui';

/** A deadline's date and time in the reader's language, in Moroccan time. */
export function formatAwardTime(iso: string | null | undefined, locale: Locale): string {
  return formatMoroccoTime(iso, locale);
}

@Pipe({ name: 'msdAwardTime', pure: false })
export class AwardTimePipe implements PipeTransform {
  private readonly locale = inject(MSD_LOCALE);
  transform(value: string | null | undefined): string {
    return formatAwardTime(value, this.locale());
  }
}

/** Whole days and the hours left over until `deadline`; null once it has passed. */
export function countdown(deadline: string, now: number): { days: number; hours: number; minutes: number } | null {
  const left = new Date(deadline).getTime() - now;
  if (!Number.isFinite(left) || left <= 0) return null;
  const hours = Math.floor(left / 3_600_000);
  // In the last hour, whole minutes rounded up: "1 minute left" until the very end, never "0".
  const minutes = hours === 0 ? Math.ceil(left / 60_000) : Math.floor((left % 3_600_000) / 60_000);
  return { days: Math.floor(hours / 24), hours: hours % 24, minutes };
}
