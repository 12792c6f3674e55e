import type { Route } from '@angular/router';
import { Permission } from '@marsad/contracts';
import { requirePermission, requireSession } from '@marsad/web/data-access';
import { redirectToHome } from './home/home-redirect';

/** Pages under `/:lang`. Each page is its own chunk; chart.js travels only with the overview. */
export const planRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'titles.overview',
    loadComponent: () => import('./overview/plan-overview.page').then((m) => m.PlanOverviewPage),
  },
  {
    path: 'plans/:code',
    title: 'titles.overview',
    loadComponent: () => import('./overview/plan-overview.page').then((m) => m.PlanOverviewPage),
  },
  {
    path: 'measures/:id',
    title: 'titles.measure',
    loadComponent: () => import('./measure/measure.page').then((m) => m.MeasurePage),
  },
  {
    path: 'activities/:id',
    title: 'titles.activity',
    loadComponent: () => import('./activity/activity.page').then((m) => m.ActivityPage),
  },
  {
    path: 'validation',
    title: 'titles.validation',
    canActivate: [requirePermission(Permission.ProgressValidate)],
    loadComponent: () => import('./validation/validation-queue.page').then((m) => m.ValidationQueuePage),
  },
  {
    // ADD moderates the public's comments on measures and activities.
    path: 'comments',
    title: 'titles.comments',
    canActivate: [requirePermission(Permission.CommentModerate)],
    loadComponent: () => import('./comments/comment-moderation.page').then((m) => m.CommentModerationPage),
  },
  { path: 'home', pathMatch: 'full', canActivate: [redirectToHome], children: [] },
  {
    path: 'home/administration/:code',
    title: 'titles.administrationHome',
    canActivate: [requireSession],
    loadComponent: () => import('./home/administration-home.page').then((m) => m.AdministrationHomePage),
  },
  {
    path: 'workbench',
    title: 'titles.workbench',
    canActivate: [requirePermission(Permission.ProgressValidate)],
    loadComponent: () => import('./home/workbench.page').then((m) => m.WorkbenchPage),
  },
  {
    path: 'committee',
    title: 'titles.committeeHome',
    canActivate: [requirePermission(Permission.RoundRead)],
    loadComponent: () => import('./home/committee-home.page').then((m) => m.CommitteeHomePage),
  },
  {
    path: 'committee/meetings',
    title: 'titles.committeeMeetings',
    canActivate: [requirePermission(Permission.CommitteeRead)],
    loadComponent: () => import('./committee/meetings.page').then((m) => m.MeetingsPage),
  },
  {
    path: 'committee/meetings/:id',
    title: 'titles.committeeMeeting',
    canActivate: [requirePermission(Permission.CommitteeRead)],
    loadComponent: () => import('./committee/meeting.page').then((m) => m.MeetingPage),
  },
  {
    // The committee and ADD see every item, an administration's people their own.
    path: 'committee/action-items',
    title: 'titles.actionItems',
    canActivate: [requirePermission(Permission.ActionItemRead)],
    loadComponent: () => import('./committee/action-items.page').then((m) => m.ActionItemsPage),
  },
  {
    // Public: who sits on the committee (representatives' names and contacts only for those allowed).
    path: 'committee/members',
    title: 'titles.committeeMembers',
    loadComponent: () => import('./committee/members.page').then((m) => m.CommitteeMembersPage),
  },
  {
    path: 'rounds',
    title: 'titles.rounds',
    canActivate: [requirePermission(Permission.RoundRead)],
    loadComponent: () => import('./rounds/rounds.page').then((m) => m.RoundsPage),
  },
  {
    path: 'rounds/:id',
    title: 'titles.round',
    canActivate: [requirePermission(Permission.RoundRead)],
    loadComponent: () => import('./rounds/round.page').then((m) => m.RoundPage),
  },
];
