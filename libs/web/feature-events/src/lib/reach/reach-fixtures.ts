import { ROLE_PERMISSIONS, type ReachView, type Role, type SessionView } from '@marsad/contracts';

/** A signed-in session for specs. */
export function sessionFor(role: Role): SessionView {
  return {
    user: {
      id: `u-${role}`,
      email: `${role.toLowerCase()}@example.ma`,
      displayName: `Person ${role}`,
      role,
      institution: null,
      preferredLocale: 'fr',
      permissions: [...ROLE_PERMISSIONS[role]],
    },
    csrfToken: 'csrf-1',
    expiresAt: '2030-01-01T00:00:00Z',
  };
}

const MEF = {
  code: 'MEF',
  name: {
    ar: 'وزارة الاقتصاد والمالية',
    fr: "Ministère de l'Économie et des Finances",
    en: 'Ministry of Economy and Finance',
  },
  type: 'ministry' as const,
};
const RSK = {
  code: 'R04',
  name: { ar: 'جهة الرباط سلا القنيطرة', fr: 'Rabat-Salé-Kénitra', en: 'Rabat-Salé-Kénitra' },
  type: 'region' as const,
};

/** Reach as the API answers it: a ROD share, and no data manager in office (null share). */
export const REACH: ReachView = {
  asOf: '2026-07-01T09:00:00.000Z',
  since: '2025-07-02',
  source: 'recorded',
  trained: {
    rod: { trained: 17, total: 40, share: 42.5 },
    gdd: { trained: 0, total: 0, share: null },
  },
  byType: [
    {
      type: 'public_institution',
      rod: { trained: 2, total: 10, share: 20 },
      gdd: { trained: 0, total: 0, share: null },
    },
    { type: 'ministry', rod: { trained: 15, total: 30, share: 50 }, gdd: { trained: 0, total: 0, share: null } },
  ],
  byRegion: [
    { region: null, rod: { trained: 15, total: 30, share: 50 }, gdd: { trained: 0, total: 0, share: null } },
    { region: RSK, rod: { trained: 2, total: 10, share: 20 }, gdd: { trained: 0, total: 0, share: null } },
  ],
  neverReached: { total: 137, items: [MEF] },
  byQuarter: [
    { quarter: '2026-Q2', category: 'officers', count: 12 },
    { quarter: '2026-Q1', category: 'officers', count: 5 },
    { quarter: '2026-Q2', category: 'students_researchers', count: 30 },
  ],
  eventsByType: [
    {
      type: 'training',
      held: 12,
      planned: 3,
      participants: 40,
      satisfaction: { responses: 25, overall: 4.3, content: 4.1, organisation: 3.9 },
    },
    {
      type: 'workshop',
      held: 2,
      planned: 0,
      participants: 7,
      satisfaction: { responses: 0, overall: null, content: null, organisation: null },
    },
  ],
  targets: [
    { year: 2026, type: 'training', events: { target: 20, actual: 12 }, participants: { target: null, actual: 40 } },
    { year: 2025, type: 'workshop', events: { target: 4, actual: 4 }, participants: { target: 100, actual: 60 } },
  ],
};

/** Nothing recorded yet: no event, no participant, no target. */
export const EMPTY_REACH: ReachView = {
  ...REACH,
  trained: { rod: { trained: 0, total: 40, share: 0 }, gdd: { trained: 0, total: 0, share: null } },
  neverReached: { total: 40, items: [MEF] },
  byQuarter: [],
  eventsByType: [],
  targets: [],
};
