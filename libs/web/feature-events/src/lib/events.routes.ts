import type { Route } from '@angular/router';
import { Permission } from '@marsad/contracts';
import { requirePermission, requireSession } from '@marsad/web/data-access';

/** The plan's events and their reach, under `/:lang`: public pages; coordinators edit on them. */
export const eventsRoutes: Route[] = [
  {
    path: 'events',
    title: 'events.title',
    loadComponent: () => import('./events/events.page').then((m) => m.EventsPage),
  },
  {
    path: 'events/:id',
    title: 'events.detailTitle',
    loadComponent: () => import('./events/event.page').then((m) => m.EventPage),
  },
  {
    path: 'reach',
    title: 'reach.title',
    loadComponent: () => import('./reach/reach.page').then((m) => m.ReachPage),
  },
  {
    path: 'feedback/:token',
    title: 'feedbackForm.title',
    loadComponent: () => import('./feedback/feedback.page').then((m) => m.FeedbackPage),
  },
  {
    path: 'reuses',
    title: 'reuses.title',
    loadComponent: () => import('./reuses/reuses.page').then((m) => m.ReusesPage),
  },
  {
    // Before `reuses/:id`, so `propose` is not read as an id.
    path: 'reuses/propose',
    title: 'reuses.propose.title',
    loadComponent: () => import('./reuses/reuse-propose.page').then((m) => m.ReuseProposePage),
  },
  {
    path: 'reuses/:id',
    title: 'reuses.detailTitle',
    loadComponent: () => import('./reuses/reuse.page').then((m) => m.ReusePage),
  },
  {
    path: 'award',
    title: 'award.title',
    loadComponent: () => import('./award/editions.page').then((m) => m.AwardEditionsPage),
  },
  {
    // Before `award/:id`, so `new` is not read as an id.
    path: 'award/new',
    title: 'award.form.newTitle',
    canActivate: [requirePermission(Permission.AwardManage)],
    loadComponent: () => import('./award/edition-form.page').then((m) => m.AwardEditionFormPage),
  },
  {
    path: 'award/:id',
    title: 'award.detailTitle',
    loadComponent: () => import('./award/edition.page').then((m) => m.AwardEditionPage),
  },
  {
    path: 'award/:id/edit',
    title: 'award.form.editTitle',
    canActivate: [requirePermission(Permission.AwardManage)],
    loadComponent: () => import('./award/edition-form.page').then((m) => m.AwardEditionFormPage),
  },
  {
    path: 'award/:id/apply',
    title: 'award.apply.title',
    canActivate: [requirePermission(Permission.AwardApply)],
    loadComponent: () => import('./award/application.page').then((m) => m.AwardApplicationPage),
  },
  {
    path: 'award/:id/jury',
    title: 'award.jury.title',
    canActivate: [requireSession],
    loadComponent: () => import('./award/jury.page').then((m) => m.AwardJuryPage),
  },
];
