import { pickText, type AuditAction, type AuditEntityType, type AuditEventView, type Locale } from '@marsad/contracts';
import { formatDate, formatNumber } from '../locale/msd-locale';

// Literal keys, so the translation check can see them. Keyed on the API's vocabulary, so a code
// without a label fails the build; a value outside it (none is written) is shown as it comes.
export const AUDIT_ACTION_KEYS: Record<AuditAction, string> = {
  'activity.update': 'audit.actions.activityUpdate',
  'progress-update.create': 'audit.actions.progressUpdateCreate',
  'progress-update.revise': 'audit.actions.progressUpdateRevise',
  'progress-update.validate': 'audit.actions.progressUpdateValidate',
  'progress-update.return': 'audit.actions.progressUpdateReturn',
  'evidence.create': 'audit.actions.evidenceCreate',
  'user.create': 'audit.actions.userCreate',
  'user.update': 'audit.actions.userUpdate',
  'user.deactivate': 'audit.actions.userDeactivate',
  'user.reset-link': 'audit.actions.userResetLink',
  'user.password-change': 'audit.actions.passwordChange',
  'user.password-reset': 'audit.actions.passwordReset',
  'officer.appoint': 'audit.actions.officerAppoint',
  'officer.update': 'audit.actions.officerUpdate',
  'officer.end': 'audit.actions.officerEnd',
  'officer.act-upload': 'audit.actions.officerActUpload',
  'institution.create': 'audit.actions.institutionCreate',
  'institution.update': 'audit.actions.institutionUpdate',
  'inventory.create': 'audit.actions.inventoryCreate',
  'inventory.update': 'audit.actions.inventoryUpdate',
  'inventory.delete': 'audit.actions.inventoryDelete',
  'inventory.import': 'audit.actions.inventoryImport',
  'inventory.match': 'audit.actions.inventoryMatch',
  'inventory.suggest': 'audit.actions.inventorySuggest',
  'inventory.unsuggest': 'audit.actions.inventoryUnsuggest',
  'harvest.start': 'audit.actions.harvestStart',
  'round.create': 'audit.actions.roundCreate',
  'round.update': 'audit.actions.roundUpdate',
  'round.close': 'audit.actions.roundClose',
  'round.confirm': 'audit.actions.roundConfirm',
  'committee.member-add': 'audit.actions.committeeMemberAdd',
  'committee.member-update': 'audit.actions.committeeMemberUpdate',
  'committee.representative-add': 'audit.actions.committeeRepresentativeAdd',
  'committee.representative-update': 'audit.actions.committeeRepresentativeUpdate',
  'meeting.create': 'audit.actions.meetingCreate',
  'meeting.update': 'audit.actions.meetingUpdate',
  'meeting.attendance': 'audit.actions.meetingAttendance',
  'meeting.minutes-approve': 'audit.actions.meetingMinutesApprove',
  'meeting.document-add': 'audit.actions.meetingDocumentAdd',
  'decision.create': 'audit.actions.decisionCreate',
  'action-item.update': 'audit.actions.actionItemUpdate',
  'meeting.pack-announce': 'audit.actions.meetingPackAnnounce',
  'notification-preferences.update': 'audit.actions.notificationPreferencesUpdate',
  'notification-preferences.unsubscribe': 'audit.actions.notificationPreferencesUnsubscribe',
  'email.retry': 'audit.actions.emailRetry',
  'event.create': 'audit.actions.eventCreate',
  'event.update': 'audit.actions.eventUpdate',
  'event.participants': 'audit.actions.eventParticipants',
  'reach.targets': 'audit.actions.reachTargets',
  'event.sign-in-import': 'audit.actions.eventSignInImport',
  'event.feedback': 'audit.actions.eventFeedback',
  'event.feedback-links': 'audit.actions.eventFeedbackLinks',
  'event.feedback-requests': 'audit.actions.eventFeedbackRequests',
  'reuse.propose': 'audit.actions.reusePropose',
  'reuse.update': 'audit.actions.reuseUpdate',
  'reuse.publish': 'audit.actions.reusePublish',
  'reuse.reject': 'audit.actions.reuseReject',
  'comment.publish': 'audit.actions.commentPublish',
  'comment.reject': 'audit.actions.commentReject',
  'comment.answer': 'audit.actions.commentAnswer',
  'hackathon-challenge.create': 'audit.actions.hackathonChallengeCreate',
  'hackathon-challenge.update': 'audit.actions.hackathonChallengeUpdate',
  'hackathon-challenge.delete': 'audit.actions.hackathonChallengeDelete',
  'hackathon-team.create': 'audit.actions.hackathonTeamCreate',
  'hackathon-team.update': 'audit.actions.hackathonTeamUpdate',
  'hackathon-team.delete': 'audit.actions.hackathonTeamDelete',
  'hackathon-team.reuse': 'audit.actions.hackathonTeamReuse',
  'award-edition.create': 'audit.actions.awardEditionCreate',
  'award-edition.update': 'audit.actions.awardEditionUpdate',
  'award-edition.jurors': 'audit.actions.awardEditionJurors',
  'award-edition.freeze': 'audit.actions.awardEditionFreeze',
  'award-application.create': 'audit.actions.awardApplicationCreate',
  'award-application.update': 'audit.actions.awardApplicationUpdate',
  'award-application.submit': 'audit.actions.awardApplicationSubmit',
  'award-application.file-add': 'audit.actions.awardApplicationFileAdd',
  'award-application.file-remove': 'audit.actions.awardApplicationFileRemove',
  'award-score.set': 'audit.actions.awardScoreSet',
  'award-results.publish': 'audit.actions.awardResultsPublish',
};

