import { ROLE_PERMISSIONS } from '@marsad/contracts';
import type {
  ActionItemView,
  AttendanceView,
  InstitutionRef,
  MeetingDetail,
  Role,
  SessionView,
} from '@marsad/contracts';
import { ADD } from './fixtures';

export const MEF: InstitutionRef = {
  code: 'MEF',
  name: {
    ar: 'وزارة الاقتصاد والمالية',
    fr: "Ministère de l'Économie et des Finances",
    en: 'Ministry of Economy and Finance',
  },
  type: 'ministry',
};

export function actionItem(overrides: Partial<ActionItemView> = {}): ActionItemView {
  return {
    id: 'ai-1',
    reference: 'R2-D1-A1',
    text: { fr: 'Publier le budget citoyen en données ouvertes', ar: 'نشر ميزانية المواطن في شكل معطيات مفتوحة' },
    owner: MEF,
    ownerPerson: null,
    dueOn: '2026-10-31',
    status: 'open',
    overdue: false,
    daysOverdue: 0,
    decision: { id: 'd-1', number: 1, meetingId: 'm-2', meetingNumber: 2, text: { fr: 'Décision' } },
    closingEvidence: null,
    closedAt: null,
    notes: [],
    updatedAt: '2026-11-01T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function attendance(id: string, email: string | null, overrides: Partial<AttendanceView> = {}): AttendanceView {
  return {
    representative: {
      id,
      memberId: `mem-${id}`,
      institution: id === 'r-add' ? ADD : MEF,
      fullName: `Personne ${id}`,
      title: null,
      position: 'member',
      alternate: false,
      fromOn: '2019-12-01',
      toOn: null,
      email,
      phone: null,
      hasAccount: !!email,
      version: 1,
    },
    status: null,
    confirmedBySelfAt: null,
    recordedBy: null,
    ...overrides,
  };
}

export function meeting(overrides: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    id: 'm-3',
    number: 3,
    startsAt: '2026-12-10T09:00:00.000Z',
    place: 'ADD, Rabat',
    onlineUrl: null,
    status: 'planned',
    minutesState: 'draft',
    agendaCount: 2,
    decisionCount: 0,
    presentCount: 0,
    expectedCount: 2,
    version: 5,
    agenda: [
      {
        id: 'ag-1',
        position: 1,
        title: { fr: "Avancement du plan d'action" },
        measureNumbers: [2],
        activityCodes: [],
        actionItem: null,
      },
      {
        id: 'ag-2',
        position: 2,
        title: {},
        measureNumbers: [],
        activityCodes: [],
        actionItem: actionItem({ overdue: true, daysOverdue: 40 }),
      },
    ],
    attendance: [attendance('r-add', 'coordinator@example.ma'), attendance('r-mef', 'committee@example.ma')],
    experts: [],
    minutes: {},
    minutesApprovedAt: null,
    minutesApprovedBy: null,
    documents: [],
    decisions: [],
    previousMeeting: { id: 'm-2', number: 2, startsAt: '2026-06-10T09:00:00.000Z' },
    ...overrides,
  };
}

/** A signed-in session for specs (an officer works for MEF or HCP). */
export function sessionFor(role: Role, institution: 'MEF' | 'HCP' | null = null): SessionView {
  return {
    user: {
      id: `u-${role}`,
      email: `${role.toLowerCase()}@example.ma`,
      displayName: `Person ${role}`,
      role,
      institution: institution === 'MEF' ? MEF : institution === 'HCP' ? { ...MEF, code: 'HCP' } : null,
      preferredLocale: 'fr',
      permissions: [...ROLE_PERMISSIONS[role]],
    },
    csrfToken: 'csrf-1',
    expiresAt: '2030-01-01T00:00:00Z',
  };
}
