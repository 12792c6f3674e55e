import { Directionality, type Direction } from '@angular/cdk/bidi';
import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import { directionOf, type Locale } from '@marsad/contracts';
import { TranslateService } from '@ngx-translate/core';
import type { Observable } from 'rxjs';
import { LOCALE_STORAGE_KEY, preferredLocale } from './locale-negotiation';

/**
 * The one place the UI language changes: `<html lang dir>`, the CDK direction Material follows,
 * ngx-translate, and the remembered choice.
 */
@Injectable({ providedIn: 'root' })
export class LocaleService {
  private readonly document = inject(DOCUMENT);
  private readonly translate = inject(TranslateService);
  private readonly directionality = inject(Directionality);
  private readonly current = signal<Locale | null>(null);

  /** The active locale (French until one is chosen). */
  readonly locale = computed<Locale>(() => this.current() ?? 'fr');
  readonly dir = computed<Direction>(() => directionOf(this.locale()));

  /** What `/` should open: remembered choice, then the browser's languages, then French. */
  preferred(): Locale {
    const navigator = this.document.defaultView?.navigator;
    const languages = navigator?.languages?.length
      ? navigator.languages
      : navigator?.language
        ? [navigator.language]
        : [];
    return preferredLocale(this.readStored(), languages);
  }

  /** Switches the UI to `locale`. Returns the load of its translations. */
  use(locale: Locale): Observable<unknown> {
    const changed = this.current() !== locale;
    this.current.set(locale);
    const dir = directionOf(locale);
    const html = this.document.documentElement;
    html.lang = locale;
    html.dir = dir;
    // Overlays (dialogs, menus, snack bars) are attached to <body>, outside the [dir] root element:
    // keep the root Directionality in step so they open in the right direction.
    if (this.directionality.value !== dir) {
      this.directionality.valueSignal.set(dir);
      this.directionality.change.emit(dir);
    }
    if (changed) this.store(locale);
    return this.translate.use(locale);
  }

  private readStored(): string | null {
    try {
      return this.document.defaultView?.localStorage?.getItem(LOCALE_STORAGE_KEY) ?? null;
    } catch {
      return null; // storage disabled (private mode, policy)
    }
  }

  private store(locale: Locale): void {
    try {
      this.document.defaultView?.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Not remembering is acceptable.
    }
  }
}
