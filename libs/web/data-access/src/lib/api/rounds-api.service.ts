import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AdministrationHome,
  CommitteeHome,
  ConfirmationKind,
  CreateRoundRequest,
  Page,
  ReportingRoundDetail,
  ReportingRoundView,
  RoundAdministrationQuery,
  RoundAdministrationRow,
  RoundChecklist,
  Workbench,
} from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** Reporting rounds: what each administration owes, and where it stands. */
@Injectable({ providedIn: 'root' })
export class RoundsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  list(): Observable<ReportingRoundView[]> {
    return this.http.get<ReportingRoundView[]>(this.url());
  }

  get(id: string): Observable<ReportingRoundDetail> {
    return this.http.get<ReportingRoundDetail>(this.url(id));
  }

  create(body: CreateRoundRequest): Observable<ReportingRoundDetail> {
    return this.http.post<ReportingRoundDetail>(this.url(), body);
  }

  close(id: string, version: number): Observable<ReportingRoundDetail> {
    return this.http.post<ReportingRoundDetail>(`${this.url(id)}/close`, { version });
  }

  administrations(id: string, query: RoundAdministrationQuery): Observable<Page<RoundAdministrationRow>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== '') params = params.set(key, value);
    return this.http.get<Page<RoundAdministrationRow>>(`${this.url(id)}/administrations`, { params });
  }

  checklist(id: string, code: string): Observable<RoundChecklist> {
    return this.http.get<RoundChecklist>(`${this.url(id)}/administrations/${encodeURIComponent(code)}`);
  }

  /** Confirms, for the signed-in account's administration, that its officers or inventory are current. */
  confirm(id: string, kind: ConfirmationKind): Observable<RoundChecklist> {
    return this.http.post<RoundChecklist>(`${this.url(id)}/confirmations`, { kind });
  }

  private url(id?: string): string {
    return `${this.base}/v1/reporting-rounds${id ? `/${encodeURIComponent(id)}` : ''}`;
  }
}

/** The homes each role lands on. */
@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  administration(code: string): Observable<AdministrationHome> {
    return this.http.get<AdministrationHome>(`${this.base}/v1/home/administration/${encodeURIComponent(code)}`);
  }

  workbench(): Observable<Workbench> {
    return this.http.get<Workbench>(`${this.base}/v1/home/workbench`);
  }

  committee(): Observable<CommitteeHome> {
    return this.http.get<CommitteeHome>(`${this.base}/v1/home/committee`);
  }
}
