import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  type ApplicationConfig,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { isLocale } from '@marsad/contracts';
import {
  acceptLanguageInterceptor,
  apiErrorInterceptor,
  csrfInterceptor,
  LocaleService,
  SessionService,
  unauthenticatedInterceptor,
} from '@marsad/web/data-access';
import { MSD_LOCALE } from '@marsad/web/ui';
import { provideMissingTranslationHandler, provideTranslateService } from '@ngx-translate/core';
import { provideTranslateHttpLoader } from '@ngx-translate/http-loader';
import { firstValueFrom } from 'rxjs';
import { appRoutes } from './app.routes';
import { TranslatedTitleStrategy } from './translated-title.strategy';
import { VisibleMissingTranslationHandler } from './visible-missing-translation.handler';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled', anchorScrolling: 'enabled' }),
    ),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    // apiErrorInterceptor first: it sees each failure last, after the CSRF retry and the sign-in redirect.
    provideHttpClient(
      withInterceptors([apiErrorInterceptor, acceptLanguageInterceptor, csrfInterceptor, unauthenticatedInterceptor]),
    ),
    provideTranslateService({
      loader: provideTranslateHttpLoader({ prefix: '/i18n/', suffix: '.json' }),
      // A factory, not the class: ngx-translate tells classes from factories by their source text, which minification changes.
      missingTranslationHandler: provideMissingTranslationHandler(() => new VisibleMissingTranslationHandler()),
    }),
    { provide: MSD_LOCALE, useFactory: () => inject(LocaleService).locale },
    // Load the URL's language before the first paint, so the shell never shows keys.
    provideAppInitializer(() => {
      const locale = inject(LocaleService);
      const first = window.location.pathname.split('/')[1];
      return firstValueFrom(locale.use(isLocale(first) ? first : locale.preferred())).catch(() => undefined);
    }),
    // Know who is signed in before the first route's guards run; never blocks the public pages.
    provideAppInitializer(() => inject(SessionService).load()),
  ],
};
