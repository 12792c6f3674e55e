import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import {
  isInstitutionScoped,
  Permission,
  PLAN_COMMENT_STATUSES,
  type PlanCommentStatus,
  type PlanCommentView,
  type SessionUser,
} from '@marsad/contracts';

/** At least `min` characters once trimmed (the API trims): blank text is refused as required. */
export function trimmedMinLength(min: number): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = typeof control.value === 'string' ? control.value.trim() : '';
    if (value.length === 0) return { required: true };
    return value.length < min ? { minlength: { requiredLength: min, actualLength: value.length } } : null;
  };
}

/**
 * Who may answer a comment officially, as the API decides it: a coordinator, or an officer or data manager
 * of the administration that leads what the comment is about. Only this reader's buttons depend on it.
 */
export function mayAnswer(user: SessionUser | null, permissions: readonly string[], comment: PlanCommentView): boolean {
  if (!user || comment.status !== 'published') return false;
  if (permissions.includes(Permission.CommentModerate)) return true;
  const lead = comment.target.leadInstitution?.code;
  return isInstitutionScoped(user.role) && !!lead && user.institution?.code === lead;
}

/** The moderation tab asked for in the address; pending unless it names another status. */
export function statusFrom(value: string | undefined): PlanCommentStatus {
  return (PLAN_COMMENT_STATUSES as readonly string[]).includes(value ?? '') ? (value as PlanCommentStatus) : 'pending';
}

/** A page number from the address: a whole number from 1, else 1. */
export function pageFrom(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Translation keys, written out for the translation check. */
export const COMMENT_STATUS_KEYS: Record<PlanCommentStatus, string> = {
  pending: 'comments.status.pending',
  published: 'comments.status.published',
  rejected: 'comments.status.rejected',
};

export const COMMENT_EMPTY_KEYS: Record<PlanCommentStatus, string> = {
  pending: 'comments.moderation.empty.pending',
  published: 'comments.moderation.empty.published',
  rejected: 'comments.moderation.empty.rejected',
};
