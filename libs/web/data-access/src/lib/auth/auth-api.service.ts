import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChangePasswordRequest, ResetPasswordRequest, SessionView, SignInRequest } from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from '../api/api-base-url';

/** Paths the 401 redirect leaves alone: their callers handle "signed out" themselves. */
export const AUTH_SESSION_PATH = '/v1/auth/session';
export const AUTH_SIGN_IN_PATH = '/v1/auth/sign-in';

/** Sign-in, sign-out, the current session and passwords. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  session(): Observable<SessionView> {
    return this.http.get<SessionView>(`${this.base}${AUTH_SESSION_PATH}`);
  }

  signIn(body: SignInRequest): Observable<SessionView> {
    return this.http.post<SessionView>(`${this.base}${AUTH_SIGN_IN_PATH}`, body);
  }

  signOut(): Observable<void> {
    return this.http.post<void>(`${this.base}/v1/auth/sign-out`, null);
  }

  changePassword(body: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(`${this.base}/v1/auth/password`, body);
  }

  resetPassword(body: ResetPasswordRequest): Observable<void> {
    return this.http.post<void>(`${this.base}/v1/auth/reset`, body);
  }
}
