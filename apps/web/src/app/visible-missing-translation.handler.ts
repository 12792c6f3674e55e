import { isDevMode } from '@angular/core';
import type { MissingTranslationHandler, MissingTranslationHandlerParams } from '@ngx-translate/core';

/** In development a missing key shows as ⟦key⟧, impossible to overlook on a screenshot. */
export class VisibleMissingTranslationHandler implements MissingTranslationHandler {
  handle(params: MissingTranslationHandlerParams): string {
    return isDevMode() ? `⟦${params.key}⟧` : params.key;
  }
}