export const AUDIT_ENTITY_KEYS: Record<AuditEntityType, string> = {
  activity: 'audit.entities.activity',
  'progress-update': 'audit.entities.progressUpdate',
  evidence: 'audit.entities.evidence',
  user: 'audit.entities.user',
  'officer-appointment': 'audit.entities.officerAppointment',
  institution: 'audit.entities.institution',
  inventory_item: 'audit.entities.inventoryItem',
  harvest_run: 'audit.entities.harvestRun',
  reporting_round: 'audit.entities.reportingRound',
  committee_member: 'audit.entities.committeeMember',
  committee_representative: 'audit.entities.committeeRepresentative',
  committee_meeting: 'audit.entities.committeeMeeting',
  committee_decision: 'audit.entities.committeeDecision',
  action_item: 'audit.entities.actionItem',
  notification: 'audit.entities.notification',
  event: 'audit.entities.event',
  reach_target: 'audit.entities.reachTarget',
  reuse: 'audit.entities.reuse',
  plan_comment: 'audit.entities.planComment',
  hackathon_challenge: 'audit.entities.hackathonChallenge',
  hackathon_team: 'audit.entities.hackathonTeam',
  award_edition: 'audit.entities.awardEdition',
  award_application: 'audit.entities.awardApplication',
};

/** An action's label key, or null for a code outside the vocabulary. */
export const auditActionKey = (action: string): string | null =>
  (AUDIT_ACTION_KEYS as Record<string, string>)[action] ?? null;
/** An entity type's label key, or null for a type outside the vocabulary. */
export const auditEntityKey = (entityType: string): string | null =>
  (AUDIT_ENTITY_KEYS as Record<string, string>)[entityType] ?? null;

