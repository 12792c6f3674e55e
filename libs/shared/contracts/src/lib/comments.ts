import type { InstitutionRef } from './institution';
import type { LocalizedText } from './locale';
import type { Page } from './auth';

/**
 * Public feedback on the plan (e-participation): anyone leaves a comment or a question on a measure
 * or an activity; ADD's coordinators publish or reject it; the lead administration answers officially.
 */
export const PLAN_COMMENT_STATUSES = ['pending', 'published', 'rejected'] as const;
export type PlanCommentStatus = (typeof PLAN_COMMENT_STATUSES)[number];

/** What a comment is about. */
export const PLAN_COMMENT_TARGETS = ['activity', 'measure'] as const;
export type PlanCommentTarget = (typeof PLAN_COMMENT_TARGETS)[number];

/** Lengths after trimming. */
export const PLAN_COMMENT_LIMITS = {
  bodyMin: 3,
  body: 2000,
  name: 80,
  rejectReason: 500,
  answer: 2000,
} as const;

/** POST /api/v1/activities/:id/comments and /measures/:id/comments (anyone, no sign-in; 202). No e-mail is asked. */
export interface PostPlanCommentRequest {
  body: string;
  /** How the author wants to be shown; anonymous when left out or blank. */
  name?: string | null;
  /** The honeypot: hidden from people, so only robots fill it. */
  website?: string;
}

export interface PostPlanCommentResult {
  id: string;
  status: 'pending';
}

/** The lead administration's official answer (or ADD's, when a coordinator answers). */
export interface PlanCommentAnswerView {
  body: string;
  /** The administration it speaks for. */
  institution: InstitutionRef | null;
  answeredAt: string;
}

/** What a comment is about, for links and the moderation list. */
export interface PlanCommentTargetRef {
  type: PlanCommentTarget;
  id: string;
  /** The activity's code ("6.2") or the measure's number ("6"). */
  code: string;
  title: LocalizedText;
  /** The administration that answers officially: the activity's or the measure's lead. */
  leadInstitution: InstitutionRef | null;
}

export interface PlanCommentView {
  id: string;
  target: PlanCommentTargetRef;
  body: string;
  /** Null: anonymous. */
  name: string | null;
  status: PlanCommentStatus;
  /** For the coordinators only; null for everyone else. */
  rejectReason: string | null;
  answer: PlanCommentAnswerView | null;
  createdAt: string;
  publishedAt: string | null;
  version: number;
}

export type PlanCommentPage = Page<PlanCommentView>;

/** GET /api/v1/comments (coordinators): the moderation queue. */
export interface PlanCommentQuery {
  status?: PlanCommentStatus;
  page?: number;
  pageSize?: number;
}

/** PATCH /api/v1/comments/:id (coordinators): publish, or reject with a reason; 409 on a stale version. */
export interface ModeratePlanCommentRequest {
  status: 'published' | 'rejected';
  rejectReason?: string | null;
  version: number;
}

/**
 * POST /api/v1/comments/:id/answer: an officer or data manager of the lead administration, or a
 * coordinator; on a published comment only. Answering again replaces the answer.
 */
export interface AnswerPlanCommentRequest {
  body: string;
  version: number;
}
