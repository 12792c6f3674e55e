import type { PortalDatasetView, ReusePage, ReuseView } from '@marsad/contracts';
import { ADD, MEF, page } from '../testing/event-fixtures';

/** A published reuse, as the public reads it (no contact, no reason). */
export function reuseView(overrides: Partial<ReuseView> = {}): ReuseView {
  return {
    id: 'r-1',
    title: { fr: 'Budget citoyen interactif', ar: 'الميزانية المواطنة التفاعلية' },
    description: { fr: 'Une application qui explique le budget de l’État.' },
    reuserType: 'startup',
    url: 'https://budget.example.ma',
    origin: 'hackathon',
    status: 'published',
    datasets: [
      {
        portalId: 'ckan-1',
        name: 'loi-de-finances-2024',
        title: 'Loi de finances 2024',
        institution: MEF,
        themes: ['economie-finances'],
      },
    ],
    themes: ['economie-finances'],
    institutions: [MEF],
    hackathon: { eventId: 'e-7', title: { fr: 'Hackathon des données budgétaires' } },
    publishedAt: '2026-02-10T09:00:00.000Z',
    createdAt: '2026-02-01T09:00:00.000Z',
    rejectReason: null,
    contactEmail: null,
    isDemo: false,
    version: 2,
    ...overrides,
  };
}

/** A proposal waiting for a coordinator, as coordinators read it. */
export function submittedReuse(overrides: Partial<ReuseView> = {}): ReuseView {
  return reuseView({
    id: 'r-9',
    title: { ar: 'خريطة المدارس' },
    description: { ar: 'خريطة تفاعلية للمؤسسات التعليمية.' },
    reuserType: 'student',
    origin: 'spontaneous',
    status: 'submitted',
    hackathon: null,
    publishedAt: null,
    contactEmail: 'etudiant@example.ma',
    version: 1,
    ...overrides,
  });
}

export function reusePage(items: ReuseView[], overrides: Partial<ReusePage> = {}): ReusePage {
  return {
    ...page(items, { pageSize: 12 }),
    facets: {
      themes: [
        { theme: 'economie-finances', count: 2 },
        { theme: 'education', count: 1 },
      ],
      institutions: [
        { institution: MEF, count: 2 },
        { institution: ADD, count: 1 },
      ],
      reuserTypes: [
        { reuserType: 'startup', count: 2 },
        { reuserType: 'student', count: 1 },
      ],
    },
    asOf: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

/** A harvested dataset, with only what the picker reads filled in. */
export function portalDataset(overrides: Partial<PortalDatasetView> = {}): PortalDatasetView {
  return {
    ckanId: 'ckan-1',
    name: 'loi-de-finances-2024',
    title: 'Loi de finances 2024',
    organization: 'mef',
    institution: MEF,
    portalUrl: 'https://data.gov.ma/data/dataset/loi-de-finances-2024',
    createdAt: null,
    modifiedAt: null,
    lastUpdatedAt: null,
    licenseId: null,
    openLicence: true,
    frequency: null,
    frequencyRaw: null,
    freshness: 'unknown',
    ageDays: null,
    formats: ['CSV'],
    resourceCount: 1,
    stars: 3,
    machineReadable: true,
    completeness: 80,
    completenessFilled: [],
    tags: [],
    groups: ['economie-finances'],
    resources: [],
    ...overrides,
  } as PortalDatasetView;
}
