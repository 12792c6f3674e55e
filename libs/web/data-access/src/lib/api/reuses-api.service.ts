import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ProposeReuseRequest,
  ProposeReuseResult,
  ReusePage,
  ReuseQuery,
  ReuseView,
  UpdateReuseRequest,
} from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** Reuses of the portal's data: the public showcase, the proposal form, the coordinators' moderation. */
@Injectable({ providedIn: 'root' })
export class ReusesApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  list(query: ReuseQuery = {}): Observable<ReusePage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    return this.http.get<ReusePage>(`${this.base}/v1/reuses`, { params });
  }

  get(id: string): Observable<ReuseView> {
    return this.http.get<ReuseView>(`${this.base}/v1/reuses/${encodeURIComponent(id)}`);
  }

  /** Anyone: the proposal waits for a coordinator (202). */
  propose(request: ProposeReuseRequest): Observable<ProposeReuseResult> {
    return this.http.post<ProposeReuseResult>(`${this.base}/v1/reuses`, request);
  }

  /** Coordinators: edit, publish or reject (with a reason). */
  update(id: string, request: UpdateReuseRequest): Observable<ReuseView> {
    return this.http.patch<ReuseView>(`${this.base}/v1/reuses/${encodeURIComponent(id)}`, request);
  }
}
