import { inject, Pipe, type PipeTransform } from '@angular/core';
import {
  MSD_LOCALE,
  formatDate,
  formatFileSize,
  formatNumber,
  formatPercent,
  type DateFormat,
} from '../locale/msd-locale';

@Pipe({ name: 'msdDate', pure: false })
export class LocaleDatePipe implements PipeTransform {
  private readonly locale = inject(MSD_LOCALE);
  transform(value: string | Date | null | undefined, format: DateFormat = 'long'): string {
    return formatDate(value, this.locale(), format);
  }
}

@Pipe({ name: 'msdNumber', pure: false })
export class LocaleNumberPipe implements PipeTransform {
  private readonly locale = inject(MSD_LOCALE);
  transform(value: number | null | undefined, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.locale(), options);
  }
}

/** A 0–100 figure shown as a percentage. */
@Pipe({ name: 'msdPercent', pure: false })
export class LocalePercentPipe implements PipeTransform {
  private readonly locale = inject(MSD_LOCALE);
  transform(value: number | null | undefined): string {
    return formatPercent(value, this.locale());
  }
}

@Pipe({ name: 'msdFileSize', pure: false })
export class LocaleFileSizePipe implements PipeTransform {
  private readonly locale = inject(MSD_LOCALE);
  transform(value: number | null | undefined): string {
    return formatFileSize(value, this.locale());
  }
}
