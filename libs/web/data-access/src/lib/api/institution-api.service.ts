import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InstitutionRef } from '@marsad/contracts';
import { catchError, map, Observable, shareReplay, throwError } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** Territorial administrations: listed by the registry, not offered as plan leads or account institutions. */
const TERRITORIAL_TYPES: ReadonlySet<string> = new Set(['region', 'province', 'commune']);

export interface InstitutionList {
  items: InstitutionRef[];
  total: number;
}

@Injectable({ providedIn: 'root' })
export class InstitutionApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  // Institutions change rarely: one request per session is enough.
  private cache$?: Observable<InstitutionList>;

  list(): Observable<InstitutionList> {
    // The registry now holds regions, provinces and communes too: the first page (sorted by type)
    // starts with the plan's bodies, which are what the plan pages and account forms offer.
    this.cache$ ??= this.http.get<InstitutionList>(`${this.base}/v1/institutions`).pipe(
      map((list) => {
        const items = list.items.filter((i) => !TERRITORIAL_TYPES.has(i.type));
        return { items, total: items.length };
      }),
      // A failure is not kept: the next call asks again.
      catchError((e: unknown) => {
        this.cache$ = undefined;
        return throwError(() => e);
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.cache$;
  }
}
