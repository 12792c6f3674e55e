import type { Route } from '@angular/router';

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
];
