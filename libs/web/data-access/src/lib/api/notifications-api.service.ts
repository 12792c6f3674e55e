import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  EmailState,
  NotificationPage,
  NotificationPreferenceView,
  NotificationView,
  OutboxSummary,
  UnreadCount,
  UnsubscribeView,
  UpdateNotificationPreferencesRequest,
} from '@marsad/contracts';
import { Subject, tap, type Observable } from 'rxjs';
import { BACKGROUND_REQUEST } from '../auth/unauthenticated.interceptor';
import { API_BASE_URL } from './api-base-url';

export interface InboxQuery {
  page?: number;
  pageSize?: number;
  /** Only the messages not read yet. */
  unread?: boolean;
}

export interface OutboxQuery {
  state?: EmailState;
  page?: number;
  pageSize?: number;
}

/**
 * Messages to the signed-in person (the inbox, the bell), how they want them by e-mail, the
 * unsubscribe links of e-mails (no sign-in) and, for administrators, the e-mail outbox.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly readChanges = new Subject<void>();

  /** Emits after this app marked messages read, so the bell counts again at once. */
  readonly changes: Observable<void> = this.readChanges.asObservable();

  inbox(query: InboxQuery = {}): Observable<NotificationPage> {
    let params = new HttpParams();
    if (query.page) params = params.set('page', query.page);
    if (query.pageSize) params = params.set('pageSize', query.pageSize);
    if (query.unread) params = params.set('unread', 'true');
    return this.http.get<NotificationPage>(this.url(), { params });
  }

  /** The bell's count, asked in the background: an expired session signs out without leaving the page. */
  unreadCount(): Observable<UnreadCount> {
    return this.http.get<UnreadCount>(this.url('unread-count'), {
      context: new HttpContext().set(BACKGROUND_REQUEST, true),
    });
  }

  markRead(id: string): Observable<NotificationView> {
    return this.http.post<NotificationView>(`${this.url(id)}/read`, null).pipe(tap(() => this.readChanges.next()));
  }

  markAllRead(): Observable<{ updated: number }> {
    return this.http.post<{ updated: number }>(this.url('read-all'), null).pipe(tap(() => this.readChanges.next()));
  }

  preferences(): Observable<NotificationPreferenceView[]> {
    return this.http.get<NotificationPreferenceView[]>(this.url('preferences'));
  }

  updatePreferences(body: UpdateNotificationPreferencesRequest): Observable<NotificationPreferenceView[]> {
    return this.http.put<NotificationPreferenceView[]>(this.url('preferences'), body);
  }

  /** What an e-mail's unsubscribe link stands for (no sign-in; nothing changes). */
  unsubscribeView(token: string): Observable<UnsubscribeView> {
    return this.http.get<UnsubscribeView>(this.url('unsubscribe'), { params: { token } });
  }

  /** Stops the e-mails of the link's category (no sign-in). */
  unsubscribe(token: string): Observable<UnsubscribeView> {
    return this.http.post<UnsubscribeView>(this.url('unsubscribe'), null, { params: { token } });
  }

  outbox(query: OutboxQuery = {}): Observable<OutboxSummary> {
    let params = new HttpParams();
    if (query.state) params = params.set('state', query.state);
    if (query.page) params = params.set('page', query.page);
    if (query.pageSize) params = params.set('pageSize', query.pageSize);
    return this.http.get<OutboxSummary>(this.url('outbox'), { params });
  }

  /** Sends a failed e-mail again. */
  retry(id: string): Observable<{ id: string; state: EmailState }> {
    return this.http.post<{ id: string; state: EmailState }>(`${this.url('outbox', id)}/retry`, null);
  }

  private url(...parts: string[]): string {
    return [`${this.base}/v1/notifications`, ...parts.map((p) => encodeURIComponent(p))].join('/');
  }
}
