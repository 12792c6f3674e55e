import type { ReuseOrigin, ReuserType, ReuseStatus } from '@marsad/contracts';

// Every value written out, so the translation-key check can see each key.
export const REUSER_TYPE_KEYS: Record<ReuserType, string> = {
  startup: 'reuses.reuserTypes.startup',
  company: 'reuses.reuserTypes.company',
  researcher: 'reuses.reuserTypes.researcher',
  student: 'reuses.reuserTypes.student',
  civil_society: 'reuses.reuserTypes.civil_society',
  media: 'reuses.reuserTypes.media',
  administration: 'reuses.reuserTypes.administration',
};

export const REUSE_ORIGIN_KEYS: Record<ReuseOrigin, string> = {
  hackathon: 'reuses.origins.hackathon',
  spontaneous: 'reuses.origins.spontaneous',
  partnership: 'reuses.origins.partnership',
};

export const REUSE_STATUS_KEYS: Record<ReuseStatus, string> = {
  submitted: 'reuses.statuses.submitted',
  published: 'reuses.statuses.published',
  rejected: 'reuses.statuses.rejected',
};

/** A shape beside the colour, so the status reads without it. */
export const REUSE_STATUS_GLYPHS: Record<ReuseStatus, string> = {
  submitted: '◷',
  published: '✓',
  rejected: '✕',
};

/** The origins a proposer picks from, the commonest first. */
export const PROPOSAL_ORIGINS: readonly ReuseOrigin[] = ['spontaneous', 'partnership', 'hackathon'];
