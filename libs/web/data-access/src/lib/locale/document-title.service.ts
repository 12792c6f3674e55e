import { inject, Injectable, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { TranslateService } from '@ngx-translate/core';
import { EMPTY, switchMap } from 'rxjs';

interface TitleRequest {
  key: string;
  params?: Record<string, unknown>;
}

/** Sets `<title>` from a translation key and keeps it translated when the language changes. */
@Injectable({ providedIn: 'root' })
export class DocumentTitleService {
  private readonly title = inject(Title);
  private readonly translate = inject(TranslateService);
  private readonly request = signal<TitleRequest | null>(null);

  constructor() {
    toObservable(this.request)
      .pipe(switchMap((req) => (req ? this.translate.stream([req.key, 'app.name'], req.params) : EMPTY)))
      .subscribe((texts: Record<string, string>) => {
        const req = this.request();
        if (!req) return;
        const page = texts[req.key];
        const app = texts['app.name'];
        this.title.setTitle(page && page !== app ? `${page} · ${app}` : app);
      });
  }

  /** `key` must be a literal translation key. */
  set(key: string, params?: Record<string, unknown>): void {
    this.request.set({ key, params });
  }
}
