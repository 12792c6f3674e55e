import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AwardApplicationView,
  AwardEditionDetail,
  AwardEditionSummary,
  AwardFileView,
  AwardHonour,
  AwardResultRow,
  AwardResults,
  JurorCandidate,
  JurorScoresView,
  PublishResultsRequest,
  SaveApplicationRequest,
  SaveEditionRequest,
  SetJurorsRequest,
  SetScoresRequest,
  UpdateApplicationRequest,
  UpdateEditionRequest,
} from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** The Imtiaz award's open-data category (measure 10): editions, applications, the jury's scores, the results. */
@Injectable({ providedIn: 'root' })
export class AwardApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  editions(): Observable<AwardEditionSummary[]> {
    return this.http.get<AwardEditionSummary[]>(`${this.base}/v1/award/editions`);
  }

  edition(id: string): Observable<AwardEditionDetail> {
    return this.http.get<AwardEditionDetail>(`${this.base}/v1/award/editions/${encodeURIComponent(id)}`);
  }

  createEdition(request: SaveEditionRequest): Observable<AwardEditionDetail> {
    return this.http.post<AwardEditionDetail>(`${this.base}/v1/award/editions`, request);
  }

  updateEdition(id: string, request: UpdateEditionRequest): Observable<AwardEditionDetail> {
    return this.http.patch<AwardEditionDetail>(`${this.base}/v1/award/editions/${encodeURIComponent(id)}`, request);
  }

  setJurors(id: string, request: SetJurorsRequest): Observable<AwardEditionDetail> {
    return this.http.put<AwardEditionDetail>(
      `${this.base}/v1/award/editions/${encodeURIComponent(id)}/jurors`,
      request,
    );
  }

  /** Coordinators: active accounts whose name or e-mail contains `q`, to put on a jury (at most 20, e-mails masked). */
  jurorCandidates(q: string): Observable<JurorCandidate[]> {
    const query = q.trim();
    const params = query ? new HttpParams().set('q', query) : undefined;
    return this.http.get<JurorCandidate[]>(`${this.base}/v1/award/juror-candidates`, { params });
  }

  /** Coordinators: all; an officer: their administration's; a juror: the ones they may score (403 otherwise). */
  applications(editionId: string): Observable<AwardApplicationView[]> {
    return this.http.get<AwardApplicationView[]>(
      `${this.base}/v1/award/editions/${encodeURIComponent(editionId)}/applications`,
    );
  }

  application(id: string): Observable<AwardApplicationView> {
    return this.http.get<AwardApplicationView>(`${this.base}/v1/award/applications/${encodeURIComponent(id)}`);
  }

  createApplication(editionId: string, request: SaveApplicationRequest): Observable<AwardApplicationView> {
    return this.http.post<AwardApplicationView>(
      `${this.base}/v1/award/editions/${encodeURIComponent(editionId)}/applications`,
      request,
    );
  }

  updateApplication(id: string, request: UpdateApplicationRequest): Observable<AwardApplicationView> {
    return this.http.patch<AwardApplicationView>(
      `${this.base}/v1/award/applications/${encodeURIComponent(id)}`,
      request,
    );
  }

  /** Attaches an evidence file to the caller's administration's application (until the deadline). */
  addFile(applicationId: string, file: File): Observable<AwardFileView> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<AwardFileView>(
      `${this.base}/v1/award/applications/${encodeURIComponent(applicationId)}/files`,
      form,
    );
  }

  removeFile(applicationId: string, fileId: string): Observable<void> {
    return this.http.delete<void>(
      `${this.base}/v1/award/applications/${encodeURIComponent(applicationId)}/files/${encodeURIComponent(fileId)}`,
    );
  }

  /** Where an evidence file downloads (the session cookie goes with the link). */
  fileUrl(fileId: string): string {
    return `${this.base}/v1/award/files/${encodeURIComponent(fileId)}`;
  }

  /** The signed-in juror's own scores of one application. */
  scores(applicationId: string): Observable<JurorScoresView> {
    return this.http.get<JurorScoresView>(
      `${this.base}/v1/award/applications/${encodeURIComponent(applicationId)}/scores`,
    );
  }

  setScores(applicationId: string, request: SetScoresRequest): Observable<JurorScoresView> {
    return this.http.put<JurorScoresView>(
      `${this.base}/v1/award/applications/${encodeURIComponent(applicationId)}/scores`,
      request,
    );
  }

  /** Coordinators: the ranking as it would be published now. */
  ranking(editionId: string): Observable<AwardResultRow[]> {
    return this.http.get<AwardResultRow[]>(`${this.base}/v1/award/editions/${encodeURIComponent(editionId)}/ranking`);
  }

  publish(editionId: string, request: PublishResultsRequest): Observable<AwardResults> {
    return this.http.post<AwardResults>(
      `${this.base}/v1/award/editions/${encodeURIComponent(editionId)}/publish`,
      request,
    );
  }

  /** Public once published (404 before). */
  results(editionId: string): Observable<AwardResults> {
    return this.http.get<AwardResults>(`${this.base}/v1/award/editions/${encodeURIComponent(editionId)}/results`);
  }

  /** The address of the results' download (a plain link: the browser saves the file). */
  exportUrl(editionId: string, format: 'csv' | 'xlsx'): string {
    return `${this.base}/v1/award/editions/${encodeURIComponent(editionId)}/results/export?format=${format}`;
  }

  /** An administration's places among the published results. */
  honours(institutionCode: string): Observable<AwardHonour[]> {
    return this.http.get<AwardHonour[]>(`${this.base}/v1/institutions/${encodeURIComponent(institutionCode)}/award`);
  }
}
