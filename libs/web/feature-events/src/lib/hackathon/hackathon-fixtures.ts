import type {
  EventDetail,
  HackathonChallenge,
  HackathonTeam,
  HackathonView,
  PortalDatasetView,
  ReuseView,
} from '@marsad/contracts';
import { eventDetail, MEF, publicEvent } from '../testing/event-fixtures';

/** A held hackathon as the public reads its event. */
export function hackathonEvent(overrides: Partial<EventDetail> = {}): EventDetail {
  return publicEvent({
    id: 'h-1',
    type: 'hackathon',
    measureNumber: 12,
    title: { fr: 'Hackathon national des données ouvertes', ar: 'الهاكاثون الوطني للمعطيات المفتوحة' },
    ...overrides,
  });
}

/** The same hackathon as a coordinator reads it. */
export function managedHackathonEvent(overrides: Partial<EventDetail> = {}): EventDetail {
  return eventDetail({ ...hackathonEvent(), ...overrides });
}

export function challenge(id: string, overrides: Partial<HackathonChallenge> = {}): HackathonChallenge {
  return {
    id,
    title: { fr: `Défi ${id}` },
    description: {},
    datasets: [],
    version: 1,
    ...overrides,
  };
}

export function team(id: string, overrides: Partial<HackathonTeam> = {}): HackathonTeam {
  return {
    id,
    name: `Équipe ${id}`,
    members: 3,
    challengeId: null,
    submission: null,
    score: null,
    rank: null,
    reuseId: null,
    version: 1,
    ...overrides,
  };
}

export const MOBILITY = challenge('c-mobility', {
  title: { fr: 'Mieux se déplacer en ville', ar: 'تنقل أفضل في المدينة' },
  description: { fr: 'Aider chacun à choisir son trajet.' },
  datasets: [
    { portalId: 'd-bus', name: 'bus', title: 'Lignes de bus de Rabat', institution: MEF, themes: ['transport'] },
    { portalId: 'd-gares', name: 'gares', title: 'Gares ferroviaires', institution: null, themes: [] },
  ],
  version: 2,
});

export const BUDGET = challenge('c-budget', { title: { fr: 'Comprendre le budget de ma commune' } });

/** The jury's results are out: two ranked teams, one scored but not ranked, one not scored; as the API orders them. */
export function rankedView(overrides: Partial<HackathonView> = {}): HackathonView {
  return {
    eventId: 'h-1',
    challenges: [MOBILITY, BUDGET],
    teams: [
      team('t-trajets', {
        name: 'Trajets Maroc',
        members: 4,
        challengeId: MOBILITY.id,
        submission: { title: 'Trajets Maroc', url: 'https://trajets.example.ma', description: null },
        score: 87.5,
        rank: 1,
        version: 3,
      }),
      team('t-souss', {
        name: 'Data Souss',
        members: 3,
        challengeId: BUDGET.id,
        submission: { title: 'Ma commune en chiffres', url: null, description: 'Un tableau de bord.' },
        score: 74.25,
        rank: 2,
      }),
      team('t-budget', {
        name: 'Budget Clair',
        members: 5,
        challengeId: BUDGET.id,
        submission: { title: 'ميزانيتي بوضوح', url: 'https://budget.example.ma', description: null },
        score: 82,
      }),
      team('t-late', { name: 'Retardataires', members: 2 }),
    ],
    resultsOut: true,
    ...overrides,
  };
}

export function emptyView(): HackathonView {
  return { eventId: 'h-1', challenges: [], teams: [], resultsOut: false };
}

export function portalDataset(ckanId: string, title: string): PortalDatasetView {
  return {
    ckanId,
    name: ckanId,
    title,
    organization: 'mef',
    institution: MEF,
    portalUrl: `https://data.gov.ma/data/fr/dataset/${ckanId}`,
    createdAt: null,
    modifiedAt: null,
    lastUpdatedAt: null,
    licenseId: null,
    openLicence: true,
    frequency: null,
    frequencyRaw: null,
    freshness: 'unknown',
    ageDays: null,
    formats: [],
    resourceCount: 1,
    stars: 3,
    machineReadable: true,
    completeness: 80,
    completenessFilled: [],
    tags: [],
    groups: [],
    resources: [],
  };
}

export function reuseView(id: string, overrides: Partial<ReuseView> = {}): ReuseView {
  return {
    id,
    title: { fr: 'Trajets Maroc' },
    description: { fr: 'Projet de l’équipe Trajets Maroc.' },
    reuserType: 'startup',
    url: 'https://trajets.example.ma',
    origin: 'hackathon',
    status: 'published',
    datasets: MOBILITY.datasets,
    themes: ['transport'],
    institutions: [MEF],
    hackathon: { eventId: 'h-1', title: { fr: 'Hackathon national des données ouvertes' } },
    publishedAt: '2026-03-20T10:00:00.000Z',
    createdAt: '2026-03-20T10:00:00.000Z',
    rejectReason: null,
    contactEmail: null,
    isDemo: false,
    version: 1,
    ...overrides,
  };
}
