import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  EventDetail,
  FeedbackFormView,
  FeedbackLinks,
  FeedbackRequestsResult,
  InstitutionParticipations,
  SignInSheetPreview,
  SignInSheetResult,
  SubmitFeedbackRequest,
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

  /** What importing a sign-in sheet (CSV or XLSX) would do; writes nothing. */
  previewSignInSheet(id: string, file: File): Observable<SignInSheetPreview> {
    return this.http.post<SignInSheetPreview>(
      `${this.base}/v1/events/${encodeURIComponent(id)}/sign-in-sheet/preview`,
      fileForm(file),
    );
  }

  /** Imports a sign-in sheet: all of it or nothing. */
  importSignInSheet(id: string, file: File, version: number): Observable<SignInSheetResult> {
    const form = fileForm(file);
    form.append('version', String(version));
    return this.http.post<SignInSheetResult>(`${this.base}/v1/events/${encodeURIComponent(id)}/sign-in-sheet`, form);
  }

  /** Single-use anonymous feedback links to hand out. */
  feedbackLinks(id: string, count: number): Observable<FeedbackLinks> {
    return this.http.post<FeedbackLinks>(`${this.base}/v1/events/${encodeURIComponent(id)}/feedback-links`, { count });
  }

  /** Sends each registered participant with an account a personal feedback link. */
  requestFeedback(id: string): Observable<FeedbackRequestsResult> {
    return this.http.post<FeedbackRequestsResult>(
      `${this.base}/v1/events/${encodeURIComponent(id)}/feedback-requests`,
      {},
    );
  }

  /** The public feedback form behind a link (no sign-in). */
  feedbackForm(token: string): Observable<FeedbackFormView> {
    return this.http.get<FeedbackFormView>(`${this.base}/v1/feedback/${encodeURIComponent(token)}`);
  }

  submitFeedback(token: string, request: SubmitFeedbackRequest): Observable<void> {
    return this.http.post<void>(`${this.base}/v1/feedback/${encodeURIComponent(token)}`, request);
  }

  /** An administration's people's trainings and workshops. */
  participations(code: string): Observable<InstitutionParticipations> {
    return this.http.get<InstitutionParticipations>(
      `${this.base}/v1/institutions/${encodeURIComponent(code)}/participations`,
    );
  }
}

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}
