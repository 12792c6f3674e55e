import type { Route } from '@angular/router';
import { requireSession } from '@marsad/web/data-access';

/** Sign-in, passwords and the forbidden page, under `/:lang`. */
export const authRoutes: Route[] = [
  {
    path: 'sign-in',
    title: 'titles.signIn',
    loadComponent: () => import('./sign-in/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'forbidden',
    title: 'titles.forbidden',
    loadComponent: () => import('./forbidden/forbidden.page').then((m) => m.ForbiddenPage),
  },
  {
    path: 'account/password',
    title: 'titles.changePassword',
    canActivate: [requireSession],
    data: { requiresSession: true },
    loadComponent: () => import('./password/change-password.page').then((m) => m.ChangePasswordPage),
  },
  {
    path: 'reset-password',
    title: 'titles.resetPassword',
    loadComponent: () => import('./password/reset-password.page').then((m) => m.ResetPasswordPage),
  },
];
