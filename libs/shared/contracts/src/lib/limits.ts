/**
 * How long a text field may be, in characters (and how many items a list may hold), written once
 * for the API's DTOs and imports and the web's forms, so that a form never lets through what the
 * API refuses, nor refuses what it accepts.
 */

/** The longest email address SMTP carries (RFC 5321). */
export const EMAIL_MAX_LENGTH = 254;

/** A progress update (POST /activities/:id/updates) and its evidence. */
export const PROGRESS_UPDATE_LIMITS = {
  blockers: 7,
  blockerText: 500,
  returnComment: 2000,
  /** Each language of the narrative. */
  narrative: 5000,
  links: 20,
  linkUrl: 2048,
  linkTitle: 300,
  /** The title of an uploaded evidence file (shown instead of its name). */
  evidenceTitle: 300,
} as const;

/** An officer's appointment (ROD or GdD) and its end. */
export const APPOINTMENT_LIMITS = {
  /** Each of the Arabic and French names. */
  fullName: 200,
  email: EMAIL_MAX_LENGTH,
  position: 200,
  actReference: 120,
  endReason: 300,
} as const;

/** An account. */
export const USER_LIMITS = {
  email: EMAIL_MAX_LENGTH,
  displayName: 200,
} as const;

/** An item of an administration's data inventory. */
export const INVENTORY_LIMITS = {
  reference: 64,
  /** Each of the Arabic and French titles. */
  title: 500,
  description: 5000,
  owningUnit: 200,
  legalBasis: 2000,
  formats: 20,
  /** Each format. */
  format: 60,
} as const;

/** The administration's own reference of an inventory item: 1 to 64 letters, digits, dots, underscores or hyphens. */
export const INVENTORY_REFERENCE = new RegExp(`^[A-Za-z0-9._-]{1,${INVENTORY_LIMITS.reference}}$`);
