import { InjectionToken } from '@angular/core';

/** Where the API lives; the API serves the web app, so the same origin by default. */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '/api',
});