export const AUDIT_FIELD_KEYS: Record<string, string> = {
  startDate: 'activity.startDate',
  dueDate: 'activity.dueDate',
  weight: 'activity.weight',
  activity: 'audit.fields.activity',
  'activity.status': 'update.status',
  'activity.progress': 'activity.progress',
  progressUpdate: 'audit.entities.progressUpdate',
  title: 'audit.fields.title',
  contentType: 'audit.fields.contentType',
  sizeBytes: 'audit.fields.size',
  password: 'signIn.password',
  leadInstitution: 'activity.lead',
  leadInstitutionCode: 'activity.lead',
  contributors: 'activity.contributors',
  contributorCodes: 'activity.contributors',
  status: 'update.status',
  progress: 'update.progress',
  reportedOn: 'update.reportedOn',
  narrative: 'update.narrative',
  authorName: 'audit.fields.authorName',
  state: 'audit.fields.state',
  blockers: 'audit.fields.blockers',
  returnComment: 'audit.fields.returnComment',
  rejectReason: 'audit.fields.rejectReason',
  answer: 'audit.fields.answer',
  links: 'update.links',
  email: 'users.email',
  displayName: 'users.displayName',
  role: 'users.role',
  institution: 'users.institution',
  institutionCode: 'users.institution',
  preferredLocale: 'users.language',
  active: 'users.active',
  // Administrations (institution.*)
  name: 'audit.fields.name',
  type: 'audit.fields.type',
  acronym: 'audit.fields.acronym',
  parent: 'audit.fields.parent',
  regionCode: 'audit.fields.regionCode',
  website: 'audit.fields.website',
  portalOrgName: 'audit.fields.portalOrgName',
  via: 'audit.fields.via',
  // Inventory items (inventory.*)
  reference: 'audit.fields.reference',
  description: 'audit.fields.description',
  theme: 'audit.fields.theme',
  owningUnit: 'audit.fields.owningUnit',
  classification: 'audit.fields.classification',
  legalBasis: 'audit.fields.legalBasis',
  priority: 'audit.fields.priority',
  plannedDate: 'audit.fields.plannedDate',
  frequency: 'audit.fields.frequency',
  formats: 'audit.fields.formats',
  public: 'audit.fields.public',
  matchState: 'audit.fields.matchState',
  matchCkanId: 'audit.fields.matchCkanId',
  matchBasis: 'audit.fields.matchBasis',
  // Officers' appointments (officer.*)
  fullName: 'audit.fields.fullName',
  phone: 'audit.fields.phone',
  position: 'audit.fields.position',
  publicConsent: 'audit.fields.publicConsent',
  appointedOn: 'audit.fields.appointedOn',
  actReference: 'audit.fields.actReference',
  actDate: 'audit.fields.actDate',
  actDocument: 'audit.fields.actDocument',
  endedOn: 'audit.fields.endedOn',
  endReason: 'audit.fields.endReason',
  // Portal harvests (harvest.start)
  mode: 'audit.fields.mode',
  // Meeting packs announced (meeting.pack-announce)
  notified: 'audit.fields.notified',
  // E-mail preferences (notification-preferences.*): one field per category, its mode as value
  reports: 'notify.categories.reports',
  rounds: 'notify.categories.rounds',
  actionItems: 'notify.categories.actionItems',
  meetings: 'notify.categories.meetings',
  datasets: 'notify.categories.datasets',
  officers: 'notify.categories.officers',
  comments: 'notify.categories.comments',
  account: 'notify.categories.account',
};

export interface AuditDiffRow {
  field: string;
  /** Literal translation key for the field, or null to show `field` as is. */
  labelKey: string | null;
  before: string;
  after: string;
}

/** The entity types whose page is the activity page. */
export const ACTIVITY_ENTITY_TYPES: readonly AuditEntityType[] = ['activity', 'progress-update'];

/**
 * The activity an event belongs to, for a link: an activity's own id; for a progress update,
 * the `activityId` in its diff if any, else the activity code it records, looked up in `idForCode`.
 */
export function activityIdOf(
  event: AuditEventView,
  idForCode: (code: string) => string | null = () => null,
): string | null {
  if (event.entityType === 'activity') return event.entityId;
  if (event.entityType === 'progress-update') {
    const pick = (field: string) => {
      const ref = event.diff?.[field];
      const value = ref?.after ?? ref?.before;
      return typeof value === 'string' && value ? value : null;
    };
    const code = pick('activity');
    return pick('activityId') ?? (code ? idForCode(code) : null);
  }
  return null;
}

/** A diff value as a short text in the reader's language. */
export function formatAuditValue(value: unknown, locale: Locale, translate: (key: string) => string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return translate(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return formatNumber(value, locale);
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDate(value, locale, 'datetime');
    return value;
  }
  if (Array.isArray(value))
    return value
      .map((v) => formatAuditValue(v, locale, translate))
      .filter(Boolean)
      .join(translate('common.listSeparator'));
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('ar' in record || 'fr' in record || 'en' in record) return pickText(record, locale)?.text ?? '';
    if (record['name'] && typeof record['name'] === 'object')
      return pickText(record['name'] as Record<string, string>, locale)?.text ?? String(record['code'] ?? '');
    if (typeof record['code'] === 'string') return record['code'];
    if (typeof record['title'] === 'string' || typeof record['url'] === 'string')
      return String(record['title'] ?? record['url']);
    return JSON.stringify(value);
  }
  return String(value);
}

export function auditDiffRows(
  event: AuditEventView,
  locale: Locale,
  translate: (key: string) => string,
  valueKeys: (field: string, value: unknown) => string | null,
): AuditDiffRow[] {
  return Object.entries(event.diff ?? {})
    .filter(([field]) => field !== 'version' && field !== 'updatedAt' && field !== 'activityId')
    .map(([field, change]) => {
      const show = (v: unknown) => {
        const key = valueKeys(field, v);
        return key ? translate(key) : formatAuditValue(v, locale, translate);
      };
      return {
        field,
        labelKey: AUDIT_FIELD_KEYS[field] ?? null,
        before: show(change?.before),
        after: show(change?.after),
      };
    });
}
