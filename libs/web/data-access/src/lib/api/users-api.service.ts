import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateUserRequest, Page, ResetLinkView, Role, UpdateUserRequest, UserView } from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

export interface UserQuery {
  q?: string;
  role?: Role | '';
  page?: number;
  pageSize?: number;
}

export interface CreatedUser {
  user: UserView;
  resetLink: ResetLinkView;
  /** The person was sent the link by e-mail (an SMTP server is configured). */
  invitationEmailed: boolean;
}

/** Accounts (administrators only). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  list(query: UserQuery = {}): Observable<Page<UserView>> {
    return this.http.get<Page<UserView>>(`${this.base}/v1/users`, { params: toParams(query) });
  }

  create(body: CreateUserRequest): Observable<CreatedUser> {
    return this.http.post<CreatedUser>(`${this.base}/v1/users`, body);
  }

  /** A stale `version` fails with VERSION_CONFLICT and the current user in `current`. */
  update(id: string, body: UpdateUserRequest): Observable<UserView> {
    return this.http.patch<UserView>(`${this.base}/v1/users/${encodeURIComponent(id)}`, body);
  }

  issueResetLink(id: string): Observable<ResetLinkView> {
    return this.http.post<ResetLinkView>(`${this.base}/v1/users/${encodeURIComponent(id)}/reset-link`, null);
  }
}

/** Query parameters without the empty ones. */
export function toParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}
