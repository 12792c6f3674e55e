import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InstitutionRef } from '@marsad/contracts';
import { catchError, Observable, shareReplay, throwError } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toApiError } from './api-error';

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
    this.cache$ ??= this.http.get<InstitutionList>(`${this.base}/v1/institutions`).pipe(
      catchError((e) => {
        this.cache$ = undefined;
        return throwError(() => toApiError(e));
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.cache$;
  }
}
