import { inject, Pipe, type PipeTransform } from '@angular/core';
import type { Locale } from '@marsad/contracts';
import { formatMoroccoTime, MSD_LOCALE } from '@marsad/web/ui';

// Meeting times are typed and shown in Moroccan time: the conversions are the shared ones.
export { casablancaToIso, isoToCasablanca } from '@marsad/web/ui';

/** A meeting's date and time, in the reader's language, in Moroccan time. */
export function formatMeetingTime(iso: string | null | undefined, locale: Locale): string {
  return formatMoroccoTime(iso, locale, { weekday: true });
}

@Pipe({ name: 'msdMeetingTime', pure: false })
export class MeetingTimePipe implements PipeTransform {
  private readonly locale = inject(MSD_LOCALE);
  transform(value: string | null | undefined): string {
    return formatMeetingTime(value, this.locale());
  }
}
