import type { HttpRequest } from '@angular/common/http';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type {
  ReusePage,
  ReuseView,
  AwardApplicationView,
  AwardCriterion,
  AwardEditionDetail,
  AwardResults,
  InstitutionRef,
} from '@marsad/contracts';
import { ADD, MEF } from '../testing/event-fixtures';

export { ADD, MEF };

export const HCP: InstitutionRef = {
  code: 'HCP',
  name: { fr: 'Haut-Commissariat au Plan', ar: 'المندوبية السامية للتخطيط', en: 'High Commission for Planning' },
  type: 'public_institution',
};

export const CRITERIA: AwardCriterion[] = [
  {
    id: 'c-pub',
    kind: 'automated',
    metric: 'publication_score',
    title: { fr: 'Publication', ar: 'النشر' },
    description: {},
    weight: 40,
    position: 0,
  },
  {
    id: 'c-reuse',
    kind: 'automated',
    metric: 'reuses',
    title: { fr: 'Réutilisations', ar: 'إعادة الاستعمال' },
    description: {},
    weight: 20,
    position: 1,
  },
  {
    id: 'c-jury',
    kind: 'jury',
    metric: null,
    title: { fr: 'Qualité de la démarche', ar: 'جودة المقاربة' },
    description: {},
    weight: 40,
    position: 2,
  },
];

export function edition(overrides: Partial<AwardEditionDetail> = {}): AwardEditionDetail {
  return {
    id: 'ed-1',
    year: 2025,
    title: { fr: 'Prix Imtiaz 2025 – données ouvertes', ar: 'جائزة امتياز 2025 – المعطيات المفتوحة' },
    phase: 'open',
    callOpensOn: '2025-03-01',
    applicationsCloseAt: '2099-04-30T22:59:00.000Z',
    scoringOpensOn: '2099-05-05',
    scoringClosesAt: '2099-05-31T22:59:00.000Z',
    resultsOn: '2099-06-15',
    eligibleTypes: ['ministry', 'public_institution'],
    applications: 6,
    resultsHash: null,
    isDemo: false,
    criteria: CRITERIA,
    frozenAt: null,
    jurors: null,
    version: 3,
    ...overrides,
  };
}

export function application(overrides: Partial<AwardApplicationView> = {}): AwardApplicationView {
  return {
    id: 'app-1',
    editionId: 'ed-1',
    institution: MEF,
    narrative: { fr: 'Nous avons publié 40 jeux de données.' },
    links: [{ title: 'Portail', url: 'https://data.gov.ma/mef' }],
    claimedReuseIds: [],
    files: [],
    submittedAt: null,
    automated: null,
    locked: false,
    version: 2,
    ...overrides,
  };
}

export const HASH = 'a3f1c2e4b5d6978877665544332211ffeeddccbbaa99887766554433221100ab';

export function results(overrides: Partial<AwardResults> = {}): AwardResults {
  const e = edition({ phase: 'published', resultsHash: HASH });
  const row = (
    rank: number,
    institution: InstitutionRef,
    total: number,
    auto: number,
    jury: number,
    jurors: number,
  ) => ({
    rank,
    institution,
    total,
    automatedSubtotal: auto,
    criteria: [
      { criterionId: 'c-pub', value: 8, jurors: null, trimmed: false },
      { criterionId: 'c-reuse', value: 5, jurors: null, trimmed: false },
      { criterionId: 'c-jury', value: jury, jurors, trimmed: jurors >= 5 },
    ],
    submittedAt: `2025-04-0${rank}T10:00:00.000Z`,
    tieBrokenBy: null as 'automated' | 'submittedAt' | null,
  });
  const rows = [
    row(1, MEF, 74, 42, 8, 5),
    row(2, HCP, 70, 42, 7, 5),
    row(3, ADD, 70, 40, 7.5, 4),
    row(4, { ...ADD, code: 'X' }, 50, 30, 5, 3),
  ];
  rows[1].tieBrokenBy = 'automated';
  rows[2].tieBrokenBy = 'automated';
  return {
    edition: e,
    criteria: CRITERIA,
    rows,
    publishedAt: '2099-06-15T10:00:00.000Z',
    hash: HASH,
    publication: 1,
    correctionReason: null,
    ...overrides,
  };
}

/** A published reuse of the administration's data, as the showcase lists it. */
export function reuse(id: string, title: string): ReuseView {
  return {
    id,
    title: { fr: title },
    description: { fr: 'Description' },
    reuserType: 'startup',
    url: 'https://example.ma',
    origin: 'spontaneous',
    status: 'published',
    datasets: [],
    themes: [],
    institutions: [MEF],
    hackathon: null,
    publishedAt: '2025-02-10T09:00:00.000Z',
    createdAt: '2025-02-01T09:00:00.000Z',
    rejectReason: null,
    contactEmail: null,
    isDemo: false,
    version: 1,
  } as ReuseView;
}

export function reusePage(items: ReuseView[]): ReusePage {
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 100,
    facets: { themes: [], institutions: [], reuserTypes: [] },
    asOf: '2025-03-01T08:00:00Z',
  };
}

/** Waits until the page asks for `url` (a resource that follows another's answer), then answers it. */
export async function answerWhenAsked(
  fixture: ComponentFixture<unknown>,
  http: HttpTestingController,
  url: string | ((r: HttpRequest<unknown>) => boolean),
  body: unknown,
  init?: { status: number; statusText: string },
): Promise<void> {
  for (let i = 0; i < 20; i++) {
    fixture.detectChanges();
    TestBed.tick();
    const found = http.match(url);
    if (found.length) {
      found.forEach((r) => r.flush(body as never, init));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve));
  }
  http.expectOne(url);
}
