import { computed, type ResourceLoaderParams, type Signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import { apiErrorOf, type ApiError } from './api-error';

/** What a page reads from the API, as signals: the same four on every page. */
export interface ApiResource<T> {
  /** The last answer; null before the first one arrives, while new params load, and after a failure. */
  readonly value: Signal<T | null>;
  readonly loading: Signal<boolean>;
  /** The failure, always as an ApiError, or null. */
  readonly error: Signal<ApiError | null>;
  /** Asks the API again with the same params. */
  reload(): void;
  /** Shows an answer the page already holds (a write's result) without asking again. */
  set(value: T): void;
}

export interface ApiResourceOptions<T, P> {
  /** Reactive params; the stream runs again when they change, and not at all while they are undefined. */
  params?: () => P;
  stream: (loader: ResourceLoaderParams<P>) => Observable<T>;
}

/** An rxResource with the API's error shape and a value that never throws: call it in an injection context (a field initializer). */
export function apiResource<T, P = unknown>(options: ApiResourceOptions<T, P>): ApiResource<T> {
  const ref = rxResource<T | undefined, P>(options);
  return {
    value: computed(() => (ref.hasValue() ? (ref.value() ?? null) : null)),
    loading: ref.isLoading,
    error: computed(() => apiErrorOf(ref.error())),
    reload: () => void ref.reload(),
    set: (value: T) => ref.set(value),
  };
}
