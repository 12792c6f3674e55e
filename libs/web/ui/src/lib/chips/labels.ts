import type {
  ActivityStatus,
  BlockerCategory,
  FigureSource,
  Health,
  InstitutionType,
  Permission,
  ProgressUpdateState,
  Role,
} from '@marsad/contracts';

// Every value written out, so the translation-key check can see each key.
export const STATUS_LABEL_KEYS: Record<ActivityStatus, string> = {
  not_started: 'status.not_started',
  in_progress: 'status.in_progress',
  completed: 'status.completed',
  delayed: 'status.delayed',
  cancelled: 'status.cancelled',
};

export const HEALTH_LABEL_KEYS: Record<Health, string> = {
  on_track: 'health.on_track',
  at_risk: 'health.at_risk',
  late: 'health.late',
};
export const HEALTH_NONE_KEY = 'health.none';

/** Status colours, shared by chips and charts. Each chip also shows a glyph and text: never colour alone. */
export const STATUS_COLORS: Record<ActivityStatus, string> = {
  not_started: '#78828c',
  in_progress: '#1f63c6',
  completed: '#2e7d32',
  delayed: '#c25100',
  cancelled: '#8e3b5a',
};

export const STATUS_GLYPHS: Record<ActivityStatus, string> = {
  not_started: '○',
  in_progress: '◐',
  completed: '✓',
  delayed: '!',
  cancelled: '✕',
};

export const HEALTH_GLYPHS: Record<Health, string> = {
  on_track: '●',
  at_risk: '▲',
  late: '■',
};

export const ROLE_LABEL_KEYS: Record<Role, string> = {
  ADMIN: 'roles.ADMIN',
  COORDINATOR: 'roles.COORDINATOR',
  COMMITTEE: 'roles.COMMITTEE',
  OFFICER: 'roles.OFFICER',
  DATA_MANAGER: 'roles.DATA_MANAGER',
};

/** What each permission lets a person do, for the forbidden page. */
export const PERMISSION_LABEL_KEYS: Record<Permission, string> = {
  'activity:plan': 'permissions.activityPlan',
  'progress:report': 'permissions.progressReport',
  'progress:validate': 'permissions.progressValidate',
  'audit:read': 'permissions.auditRead',
  'user:manage': 'permissions.userManage',
  'officer:manage': 'permissions.officerManage',
  'institution:manage': 'permissions.institutionManage',
  'inventory:read': 'permissions.inventoryRead',
  'inventory:manage': 'permissions.inventoryManage',
  'portal:manage': 'permissions.portalManage',
  'round:manage': 'permissions.roundManage',
  'round:read': 'permissions.roundRead',
  'committee:manage': 'permissions.committeeManage',
  'committee:read': 'permissions.committeeRead',
  'action-item:read': 'permissions.actionItemRead',
  'action-item:update': 'permissions.actionItemUpdate',
  'mail:manage': 'permissions.mailManage',
  'event:manage': 'permissions.eventManage',
  'reuse:manage': 'permissions.reuseManage',
  'comment:moderate': 'permissions.commentModerate',
  'award:manage': 'permissions.awardManage',
  'award:apply': 'permissions.awardApply',
};

export const REPORT_STATE_LABEL_KEYS: Record<ProgressUpdateState, string> = {
  draft: 'reportState.draft',
  submitted: 'reportState.submitted',
  validated: 'reportState.validated',
  returned: 'reportState.returned',
};

export const REPORT_STATE_GLYPHS: Record<ProgressUpdateState, string> = {
  draft: '✎',
  submitted: '⧗',
  validated: '✓',
  returned: '↩',
};

export const BLOCKER_LABEL_KEYS: Record<BlockerCategory, string> = {
  legal: 'blockers.legal',
  technical: 'blockers.technical',
  human_resources: 'blockers.human_resources',
  budget: 'blockers.budget',
  data_quality: 'blockers.data_quality',
  coordination: 'blockers.coordination',
  other: 'blockers.other',
};

export const FIGURE_SOURCE_LABEL_KEYS: Record<FigureSource, string> = {
  validated: 'provenance.validated',
  'self-reported': 'provenance.selfReported',
  automated: 'provenance.automated',
  demo: 'provenance.demo',
  reference: 'provenance.reference',
};

/** An administration's type, singular. */
export const INSTITUTION_TYPE_KEYS: Record<InstitutionType, string> = {
  ministry: 'institutionTypes.ministry',
  public_institution: 'institutionTypes.public_institution',
  public_enterprise: 'institutionTypes.public_enterprise',
  independent_authority: 'institutionTypes.independent_authority',
  region: 'institutionTypes.region',
  province: 'institutionTypes.province',
  commune: 'institutionTypes.commune',
  other: 'institutionTypes.other',
};
