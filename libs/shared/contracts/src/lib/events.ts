import type { InstitutionRef, InstitutionType } from './institution';
import type { PartialLocalizedText } from './locale';
import type { ImportIssue, OfficerRole } from './officers';
import type { IsoDate } from './plan';

/** The plan's events, by the measure they carry out: workshops (4), trainings (8), promotion (9), hackathons (12). */
export const EVENT_TYPES = ['workshop', 'training', 'promotion', 'hackathon', 'other'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_MEASURE: Record<EventType, number | null> = {
  workshop: 4,
  training: 8,
  promotion: 9,
  hackathon: 12,
  other: null,
};

export const EVENT_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export const EVENT_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Who an event is for, and how other participants are counted. */
export const AUDIENCE_CATEGORIES = [
  'officers',
  'data_managers',
  'civil_servants',
  'students_researchers',
  'startups_companies',
  'civil_society',
  'media',
] as const;
export type AudienceCategory = (typeof AUDIENCE_CATEGORIES)[number];

/** Limits shared by the API's validation and the forms. */
export const EVENT_LIMITS = {
  title: 300,
  partner: 200,
  partners: 20,
  materials: 30,
  materialTitle: 200,
  url: 2000,
  /** People counted in one category of one event. */
  count: 100_000,
  capacity: 100_000,
  linkedActivities: 26,
} as const;

export interface EventMaterial {
  title: string;
  url: string;
}

/** An event as anyone may see it: no personal data. */
export interface EventSummary {
  id: string;
  type: EventType;
  /** The measure the type carries out (4, 8, 9, 12), or null. */
  measureNumber: number | null;
  title: PartialLocalizedText;
  startsOn: IsoDate;
  endsOn: IsoDate;
  format: EventFormat;
  /** A region, province or commune of the registry. */
  place: InstitutionRef | null;
  onlineUrl: string | null;
  organiser: InstitutionRef | null;
  partners: string[];
  audiences: AudienceCategory[];
  capacity: number | null;
  status: EventStatus;
  /** Officers and data managers from the register, plus the other participants counted by category. */
  participantCount: number;
  activityCodes: string[];
  isDemo: boolean;
  version: number;
}

/** A registered officer or data manager who took part (names for coordinators only, law 09-08). */
export interface EventParticipantView {
  id: string;
  appointmentId: string;
  role: OfficerRole;
  institution: InstitutionRef;
  /** Null for readers who may not see officers' names. */
  fullName: { ar: string | null; fr: string | null } | null;
}

export interface EventDetail extends EventSummary {
  materials: EventMaterial[];
  /** Participants by category: the register's officers and data managers, and the others counted. */
  byCategory: { category: AudienceCategory; count: number }[];
  /** Null for readers who may not see who took part (the public). */
  participants: EventParticipantView[] | null;
  /** Feedback from participants (anonymous aggregates). */
  satisfaction: Satisfaction;
  /** Comments left with feedback, newest first; null for readers other than coordinators. */
  feedbackComments: FeedbackComment[] | null;
  createdAt: string;
  updatedAt: string;
}

export interface EventQuery {
  type?: EventType;
  status?: EventStatus;
  year?: number;
  /** Events organised by, or with participants from, this administration. */
  institution?: string;
  page?: number;
  pageSize?: number;
}

export interface SaveEventRequest {
  type: EventType;
  title: PartialLocalizedText;
  startsOn: IsoDate;
  endsOn: IsoDate;
  format: EventFormat;
  placeCode?: string | null;
  onlineUrl?: string | null;
  organiserCode?: string | null;
  partners?: string[];
  audiences?: AudienceCategory[];
  capacity?: number | null;
  status?: EventStatus;
  materials?: EventMaterial[];
  activityCodes?: string[];
}

export interface UpdateEventRequest extends Partial<SaveEventRequest> {
  version: number;
}

/** Registers officers as participants (by appointment), and sets the other participants' counts. */
export interface EventParticipantsRequest {
  version: number;
  addAppointmentIds?: string[];
  removeParticipantIds?: string[];
  /** Counts of other participants by category (officers and data managers come from the register). */
  counts?: { category: Exclude<AudienceCategory, 'officers' | 'data_managers'>; count: number }[];
}

export interface ReachShare {
  /** People in office (ROD or GdD, active or interim) trained in the last 12 months. */
  trained: number;
  /** People in office. */
  total: number;
  /** trained / total in percent, one decimal; null when nobody is in office. */
  share: number | null;
}

export interface ReachTarget {
  year: number;
  type: EventType;
  events: { target: number | null; actual: number };
  participants: { target: number | null; actual: number };
}

/** The public aggregates of the events' reach. */
export interface ReachView {
  /** The last 12 months end today (Morocco). */
  asOf: string;
  since: IsoDate;
  /** Always from what coordinators recorded (held events and their participants). */
  source: 'recorded';
  trained: { rod: ReachShare; gdd: ReachShare };
  byType: ({ type: InstitutionType } & { rod: ReachShare; gdd: ReachShare })[];
  byRegion: ({ region: InstitutionRef | null } & { rod: ReachShare; gdd: ReachShare })[];
  /** Administrations with officers in office that no held event ever reached (no participant, not organiser). */
  neverReached: { total: number; items: InstitutionRef[] };
  /** Participants of held events per quarter (e.g. 2026-Q3) and category. */
  byQuarter: { quarter: string; category: AudienceCategory; count: number }[];
  /** Events held per type, and their average satisfaction once feedback exists. */
  eventsByType: {
    type: EventType;
    held: number;
    planned: number;
    participants: number;
    satisfaction: Satisfaction;
  }[];
  targets: ReachTarget[];
}

export interface SetReachTargetsRequest {
  targets: { year: number; type: EventType; events: number | null; participants: number | null }[];
}

// ---------------------------------------------------------------- sign-in sheets

/** Categories other participants are counted in (officers and data managers come from the register). */
export const OTHER_AUDIENCE_CATEGORIES = [
  'civil_servants',
  'students_researchers',
  'startups_companies',
  'civil_society',
  'media',
] as const;
export type OtherAudienceCategory = (typeof OTHER_AUDIENCE_CATEGORIES)[number];

/** Rows one sign-in sheet may hold. */
export const SIGN_IN_SHEET_MAX_ROWS = 5_000;

/** A sign-in sheet row whose email is an officer's or data manager's in office. */
export interface SignInSheetMatch {
  row: number;
  email: string;
  appointmentId: string;
  role: OfficerRole;
  institution: InstitutionRef;
  fullName: { ar: string | null; fr: string | null };
  /** Already a participant of the event: importing again changes nothing. */
  alreadyRegistered: boolean;
}

/** A row with no officer in office behind its email: counted in its category, its email never kept. */
export interface SignInSheetUnmatched {
  row: number;
  email: string;
  name: string;
  category: OtherAudienceCategory;
  /** This email was already counted for the event by an earlier import. */
  alreadyCounted: boolean;
}

/**
 * What importing a sign-in sheet (CSV or XLSX: email, name, category) would do; writes nothing.
 * Rows with an issue block the import (all or nothing).
 */
export interface SignInSheetPreview {
  rows: number;
  matched: SignInSheetMatch[];
  unmatched: SignInSheetUnmatched[];
  issues: ImportIssue[];
  /** Participants the import would add: registered officers, and others by category. */
  adds: { registered: number; counted: { category: OtherAudienceCategory; count: number }[] };
}

export interface SignInSheetResult {
  registered: number;
  counted: number;
  unchanged: number;
  event: EventDetail;
}

// ---------------------------------------------------------------- satisfaction

/** The questions of the feedback form, each rated 1–5; only the overall rating is required. */
export const FEEDBACK_QUESTIONS = ['overall', 'content', 'organisation'] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];
export const FEEDBACK_COMMENT_MAX = 2000;
/** Feedback is taken from the event's first day until this many days after its last. */
export const FEEDBACK_OPEN_DAYS = 60;
/** Anonymous single-use links a coordinator may ask for at once. */
export const FEEDBACK_LINKS_MAX = 500;

