import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AnswerPlanCommentRequest,
  ModeratePlanCommentRequest,
  PlanCommentPage,
  PlanCommentQuery,
  PlanCommentTarget,
  PlanCommentView,
  PostPlanCommentRequest,
  PostPlanCommentResult,
} from '@marsad/contracts';
import { API_BASE_URL } from '@marsad/web/data-access';
import type { Observable } from 'rxjs';

const COLLECTIONS: Record<PlanCommentTarget, string> = { activity: 'activities', measure: 'measures' };

/** Public comments on the plan: read and left by anyone, moderated by coordinators, answered by the lead administration. */
@Injectable({ providedIn: 'root' })
export class CommentsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** The published comments of a measure or an activity, newest first. */
  published(target: PlanCommentTarget, id: string, page = 1, pageSize = 20): Observable<PlanCommentPage> {
    const params = new HttpParams().set('page', String(page)).set('pageSize', String(pageSize));
    return this.http.get<PlanCommentPage>(this.targetUrl(target, id), { params });
  }

  /** Anyone: the comment waits for a coordinator (202). */
  post(target: PlanCommentTarget, id: string, request: PostPlanCommentRequest): Observable<PostPlanCommentResult> {
    return this.http.post<PostPlanCommentResult>(this.targetUrl(target, id), request);
  }

  /** Coordinators: the moderation queue. */
  list(query: PlanCommentQuery = {}): Observable<PlanCommentPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    return this.http.get<PlanCommentPage>(`${this.base}/v1/comments`, { params });
  }

  /** Coordinators: publish, or reject with a reason. */
  moderate(id: string, request: ModeratePlanCommentRequest): Observable<PlanCommentView> {
    return this.http.patch<PlanCommentView>(`${this.base}/v1/comments/${encodeURIComponent(id)}`, request);
  }

  /** The lead administration's officers, or a coordinator: the official answer. */
  answer(id: string, request: AnswerPlanCommentRequest): Observable<PlanCommentView> {
    return this.http.post<PlanCommentView>(`${this.base}/v1/comments/${encodeURIComponent(id)}/answer`, request);
  }

  private targetUrl(target: PlanCommentTarget, id: string): string {
    return `${this.base}/v1/${COLLECTIONS[target]}/${encodeURIComponent(id)}/comments`;
  }
}
