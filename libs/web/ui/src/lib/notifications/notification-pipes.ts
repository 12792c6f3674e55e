import { inject, Pipe, type PipeTransform } from '@angular/core';
import { renderNotificationParams, type Locale, type NotificationParams } from '@marsad/contracts';
import { formatRelativeTime, MSD_LOCALE } from '../locale/msd-locale';

/**
 * A message's placeholder values in the reader's language (texts picked, dates formatted), for the
 * translate pipe: `{{ key | translate: (n.params | msdNotifyParams) }}`. Computed again only when the
 * params or the language change.
 */
@Pipe({ name: 'msdNotifyParams', pure: false })
export class NotificationParamsPipe implements PipeTransform {
  private readonly locale = inject(MSD_LOCALE);
  private last: { params: NotificationParams; locale: Locale; values: Record<string, string> } | null = null;

  transform(params: NotificationParams | null | undefined): Record<string, string> {
    const locale = this.locale();
    const source = params ?? {};
    if (this.last?.params !== source || this.last.locale !== locale)
      this.last = { params: source, locale, values: renderNotificationParams(source, locale) };
    return this.last.values;
  }
}

/** "5 minutes ago", "yesterday"…; a week or more back, the short date. */
@Pipe({ name: 'msdRelativeTime', pure: false })
export class RelativeTimePipe implements PipeTransform {
  private readonly locale = inject(MSD_LOCALE);
  transform(value: string | Date | null | undefined): string {
    return formatRelativeTime(value, this.locale());
  }
}
