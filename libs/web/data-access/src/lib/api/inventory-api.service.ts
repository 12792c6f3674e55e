import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ConfirmMatchRequest,
  CreateInventoryItemRequest,
  InventoryItemView,
  InventoryMatchCandidate,
  InventoryQuery,
  Page,
  UpdateInventoryItemRequest,
} from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toParams } from './users-api.service';

/** The data inventory of each administration (measure 6): items, their match to the portal, exports. */
@Injectable({ providedIn: 'root' })
export class InventoryApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** Anonymous readers and outsiders get the public items only; the API decides. */
  list(institutionCode: string, query: InventoryQuery = {}): Observable<Page<InventoryItemView>> {
    return this.http.get<Page<InventoryItemView>>(
      `${this.base}/v1/institutions/${encodeURIComponent(institutionCode)}/inventory`,
      { params: toParams(query) },
    );
  }

  get(id: string): Observable<InventoryItemView> {
    return this.http.get<InventoryItemView>(`${this.base}/v1/inventory/${encodeURIComponent(id)}`);
  }

  create(institutionCode: string, request: CreateInventoryItemRequest): Observable<InventoryItemView> {
    return this.http.post<InventoryItemView>(
      `${this.base}/v1/institutions/${encodeURIComponent(institutionCode)}/inventory`,
      request,
    );
  }

  /** Send the version you read: a stale one gets 409 with the current item in `ApiError.current`. */
  update(id: string, request: UpdateInventoryItemRequest): Observable<InventoryItemView> {
    return this.http.patch<InventoryItemView>(`${this.base}/v1/inventory/${encodeURIComponent(id)}`, request);
  }

  /** A published item cannot be removed (400): mark it withheld instead. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/v1/inventory/${encodeURIComponent(id)}`);
  }

  /** Up to 10 datasets of the administration's portal organisation that may be this item, best first. */
  candidates(id: string): Observable<InventoryMatchCandidate[]> {
    return this.http.get<InventoryMatchCandidate[]>(
      `${this.base}/v1/inventory/${encodeURIComponent(id)}/match-candidates`,
    );
  }

  /** Confirms the dataset the item became, or clears the match with `ckanId: null`. */
  confirmMatch(id: string, request: ConfirmMatchRequest): Observable<InventoryItemView> {
    return this.http.put<InventoryItemView>(`${this.base}/v1/inventory/${encodeURIComponent(id)}/match`, request);
  }

  /** A download link for the whole inventory with the list's filters (every page, as the reader may see it). */
  exportUrl(institutionCode: string, format: 'xlsx' | 'csv', query: InventoryQuery = {}): string {
    const params = toParams({ format, ...query, page: undefined, pageSize: undefined }).toString();
    return `${this.base}/v1/institutions/${encodeURIComponent(institutionCode)}/inventory/export?${params}`;
  }
}
