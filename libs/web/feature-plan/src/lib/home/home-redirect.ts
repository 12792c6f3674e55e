import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { isInstitutionScoped, Permission, type SessionUser } from '@marsad/contracts';
import { LocaleService, SessionService } from '@marsad/web/data-access';

/** Where a signed-in person lands: their administration, ADD's workbench, the committee's view, or the overview. */
export function homePathOf(user: SessionUser | null): string[] {
  if (!user) return [];
  if (isInstitutionScoped(user.role) && user.institution) return ['home', 'administration', user.institution.code];
  if (user.permissions.includes(Permission.ProgressValidate)) return ['workbench'];
  if (user.permissions.includes(Permission.RoundRead)) return ['committee'];
  return [];
}

/** A guard on `/:lang/home` that always redirects: the signed-in person's own home (signed out: the public overview). */
export const redirectToHome: CanActivateFn = (route) => {
  const lang = route.parent?.paramMap.get('lang') ?? inject(LocaleService).locale();
  const user = inject(SessionService).user();
  return inject(Router).createUrlTree(['/', lang, ...homePathOf(user)]);
};
