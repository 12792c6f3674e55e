import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { OpenDataCatalogue, OpenDataFormat, OpenDatasetId } from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** The tracker's own open data (issue #16): the catalogue's datasets and their downloads, public. */
@Injectable({ providedIn: 'root' })
export class OpenDataApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** Every dataset with its titles, last change, frequency and downloads. */
  catalogue(): Observable<OpenDataCatalogue> {
    return this.http.get<OpenDataCatalogue>(`${this.base}/v1/open-data`);
  }

  /** The DCAT-AP catalogue (JSON-LD), for harvesters such as the national portal. */
  catalogUrl(): string {
    return `${this.base}/v1/catalog`;
  }

  /** A download link for one dataset in one format. */
  downloadUrl(id: OpenDatasetId, format: OpenDataFormat): string {
    return `${this.base}/v1/open-data/${encodeURIComponent(id)}/download?format=${format}`;
  }
}
