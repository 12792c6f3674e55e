import type {
  ActivityDetail,
  InstitutionRef,
  MeasureSummary,
  PlanDetail,
  PlanHistory,
  Provenance,
} from '@marsad/contracts';

export const ADD: InstitutionRef = {
  code: 'ADD',
  name: { ar: 'وكالة التنمية الرقمية', fr: 'Agence de Développement du Digital', en: 'Digital Development Agency' },
  type: 'public_institution',
};
export const HCP: InstitutionRef = {
  code: 'HCP',
  name: { ar: 'المندوبية السامية للتخطيط', fr: 'Haut-Commissariat au Plan', en: 'High Commission for Planning' },
  type: 'public_institution',
};

const counts = { not_started: 0, in_progress: 1, completed: 1, delayed: 0, cancelled: 0 };
export const VALIDATED: Provenance = { source: 'validated', asOf: '2026-11-20T10:00:00.000Z', by: 'Coordination ADD' };

export function measure(number: number, overrides: Partial<MeasureSummary> = {}): MeasureSummary {
  return {
    id: `m-${number}`,
    planCode: 'PANDO-2021',
    number,
    title: { ar: `الإجراء رقم ${number}`, fr: `Mesure numéro ${number}`, en: `Measure number ${number}` },
    description: null,
    leadInstitution: ADD,
    weight: 1,
    progress: 50,
    health: 'on_track',
    status: 'in_progress',
    nextDueDate: '2022-06-30',
    overdueSince: null,
    daysLate: 0,
    statusCounts: counts,
    provenance: VALIDATED,
    activities: [],
    ...overrides,
  };
}

export function plan(overrides: Partial<PlanDetail> = {}): PlanDetail {
  return {
    code: 'PANDO-2021',
    title: {
      ar: 'مخطط العمل الوطني للمعطيات المفتوحة 2021',
      fr: "Plan d'action national des données ouvertes 2021",
      en: 'National Open Data Action Plan 2021',
    },
    periodStart: '2021-01-01',
    periodEnd: '2023-12-31',
    progress: 42.5,
    health: 'at_risk',
    measureCount: 13,
    activityCount: 26,
    statusCounts: { not_started: 5, in_progress: 10, completed: 8, delayed: 2, cancelled: 1 },
    provenance: { ...VALIDATED, by: null },
    figuresOn: '2026-12-04',
    measures: [
      measure(1),
      measure(2, {
        title: { ar: 'تحديث البوابة', fr: 'Moderniser le portail', en: 'Modernise the portal' },
        status: 'delayed',
        health: 'late',
        nextDueDate: null,
        overdueSince: '2026-10-20',
        daysLate: 45,
      }),
    ],
    demo: true,
    ...overrides,
  };
}

export function activity(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    id: 'a-1',
    code: '2.1',
    measureId: 'm-2',
    measureNumber: 2,
    title: {
      ar: 'تحيين المكونات التقنية للبوابة',
      fr: 'Mettre à jour les composants techniques du portail',
      en: "Update the portal's technical components",
    },
    leadInstitution: ADD,
    contributors: [],
    startDate: '2021-03-01',
    dueDate: '2022-06-30',
    weight: 1,
    status: 'in_progress',
    progress: 40,
    health: 'on_track',
    daysLate: 0,
    provenance: VALIDATED,
    version: 3,
    updatedAt: '2022-01-10T09:00:00Z',
    milestones: [],
    updates: [],
    updateCount: 0,
    ...overrides,
  };
}

/** The plan's daily snapshots, `progress` one value a day from `firstDay` on. */
export function history(progress: (number | null)[], firstDay = '2026-12-01'): PlanHistory {
  const start = Date.parse(`${firstDay}T00:00:00Z`);
  return {
    planCode: 'PANDO-2021',
    from: null,
    to: null,
    points: progress.map((value, i) => ({
      day: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      progress: value,
      health: 'on_track',
      statusCounts: { not_started: 5, in_progress: 10, completed: 8, delayed: 2, cancelled: 1 },
      late: 0,
      atRisk: 0,
      measures: [{ number: 2, progress: value === null ? null : value / 2, health: 'late', status: 'delayed' }],
    })),
  };
}
