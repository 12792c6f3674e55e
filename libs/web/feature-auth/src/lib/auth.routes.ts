import type { Route } from '@angular/router';
import { requireSession } from '@marsad/web/data-access';

/** Sign-in, passwords, the forbidden page and one's messages (inbox, e-mail preferences, unsubscribe), under `/:lang`. */
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
    path: 'notifications',
    title: 'titles.notifications',
    canActivate: [requireSession],
    data: { requiresSession: true },
    loadComponent: () => import('./notifications/notifications.page').then((m) => m.NotificationsPage),
  },
  {
    path: 'notifications/preferences',
    title: 'titles.notificationPreferences',
    canActivate: [requireSession],
    data: { requiresSession: true },
    loadComponent: () => import('./notifications/preferences.page').then((m) => m.NotificationPreferencesPage),
  },
  {
    // An e-mail's unsubscribe link: no sign-in.
    path: 'unsubscribe',
    title: 'titles.unsubscribe',
    loadComponent: () => import('./notifications/unsubscribe.page').then((m) => m.UnsubscribePage),
  },
  {
    path: 'reset-password',
    title: 'titles.resetPassword',
    loadComponent: () => import('./password/reset-password.page').then((m) => m.ResetPasswordPage),
  },
];
