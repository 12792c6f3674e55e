import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { SystemHealth } from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  get(): Observable<SystemHealth> {
    return this.http.get<SystemHealth>(`${this.base}/health`);
  }
}
