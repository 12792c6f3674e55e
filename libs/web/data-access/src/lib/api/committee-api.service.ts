import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ActionItemQuery,
  ActionItemView,
  AddCommitteeMemberRequest,
  AddRepresentativeRequest,
  AgendaProposal,
  AttendanceStatus,
  CommitteeDocumentView,
  CommitteeRepresentativeView,
  CommitteeView,
  CreateDecisionRequest,
  CreateMeetingRequest,
  DecisionView,
  Locale,
  MeetingDetail,
  MeetingSummary,
  PackFormat,
  RecordAttendanceRequest,
  UpdateActionItemRequest,
  UpdateCommitteeMemberRequest,
  UpdateMeetingRequest,
  UpdateRepresentativeRequest,
} from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** A document to attach to a meeting: a file, or a link. */
export type MeetingDocumentInput = { title: string; role: CommitteeDocumentView['role'] } & (
  { file: File; url?: undefined } | { url: string; file?: undefined }
);

/** The steering committee: members over time, meetings, decisions and the action items they give. */
@Injectable({ providedIn: 'root' })
export class CommitteeApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  committee(): Observable<CommitteeView> {
    return this.http.get<CommitteeView>(this.url());
  }

  addMember(body: AddCommitteeMemberRequest): Observable<CommitteeView> {
    return this.http.post<CommitteeView>(this.url('members'), body);
  }

  updateMember(id: string, body: UpdateCommitteeMemberRequest): Observable<CommitteeView> {
    return this.http.patch<CommitteeView>(this.url('members', id), body);
  }

  addRepresentative(memberId: string, body: AddRepresentativeRequest): Observable<CommitteeRepresentativeView> {
    return this.http.post<CommitteeRepresentativeView>(`${this.url('members', memberId)}/representatives`, body);
  }

  updateRepresentative(id: string, body: UpdateRepresentativeRequest): Observable<CommitteeRepresentativeView> {
    return this.http.patch<CommitteeRepresentativeView>(this.url('representatives', id), body);
  }

  meetings(): Observable<MeetingSummary[]> {
    return this.http.get<MeetingSummary[]>(this.url('meetings'));
  }

  meeting(id: string): Observable<MeetingDetail> {
    return this.http.get<MeetingDetail>(this.url('meetings', id));
  }

  /** Without `agenda`, the server starts from the proposed agenda (standing items and open action items). */
  createMeeting(body: CreateMeetingRequest): Observable<MeetingDetail> {
    return this.http.post<MeetingDetail>(this.url('meetings'), body);
  }

  agendaProposal(): Observable<AgendaProposal> {
    return this.http.get<AgendaProposal>(this.url('agenda-proposal'));
  }

  updateMeeting(id: string, body: UpdateMeetingRequest): Observable<MeetingDetail> {
    return this.http.patch<MeetingDetail>(this.url('meetings', id), body);
  }

  recordAttendance(id: string, body: RecordAttendanceRequest): Observable<MeetingDetail> {
    return this.http.put<MeetingDetail>(`${this.url('meetings', id)}/attendance`, body);
  }

  /** The signed-in representative confirms their own attendance. */
  confirmOwnAttendance(id: string, status: AttendanceStatus): Observable<MeetingDetail> {
    return this.http.post<MeetingDetail>(`${this.url('meetings', id)}/attendance/me`, { status });
  }

  approveMinutes(id: string, version: number): Observable<MeetingDetail> {
    return this.http.post<MeetingDetail>(`${this.url('meetings', id)}/minutes/approve`, { version });
  }

  addDocument(meetingId: string, input: MeetingDocumentInput): Observable<CommitteeDocumentView> {
    const form = new FormData();
    if (input.file) form.append('file', input.file, input.file.name);
    else form.append('url', input.url);
    form.append('title', input.title);
    form.append('role', input.role);
    return this.http.post<CommitteeDocumentView>(`${this.url('meetings', meetingId)}/documents`, form);
  }

  createDecision(meetingId: string, body: CreateDecisionRequest): Observable<DecisionView> {
    return this.http.post<DecisionView>(`${this.url('meetings', meetingId)}/decisions`, body);
  }

  actionItems(query: ActionItemQuery = {}): Observable<ActionItemView[]> {
    let params = new HttpParams();
    if (query.status) params = params.set('status', query.status);
    if (query.owner) params = params.set('owner', query.owner);
    if (query.overdue !== undefined) params = params.set('overdue', String(query.overdue));
    return this.http.get<ActionItemView[]>(this.url('action-items'), { params });
  }

  actionItem(id: string): Observable<ActionItemView> {
    return this.http.get<ActionItemView>(this.url('action-items', id));
  }

  updateActionItem(id: string, body: UpdateActionItemRequest): Observable<ActionItemView> {
    return this.http.patch<ActionItemView>(this.url('action-items', id), body);
  }

  /**
   * Tells the representatives sitting on the meeting that its pack is ready (once per version of the
   * meeting); answers how many were told.
   */
  announcePack(meetingId: string): Observable<{ notified: number }> {
    return this.http.post<{ notified: number }>(`${this.url('meetings', meetingId)}/pack/announce`, null);
  }

  /** The meeting pack's address (a link: the HTML opens in a new tab, PDF and XLSX download). */
  packUrl(meetingId: string, format: PackFormat, lang: Locale): string {
    const query = new HttpParams().set('format', format).set('lang', lang === 'ar' ? 'ar' : 'fr');
    return `${this.url('meetings', meetingId)}/pack?${query.toString()}`;
  }

  private url(...parts: string[]): string {
    return [`${this.base}/v1/committee`, ...parts.map((p) => encodeURIComponent(p))].join('/');
  }
}
