import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  HarvestMode,
  HarvestRunView,
  Page,
  PortalOrganizationQuery,
  PortalOrganizationView,
  PortalStatus,
} from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toParams } from './users-api.service';

/** The harvest of the open-data portal (CKAN): its status and runs, and which administration each organisation is. */
@Injectable({ providedIn: 'root' })
export class PortalApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** Public: the portal, the schedule, the last good run and the running one. */
  status(): Observable<PortalStatus> {
    return this.http.get<PortalStatus>(`${this.base}/v1/portal/status`);
  }

  /** Newest first (audit readers). */
  runs(page = 1, pageSize = 20): Observable<Page<HarvestRunView>> {
    return this.http.get<Page<HarvestRunView>>(`${this.base}/v1/portal/runs`, { params: toParams({ page, pageSize }) });
  }

  run(id: string): Observable<HarvestRunView> {
    return this.http.get<HarvestRunView>(`${this.base}/v1/portal/runs/${encodeURIComponent(id)}`);
  }

  /** Starts a run and answers at once (202); 409 HARVEST_RUNNING when one is running. Poll the run. */
  start(mode: HarvestMode): Observable<HarvestRunView> {
    return this.http.post<HarvestRunView>(`${this.base}/v1/portal/runs`, { mode });
  }

  organizations(query: PortalOrganizationQuery = {}): Observable<Page<PortalOrganizationView>> {
    return this.http.get<Page<PortalOrganizationView>>(`${this.base}/v1/portal/organizations`, {
      params: toParams(query),
    });
  }

  /** Maps an organisation to an administration, or unmaps it with null (400 hasOtherPortalOrganization). */
  mapOrganization(name: string, institutionCode: string | null): Observable<PortalOrganizationView> {
    return this.http.put<PortalOrganizationView>(
      `${this.base}/v1/portal/organizations/${encodeURIComponent(name)}/institution`,
      { institutionCode },
    );
  }

  /** Recomputes today's figures from the last good run. */
  recompute(): Observable<unknown> {
    return this.http.post<unknown>(`${this.base}/v1/metrics/recompute`, {});
  }
}
