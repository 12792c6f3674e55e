import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  HarvestMode,
  HarvestRunView,
  InstitutionMetrics,
  NationalMetrics,
  Page,
  PortalDatasetQuery,
  PortalDatasetView,
  PortalStatus,
  RankingEntry,
  RankingQuery,
} from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toParams } from './users-api.service';

export type RankingExportFormat = 'csv' | 'xlsx';

/** Publication metrics harvested from the open-data portal (issue #5): public reads, and the harvest a coordinator starts. */
@Injectable({ providedIn: 'root' })
export class MetricsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  national(): Observable<NationalMetrics> {
    return this.http.get<NationalMetrics>(`${this.base}/v1/metrics/national`);
  }

  rankings(query: RankingQuery = {}): Observable<Page<RankingEntry>> {
    return this.http.get<Page<RankingEntry>>(`${this.base}/v1/metrics/rankings`, { params: toParams(query) });
  }

  /** A download link for the whole ranking with these filters (every page, not only the one on screen). */
  rankingsExportUrl(format: RankingExportFormat, query: RankingQuery = {}): string {
    const params = toParams({ format, type: query.type, region: query.region }).toString();
    return `${this.base}/v1/metrics/rankings/export?${params}`;
  }

  institution(code: string): Observable<InstitutionMetrics> {
    return this.http.get<InstitutionMetrics>(`${this.base}/v1/institutions/${encodeURIComponent(code)}/metrics`);
  }

  datasets(query: PortalDatasetQuery = {}): Observable<Page<PortalDatasetView>> {
    return this.http.get<Page<PortalDatasetView>>(`${this.base}/v1/portal/datasets`, { params: toParams(query) });
  }

  /** What the figures are based on: the last good harvest, the next one, the portal. */
  status(): Observable<PortalStatus> {
    return this.http.get<PortalStatus>(`${this.base}/v1/portal/status`);
  }

  /** Starts a harvest (coordinators: `portal:manage`). */
  startHarvest(mode: HarvestMode = 'full'): Observable<HarvestRunView> {
    return this.http.post<HarvestRunView>(`${this.base}/v1/portal/runs`, { mode });
  }
}
