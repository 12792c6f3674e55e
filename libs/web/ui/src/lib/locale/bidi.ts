import { Pipe, type PipeTransform } from '@angular/core';

/** Unicode's first-strong isolate and pop directional isolate: the text between takes its own direction. */
export const FSI = '\u2068';
export const PDI = '\u2069';

/**
 * A name (often Latin, in an Arabic sentence) isolated for a translated sentence it is put into,
 * where a <bdi> cannot go: its direction no longer spills onto the punctuation around it, so
 * parentheses do not mirror wrongly. Empty stays empty.
 */
export function isolateText(text: string | null | undefined): string {
  return text ? `${FSI}${text}${PDI}` : '';
}

/** `{{ 'key' | translate: { name: (name | msdIsolate) } }}`: see isolateText. */
@Pipe({ name: 'msdIsolate' })
export class BidiIsolatePipe implements PipeTransform {
  transform(text: string | null | undefined): string {
    return isolateText(text);
  }
}
