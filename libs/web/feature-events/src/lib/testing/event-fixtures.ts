import type {
  AppointmentView,
  EventDetail,
  EventSummary,
  InstitutionRef,
  InstitutionSummary,
  Page,
  Role,
  SessionView,
} from '@marsad/contracts';

export const ADD: InstitutionRef = {
  code: 'ADD',
  name: { ar: 'وكالة التنمية الرقمية', fr: 'Agence de Développement du Digital', en: 'Digital Development Agency' },
  type: 'public_institution',
};

export const MEF: InstitutionRef = {
  code: 'MEF',
  name: {
    ar: 'وزارة الاقتصاد والمالية',
    fr: "Ministère de l'Économie et des Finances",
    en: 'Ministry of Economy and Finance',
  },
  type: 'ministry',
};

export const RABAT: InstitutionRef = {
  code: 'R04',
  name: { ar: 'جهة الرباط سلا القنيطرة', fr: 'Région Rabat-Salé-Kénitra', en: 'Rabat-Salé-Kénitra Region' },
  type: 'region',
};

export function session(role: Role): SessionView {
  return {
    user: {
      id: `u-${role}`,
      email: `${role.toLowerCase()}@example.ma`,
      displayName: `Person ${role}`,
      role,
      institution: null,
      preferredLocale: 'fr',
      permissions: [],
    },
    csrfToken: 'csrf-1',
    expiresAt: '2030-01-01T00:00:00Z',
  };
}

export function eventSummary(overrides: Partial<EventSummary> = {}): EventSummary {
  return {
    id: 'e-1',
    type: 'training',
    measureNumber: 8,
    title: { fr: 'Formation des ROD à la publication', ar: 'تكوين مسؤولي المعطيات المفتوحة في النشر' },
    startsOn: '2026-03-10',
    endsOn: '2026-03-11',
    format: 'in_person',
    place: RABAT,
    onlineUrl: null,
    organiser: ADD,
    partners: [],
    audiences: ['officers', 'data_managers'],
    capacity: 40,
    status: 'held',
    participantCount: 27,
    activityCodes: [],
    isDemo: false,
    version: 3,
    ...overrides,
  };
}

export function eventDetail(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    ...eventSummary(),
    materials: [{ title: 'Support de la formation', url: 'https://example.ma/support.pdf' }],
    byCategory: [
      { category: 'officers', count: 2 },
      { category: 'data_managers', count: 0 },
      { category: 'civil_servants', count: 25 },
    ],
    participants: [
      {
        id: 'p-1',
        appointmentId: 'a-1',
        role: 'ROD',
        institution: MEF,
        fullName: { fr: 'Amina Bennani', ar: 'أمينة بناني' },
      },
      {
        id: 'p-2',
        appointmentId: 'a-2',
        role: 'GDD',
        institution: MEF,
        fullName: { fr: 'Youssef Alaoui', ar: 'يوسف العلوي' },
      },
    ],
    satisfaction: { responses: 12, overall: 4.3, content: 4, organisation: null },
    feedbackComments: [
      { submittedAt: '2026-03-12T09:00:00.000Z', overall: 5, comment: 'Très utile, merci.' },
      { submittedAt: '2026-03-11T18:00:00.000Z', overall: 3, comment: 'Salle trop petite.' },
    ],
    createdAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-03-12T10:00:00.000Z',
    ...overrides,
  };
}

/** The same event as the public reads it: counts, no names, no comments. */
export function publicEvent(overrides: Partial<EventDetail> = {}): EventDetail {
  return eventDetail({ participants: null, feedbackComments: null, ...overrides });
}

/** No answers yet. */
export const NO_SATISFACTION = { responses: 0, overall: null, content: null, organisation: null } as const;

export function page<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, page: 1, pageSize: 20, ...overrides };
}

export function institution(ref: InstitutionRef): InstitutionSummary {
  return { ...ref, acronym: null, subtype: null, parentCode: null, regionCode: null, active: true };
}

export function appointment(id: string, overrides: Partial<AppointmentView> = {}): AppointmentView {
  return {
    id,
    institution: MEF,
    role: 'ROD',
    status: 'active',
    fullName: { fr: `Personne ${id}`, ar: null },
    position: null,
    email: `${id}@mef.gov.ma`,
    phone: null,
    publicConsent: false,
    appointedOn: '2024-01-01',
    act: null,
    endedOn: null,
    endReason: null,
    emailActiveElsewhere: false,
    version: 1,
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}
