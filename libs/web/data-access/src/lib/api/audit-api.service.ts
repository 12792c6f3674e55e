import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEventView, AuditQuery, Page } from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toParams } from './users-api.service';

/** The audit trail: who changed what, when (newest first). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  list(query: AuditQuery = {}): Observable<Page<AuditEventView>> {
    return this.http.get<Page<AuditEventView>>(`${this.base}/v1/audit-events`, { params: toParams(query) });
  }

  activityHistory(activityId: string): Observable<AuditEventView[]> {
    return this.http.get<AuditEventView[]>(`${this.base}/v1/activities/${encodeURIComponent(activityId)}/history`);
  }
}
