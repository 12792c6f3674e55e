import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AppointmentView,
  CoverageReport,
  CreateAppointmentRequest,
  EndAppointmentRequest,
  ImportPreview,
  ImportResult,
  InstitutionDetail,
  InstitutionListItem,
  InstitutionQuery,
  InstitutionType,
  OfficerRole,
  AppointmentStatus,
  Page,
  TrafficLightReport,
  UpdateAppointmentRequest,
} from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toParams } from './users-api.service';

export type ExportFormat = 'xlsx' | 'csv';

/** What a spreadsheet import fills: the register of officers, the registry of administrations, or one administration's data inventory. */
export type ImportTarget = 'officers' | 'institutions' | 'inventory';

/** The import endpoints of a target; the inventory's belong to one administration (`institutionCode`). */
export function importPath(target: ImportTarget, institutionCode?: string | null): string {
  if (target !== 'inventory') return `/v1/${target}/import`;
  if (!institutionCode) throw new Error('The inventory import needs an administration code');
  return `/v1/institutions/${encodeURIComponent(institutionCode)}/inventory/import`;
}

/** GET /officers/export filters: the registry's filters that the export understands. */
export interface OfficerExportQuery {
  institution?: string;
  role?: OfficerRole;
  status?: AppointmentStatus;
}

export interface CoverageQuery {
  type?: InstitutionType;
  region?: string;
}

/** Builds a same-origin URL with a query string, leaving out empty values. */
function withQuery(path: string, query: object): string {
  const params = toParams(query).toString();
  return params ? `${path}?${params}` : path;
}

/** The registry of administrations (measure 3/5): public reads, coverage and exports. */
@Injectable({ providedIn: 'root' })
export class RegistryApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** A page of the registry; each row says whether a ROD and a GdD are in office, and carries its traffic light. */
  search(query: InstitutionQuery = {}): Observable<Page<InstitutionListItem>> {
    return this.http.get<Page<InstitutionListItem>>(`${this.base}/v1/institutions`, { params: toParams(query) });
  }

  /** An administration's traffic light with every input as judged, its source and date. */
  trafficLight(code: string): Observable<TrafficLightReport> {
    return this.http.get<TrafficLightReport>(`${this.base}/v1/institutions/${encodeURIComponent(code)}/traffic-light`);
  }

  get(code: string): Observable<InstitutionDetail> {
    return this.http.get<InstitutionDetail>(`${this.base}/v1/institutions/${encodeURIComponent(code)}`);
  }

  coverage(query: CoverageQuery = {}): Observable<CoverageReport> {
    return this.http.get<CoverageReport>(`${this.base}/v1/coverage`, { params: toParams(query) });
  }

  /** A download link for officers (the browser fetches it with the session cookie, so contacts follow the reader's rights). */
  officersExportUrl(format: ExportFormat, query: OfficerExportQuery = {}): string {
    return withQuery(`${this.base}/v1/officers/export`, { format, ...query });
  }

  /** A download link for the administrations the list shows with these filters: every page, not only the one on screen. */
  institutionsExportUrl(format: ExportFormat, query: InstitutionQuery = {}): string {
    return withQuery(`${this.base}/v1/institutions/export`, { format, ...query, page: undefined, pageSize: undefined });
  }

  importTemplateUrl(target: ImportTarget, format: ExportFormat): string {
    return withQuery(`${this.base}/v1/${target}/import-template`, { format });
  }

  /** Checks every row of the file and says what it would change; writes nothing. */
  previewImport(target: ImportTarget, file: File, institutionCode?: string | null): Observable<ImportPreview> {
    return this.http.post<ImportPreview>(`${this.base}${importPath(target, institutionCode)}/preview`, fileForm(file));
  }

  /** Imports the whole file in one transaction, or nothing. */
  import(target: ImportTarget, file: File, institutionCode?: string | null): Observable<ImportResult> {
    return this.http.post<ImportResult>(`${this.base}${importPath(target, institutionCode)}`, fileForm(file));
  }
}

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

/** Appointments of RODs and GdDs: the history of each administration and the writes. */
@Injectable({ providedIn: 'root' })
export class OfficersApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  list(institutionCode: string): Observable<AppointmentView[]> {
    return this.http.get<AppointmentView[]>(
      `${this.base}/v1/institutions/${encodeURIComponent(institutionCode)}/officers`,
    );
  }

  appoint(institutionCode: string, request: CreateAppointmentRequest): Observable<AppointmentView> {
    return this.http.post<AppointmentView>(
      `${this.base}/v1/institutions/${encodeURIComponent(institutionCode)}/officers`,
      request,
    );
  }

  update(id: string, request: UpdateAppointmentRequest): Observable<AppointmentView> {
    return this.http.patch<AppointmentView>(`${this.base}/v1/officers/${encodeURIComponent(id)}`, request);
  }

  end(id: string, request: EndAppointmentRequest): Observable<AppointmentView> {
    return this.http.post<AppointmentView>(`${this.base}/v1/officers/${encodeURIComponent(id)}/end`, request);
  }

  uploadAct(id: string, file: File): Observable<AppointmentView> {
    return this.http.post<AppointmentView>(`${this.base}/v1/officers/${encodeURIComponent(id)}/act`, fileForm(file));
  }

  actUrl(id: string): string {
    return `${this.base}/v1/officers/${encodeURIComponent(id)}/act`;
  }
}
