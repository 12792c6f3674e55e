import { computed, inject, Injectable, signal } from '@angular/core';
import {
  hasPermission,
  isInstitutionScoped,
  Permission,
  type ActivitySummary,
  type ChangePasswordRequest,
  type SessionView,
  type SignInRequest,
} from '@marsad/contracts';
import { catchError, firstValueFrom, map, of, switchMap, tap, type Observable } from 'rxjs';
import { AuthApi } from './auth-api.service';

const SIGNED_OUT: SessionView = { user: null, csrfToken: null, expiresAt: null };

/** The activity fields that decide whether an institution-scoped person may report on it. */
export type ReportableActivity = Pick<ActivitySummary, 'leadInstitution' | 'contributors'>;

/**
 * Who is signed in, and what they may do. Loaded once at start-up; refreshed after sign-in,
 * sign-out and password changes (the CSRF token changes with them).
 * The UI hides what the API would refuse; the API still decides.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly api = inject(AuthApi);
  private readonly state = signal<SessionView>(SIGNED_OUT);
  private readonly loadedState = signal(false);

  readonly session = this.state.asReadonly();
  /** True once the first answer (or failure) of GET /auth/session is in. */
  readonly loaded = this.loadedState.asReadonly();
  readonly user = computed(() => this.state().user);
  readonly signedIn = computed(() => this.state().user !== null);
  readonly csrfToken = computed(() => this.state().csrfToken);
  /** The role's permissions: the server's list when it sent one, else the shared role map. */
  readonly permissions = computed<readonly Permission[]>(() => {
    const user = this.state().user;
    if (!user) return [];
    return user.permissions?.length
      ? user.permissions
      : Object.values(Permission).filter((p) => hasPermission(user.role, p));
  });
  /** The institution an officer or data manager works for; null for plan-wide roles. */
  readonly scopedInstitution = computed(() => {
    const user = this.state().user;
    return user && isInstitutionScoped(user.role) ? user.institution : null;
  });

  can(permission: Permission): boolean {
    return this.permissions().includes(permission);
  }

  /** Progress reporting: plan-wide roles everywhere, officers only where their institution leads or contributes. */
  canReportOn(activity: ReportableActivity | null | undefined): boolean {
    const user = this.state().user;
    if (!activity || !user || !this.can(Permission.ProgressReport)) return false;
    if (!isInstitutionScoped(user.role)) return true;
    const code = user.institution?.code;
    if (!code) return false;
    return activity.leadInstitution?.code === code || activity.contributors.some((c) => c.code === code);
  }

  /**
   * Appointing RODs and GdDs (measures 3 and 5): coordinators for every administration,
   * officers only for their own.
   */
  canManageOfficersOf(institutionCode: string | null | undefined): boolean {
    const user = this.state().user;
    if (!institutionCode || !user || !this.can(Permission.OfficerManage)) return false;
    if (!isInstitutionScoped(user.role)) return true;
    return user.institution?.code === institutionCode;
  }

  /**
   * Keeping an administration's data inventory (measure 6): coordinators for every administration,
   * officers and data managers only for their own.
   */
  canManageInventoryOf(institutionCode: string | null | undefined): boolean {
    const user = this.state().user;
    if (!institutionCode || !user || !this.can(Permission.InventoryManage)) return false;
    if (!isInstitutionScoped(user.role)) return true;
    return user.institution?.code === institutionCode;
  }

  /** Reads the session; a failure counts as signed out (the public pages still work). */
  refresh(): Observable<SessionView> {
    return this.api.session().pipe(
      catchError(() => of(SIGNED_OUT)),
      tap((session) => this.set(session)),
    );
  }

  /** For provideAppInitializer: never rejects. */
  load(): Promise<SessionView> {
    return firstValueFrom(this.refresh());
  }

  /** Signs in, then reads the session again for the new CSRF token. Errors are ApiErrors. */
  signIn(request: SignInRequest): Observable<SessionView> {
    return this.api.signIn(request).pipe(
      tap((session) => this.set(session)),
      switchMap((session) => (session.user && session.csrfToken ? of(session) : this.refresh())),
    );
  }

  /** Signs out; the local session is cleared even when the request fails (e.g. it had already expired). */
  signOut(): Observable<void> {
    return this.api.signOut().pipe(
      catchError(() => of(undefined)),
      switchMap(() => this.refresh()),
      map(() => undefined),
    );
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.api.changePassword(request).pipe(switchMap(() => this.refresh().pipe(map(() => undefined))));
  }

  /** The API said the session is gone: forget it locally without asking again. */
  markSignedOut(): void {
    this.set(SIGNED_OUT);
  }

  private set(session: SessionView | null | undefined): void {
    this.state.set(session ?? SIGNED_OUT);
    this.loadedState.set(true);
  }
}
