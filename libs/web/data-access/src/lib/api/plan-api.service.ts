import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ActivityFilters,
  IsoDate,
  MeasureDetail,
  PlanBlockers,
  PlanDetail,
  PlanHistory,
  PlanSnapshotDetail,
  PlanSummary,
} from '@marsad/contracts';
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

  /** The plan's daily snapshots between two days (both included, either open), oldest first. */
  getHistory(code: string, window: { from?: IsoDate; to?: IsoDate } = {}): Observable<PlanHistory> {
    let params = new HttpParams();
    if (window.from) params = params.set('from', window.from);
    if (window.to) params = params.set('to', window.to);
    return this.http.get<PlanHistory>(`${this.base}/v1/plans/${encodeURIComponent(code)}/history`, { params });
  }

  /** The plan as it stood on a day (the newest snapshot on or before it). */
  getSnapshot(code: string, day: IsoDate): Observable<PlanSnapshotDetail> {
    return this.http.get<PlanSnapshotDetail>(
      `${this.base}/v1/plans/${encodeURIComponent(code)}/history/${encodeURIComponent(day)}`,
    );
  }

  getMeasure(id: string): Observable<MeasureDetail> {
    return this.http.get<MeasureDetail>(`${this.base}/v1/measures/${encodeURIComponent(id)}`);
  }
}
