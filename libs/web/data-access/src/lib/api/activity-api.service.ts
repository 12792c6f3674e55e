import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ActivityDetail,
  CreateProgressUpdateRequest,
  EvidenceView,
  ProgressUpdateView,
  ReviseProgressUpdateRequest,
  UpdateActivityRequest,
  ValidationQueue,
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

  /** A draft or returned report, corrected (and submitted again unless `draft`). */
  reviseUpdate(progressUpdateId: string, body: ReviseProgressUpdateRequest): Observable<ProgressUpdateView> {
    return this.http.patch<ProgressUpdateView>(this.updateUrl(progressUpdateId), body);
  }

  /** Coordinators: submitted reports awaiting validation, oldest first. */
  validationQueue(): Observable<ValidationQueue> {
    return this.http.get<ValidationQueue>(`${this.base}/v1/validation-queue`);
  }

  validateUpdate(progressUpdateId: string, version: number): Observable<ProgressUpdateView> {
    return this.http.post<ProgressUpdateView>(`${this.updateUrl(progressUpdateId)}/validate`, { version });
  }

  returnUpdate(progressUpdateId: string, comment: string): Observable<ProgressUpdateView> {
    return this.http.post<ProgressUpdateView>(`${this.updateUrl(progressUpdateId)}/return`, { comment });
  }

  uploadEvidence(progressUpdateId: string, file: File, title?: string): Observable<EvidenceView> {
    const form = new FormData();
    form.append('file', file, file.name);
    if (title) form.append('title', title);
    return this.http.post<EvidenceView>(`${this.updateUrl(progressUpdateId)}/evidence`, form);
  }

  private updateUrl(progressUpdateId: string): string {
    return `${this.base}/v1/progress-updates/${encodeURIComponent(progressUpdateId)}`;
  }

  private url(id: string): string {
    return `${this.base}/v1/activities/${encodeURIComponent(id)}`;
  }
}