/** Average ratings (one decimal) and how many answered; null averages without answers. */
export interface Satisfaction {
  responses: number;
  overall: number | null;
  content: number | null;
  organisation: number | null;
}

/** GET /api/v1/feedback/:token: what the public form shows. */
export interface FeedbackFormView {
  event: Pick<EventSummary, 'id' | 'type' | 'title' | 'startsOn' | 'endsOn' | 'status'>;
  /** The link was used already: it cannot be used again. */
  used: boolean;
  /** Feedback is accepted now (the event started, was not cancelled, and closed less than FEEDBACK_OPEN_DAYS ago). */
  open: boolean;
  closesOn: IsoDate;
}

/** POST /api/v1/feedback/:token (no sign-in; once per link). */
export interface SubmitFeedbackRequest {
  overall: number;
  content?: number | null;
  organisation?: number | null;
  comment?: string | null;
}

/** POST /api/v1/events/:id/feedback-links: single-use anonymous links to hand out (a QR code, an e-mail). */
export interface FeedbackLinksRequest {
  count: number;
}
export interface FeedbackLinks {
  links: string[];
  closesOn: IsoDate;
}

/** POST /api/v1/events/:id/feedback-requests: each registered participant with an account gets a personal link. */
export interface FeedbackRequestsResult {
  /** Participants whose account received the link in their inbox (and by e-mail when configured). */
  sent: number;
  /** Registered participants without an account: hand them an anonymous link. */
  withoutAccount: number;
}

/** Comments left with feedback, for coordinators only (anonymous). */
export interface FeedbackComment {
  submittedAt: string;
  overall: number;
  comment: string;
}

// ---------------------------------------------------------------- participations

/** An event one of an administration's officers or data managers took part in. */
export interface ParticipationView {
  event: Pick<EventSummary, 'id' | 'type' | 'title' | 'startsOn' | 'endsOn' | 'status' | 'format'>;
  appointmentId: string;
  role: OfficerRole;
  /** Null for readers who may not see the person's name (law 09-08). */
  fullName: { ar: string | null; fr: string | null } | null;
}

/** GET /api/v1/institutions/:code/participations: its people's trainings and workshops, newest first. */
export interface InstitutionParticipations {
  institution: InstitutionRef;
  asOf: string;
  /** People in office (ROD, GdD) trained in the last 12 months, of those in office. */
  trainedInOffice: ReachShare;
  items: ParticipationView[];
}
