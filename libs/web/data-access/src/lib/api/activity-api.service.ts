import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ActivityDetail,
  CreateProgressUpdateRequest,
  EvidenceView,
  ProgressUpdateView,
  UpdateActivityRequest,
} from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** Activities, their progress updates and the evidence attached to them. */
@Injectable({ providedIn: 'root' })
export class ActivityApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  get(id: string): Observable<ActivityDetail> {
    return this.http.get<ActivityDetail>(this.url(id));
  }

  /** A stale `version` fails with VERSION_CONFLICT and the current activity in `current`. */
  update(id: string, body: UpdateActivityRequest): Observable<ActivityDetail> {
    return this.http.patch<ActivityDetail>(this.url(id), body);
  }

  listUpdates(id: string): Observable<ProgressUpdateView[]> {
    return this.http.get<ProgressUpdateView[]>(`${this.url(id)}/updates`);
  }

  createUpdate(id: string, body: CreateProgressUpdateRequest): Observable<ProgressUpdateView> {
    return this.http.post<ProgressUpdateView>(`${this.url(id)}/updates`, body);
  }

  uploadEvidence(progressUpdateId: string, file: File, title?: string): Observable<EvidenceView> {
    const form = new FormData();
    form.append('file', file, file.name);
    if (title) form.append('title', title);
    return this.http.post<EvidenceView>(`${this.base}/v1/progress-updates/${encodeURIComponent(progressUpdateId)}/evidence`, form);
  }

  private url(id: string): string {
    return `${this.base}/v1/activities/${encodeURIComponent(id)}`;
  }
}
