import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ActivityFilters, MeasureDetail, PlanBlockers, PlanDetail, PlanSummary } from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** Plans and measures. */
@Injectable({ providedIn: 'root' })
export class PlanApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  listPlans(): Observable<PlanSummary[]> {
    return this.http.get<PlanSummary[]>(`${this.base}/v1/plans`);
  }

  getPlan(code: string, filters: ActivityFilters = {}): Observable<PlanDetail> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value) params = params.set(key, value);
    }
    return this.http.get<PlanDetail>(`${this.base}/v1/plans/${encodeURIComponent(code)}`, { params });
  }

  /** What holds the plan back, from each activity's newest validated report. */
  getBlockers(code: string): Observable<PlanBlockers> {
    return this.http.get<PlanBlockers>(`${this.base}/v1/plans/${encodeURIComponent(code)}/blockers`);
  }

  getMeasure(id: string): Observable<MeasureDetail> {
    return this.http.get<MeasureDetail>(`${this.base}/v1/measures/${encodeURIComponent(id)}`);
  }
}
