import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { LocaleService } from './locale.service';

/** Tells the API the reader's language, so error messages come back in it. */
export const acceptLanguageInterceptor: HttpInterceptorFn = (request, next) => {
  const locale = inject(LocaleService).locale();
  return next(
    request.headers.has('Accept-Language') ? request : request.clone({ setHeaders: { 'Accept-Language': locale } }),
  );
};
