import { inject, Pipe, type PipeTransform } from '@angular/core';
import { pickText, type Locale, type PartialLocalizedText } from '@marsad/contracts';
import { MSD_LOCALE } from '../locale/msd-locale';

/**
 * The text in the reader's locale, else the first one present (French, Arabic, English).
 * Impure so it follows a language switch; the work is a few property reads.
 */
@Pipe({ name: 'msdText', pure: false })
export class LocalizedTextPipe implements PipeTransform {
  private readonly locale = inject(MSD_LOCALE);

  transform(text: PartialLocalizedText | null | undefined, locale?: Locale): string {
    return pickText(text, locale ?? this.locale())?.text ?? '';
  }
}

/** The locale the text was actually shown in, for `[attr.lang]` when it fell back to another language. */
@Pipe({ name: 'msdTextLang', pure: false })
export class LocalizedTextLangPipe implements PipeTransform {
  private readonly locale = inject(MSD_LOCALE);

  transform(text: PartialLocalizedText | null | undefined): Locale | null {
    return pickText(text, this.locale())?.locale ?? null;
  }
}
