import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  EventDetail,
  EventParticipantsRequest,
  EventQuery,
  EventSummary,
  Page,
  ReachView,
  SaveEventRequest,
  SetReachTargetsRequest,
  UpdateEventRequest,
} from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** The plan's events (workshops, trainings, promotion, hackathons), their participants and their reach. */
@Injectable({ providedIn: 'root' })
export class EventsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  list(query: EventQuery = {}): Observable<Page<EventSummary>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    return this.http.get<Page<EventSummary>>(`${this.base}/v1/events`, { params });
  }

  get(id: string): Observable<EventDetail> {
    return this.http.get<EventDetail>(`${this.base}/v1/events/${encodeURIComponent(id)}`);
  }

  create(request: SaveEventRequest): Observable<EventDetail> {
    return this.http.post<EventDetail>(`${this.base}/v1/events`, request);
  }

  update(id: string, request: UpdateEventRequest): Observable<EventDetail> {
    return this.http.patch<EventDetail>(`${this.base}/v1/events/${encodeURIComponent(id)}`, request);
  }

  /** Registers officers (by appointment), removes participants, sets the other participants' counts. */
  participants(id: string, request: EventParticipantsRequest): Observable<EventDetail> {
    return this.http.put<EventDetail>(`${this.base}/v1/events/${encodeURIComponent(id)}/participants`, request);
  }

  reach(): Observable<ReachView> {
    return this.http.get<ReachView>(`${this.base}/v1/reach`);
  }

  setTargets(request: SetReachTargetsRequest): Observable<ReachView> {
    return this.http.put<ReachView>(`${this.base}/v1/reach/targets`, request);
  }
}
