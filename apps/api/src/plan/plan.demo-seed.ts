import type { ActivityStatus, IsoDate, LocalizedText } from '@marsad/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { addDays, daysBetween } from '../common/time/today';
import { Institution } from '../institutions/entities/institution.entity';
import { demoPdf } from '../seed/demo-pdf.util';
import { demoUnit, markDemoLoaded } from '../seed/demo-seed.util';
import actionPlan from '../seed/data/action-plan-2021.json';
import { StorageService } from '../storage/storage.service';
import { Activity } from './entities/activity.entity';
import { Evidence } from './entities/evidence.entity';
import { Measure } from './entities/measure.entity';
import { Milestone } from './entities/milestone.entity';
import { Plan } from './entities/plan.entity';
import { PlanSnapshot } from './entities/plan-snapshot.entity';
import { ProgressUpdate } from './entities/progress-update.entity';
import { replayPlan, snapshotFigures, snapshotOfPlan } from './plan-history.util';

type Profile = 'completed' | 'on_track' | 'at_risk' | 'late' | 'not_started' | 'cancelled';

// A mix that makes every status and health visible on a fresh install.
const PROFILES: Profile[] = [
  'completed',
  'on_track',
  'on_track',
  'at_risk',
  'completed',
  'late',
  'on_track',
  'not_started',
];
const CANCELLED_ACTIVITY = '5.4';

const NARRATIVES: Record<Exclude<Profile, 'not_started'>, LocalizedText[]> = {
  completed: [
    {
      fr: 'Activité achevée. Les livrables ont été validés par le comité de pilotage.',
      ar: 'تم إنجاز النشاط. صادقت لجنة القيادة على المخرجات.',
      en: 'Activity completed. The steering committee approved the deliverables.',
    },
  ],
  on_track: [
    {
      fr: 'Réunion de suivi tenue avec les services concernés ; le calendrier est respecté.',
      ar: 'عقد اجتماع للتتبع مع المصالح المعنية؛ الجدول الزمني محترم.',
      en: 'Follow-up meeting held with the departments concerned; the schedule holds.',
    },
    {
      fr: 'Les termes de référence sont rédigés et partagés avec les membres du comité.',
      ar: 'تمت صياغة دفتر التحملات وتقاسمه مع أعضاء اللجنة.',
      en: 'Terms of reference drafted and shared with the committee members.',
    },
  ],
  at_risk: [
    {
      fr: 'Avancement plus lent que prévu : les contributions de plusieurs administrations sont en attente.',
      ar: 'التقدم أبطأ من المتوقع: مساهمات عدة إدارات ما تزال في الانتظار.',
      en: 'Slower than planned: contributions from several administrations are still pending.',
    },
  ],
  late: [
    {
      fr: 'Échéance dépassée. Un plan de rattrapage sera présenté à la prochaine réunion du comité.',
      ar: 'تم تجاوز الأجل. سيعرض مخطط للتدارك خلال الاجتماع المقبل للجنة.',
      en: 'Deadline missed. A catch-up plan will be presented at the next committee meeting.',
    },
  ],
  cancelled: [
    {
      fr: 'Activité annulée par le comité de pilotage : elle est reprise dans une autre mesure.',
      ar: 'ألغت لجنة القيادة هذا النشاط: تم إدراجه ضمن إجراء آخر.',
      en: 'Cancelled by the steering committee: the work moved to another measure.',
    },
  ],
};

const MILESTONE_TITLES: Record<'kickoff' | 'review' | 'delivery', LocalizedText> = {
  kickoff: { fr: 'Lancement', ar: 'الانطلاق', en: 'Kick-off' },
  review: { fr: 'Revue à mi-parcours', ar: 'مراجعة منتصف المدة', en: 'Mid-term review' },
  delivery: { fr: 'Livraison', ar: 'التسليم', en: 'Delivery' },
};

const AUTHORS = ['Salma Bennani', 'Youssef El Idrissi', 'Nadia Alaoui', 'Karim Tazi'];

/**
 * Who leads what in the demo, spread as a real plan would among the steering committee's members
 * (and the SGG, which drafts the government's texts). The action plan names no lead: the reference
 * seed gives every measure and activity to ADD, the coordinator, until people change them; the demo
 * shows a plan whose lead filter means something. By measure, with the activities led by another.
 * Set once, when the demo is loaded: an installation whose demo was already loaded keeps its leads.
 */
export const DEMO_LEADS: Record<number, { measure: string; activities?: Record<string, string> }> = {
  // The legal framework: the ministry in charge of digital transition, the SGG for the texts.
  1: { measure: 'MTNRA', activities: { '1.1': 'SGG' } },
  // The portal: ADD runs it.
  2: { measure: 'ADD' },
  // Appointing officers in every administration: the ministry in charge of administrative reform.
  3: { measure: 'MTNRA' },
  // The network of officers: the coordinator.
  4: { measure: 'ADD' },
  // Unified reference data: the High Commission for Planning.
  5: { measure: 'HCP' },
  6: { measure: 'ADD' },
  // Publication: ADD, the telecommunications regulator for the automatic feeds.
  7: { measure: 'ADD', activities: { '7.1': 'ANRT' } },
  // Training: the ministry of digital transition, ADD runs the courses.
  8: { measure: 'MTNRA', activities: { '8.1': 'ADD' } },
  // Promoting the portal: the communication department.
  9: { measure: 'MJCC-COM' },
  // The Imtiaz award: the ministry in charge of administrative reform.
  10: { measure: 'MTNRA' },
  11: { measure: 'ADD' },
  12: { measure: 'ADD' },
  // Governance and the government's declaration: the ministry.
  13: { measure: 'MTNRA' },
};

/** The demo's lead of a measure's activity (DEMO_LEADS), or null when the table names none. */
export function demoLeadOf(measureNumber: number, activityCode: string | null): string | null {
  const entry = DEMO_LEADS[measureNumber];
  if (!entry) return null;
  return (activityCode && entry.activities?.[activityCode]) || entry.measure;
}

/**
 * Illustrative progress on the plan for a new installation: dates around today, updates,
 * milestones and evidence, every row marked as demo. Runs in the caller's transaction;
 * the keys of the files it stored are added to `storedKeys`, for removal if that rolls back.
 */
export async function seedDemoPlanProgress(
  manager: EntityManager,
  storage: StorageService,
  today: IsoDate,
  storedKeys: string[],
): Promise<void> {
  // Contributors come from the steering committee, not the territorial registry.
  const committee = await manager.getRepository(Institution).find({
    where: { code: In(actionPlan.governance.steeringCommittee.members.map((m) => m.code)) },
    order: { code: 'ASC' },
  });
  const leadCodes = [
    ...new Set(Object.values(DEMO_LEADS).flatMap((e) => [e.measure, ...Object.values(e.activities ?? {})])),
  ];
  const leads = new Map(
    (await manager.getRepository(Institution).findBy({ code: In(leadCodes) })).map((i) => [i.code, i] as const),
  );
  for (const measure of await manager.getRepository(Measure).find()) {
    const lead = leads.get(demoLeadOf(measure.number, null) ?? '');
    if (lead && measure.leadInstitutionId !== lead.id) {
      await manager.getRepository(Measure).update({ id: measure.id }, { leadInstitutionId: lead.id });
    }
  }
  const activities = await manager.getRepository(Activity).find({ relations: { measure: true } });
  activities.sort((a, b) => (a.measure?.number ?? 0) - (b.measure?.number ?? 0) || a.position - b.position);

  for (const [index, activity] of activities.entries()) {
    const profile: Profile = activity.code === CANCELLED_ACTIVITY ? 'cancelled' : PROFILES[index % PROFILES.length];
    const r = demoUnit(activity.code);
    const length = 240 + Math.round(r * 480); // 8 to 24 months
    let start: string;
    let progress: number;
    let status: ActivityStatus;
    switch (profile) {
      case 'completed':
        start = addDays(today, -(length + 60 + Math.round(r * 200)));
        progress = 100;
        status = 'completed';
        break;
      case 'on_track': {
        start = addDays(today, -Math.round(length * (0.3 + r * 0.4)));
        const elapsed = daysBetween(start, today) / length;
        progress = Math.min(95, Math.round(elapsed * 100) + 5);
        status = 'in_progress';
        break;
      }
      case 'at_risk': {
        start = addDays(today, -Math.round(length * 0.7));
        progress = 25;
        status = 'in_progress';
        break;
      }
      case 'late':
        start = addDays(today, -(length + 45));
        progress = 70 + Math.round(r * 15);
        status = 'delayed';
        break;
      case 'not_started':
        start = addDays(today, 30 + Math.round(r * 90));
        progress = 0;
        status = 'not_started';
        break;
      case 'cancelled':
        start = addDays(today, -400);
        progress = 10;
        status = 'cancelled';
        break;
    }
    const due = addDays(start, length);
    activity.startDate = start;
    activity.dueDate = due;
    activity.status = status;
    activity.progress = progress;
    // Demo figures say so: their source is `demo`, as of the demo's newest report (or today's load).
    activity.figuresSource = 'demo';
    activity.figuresAsOf = new Date();
    activity.figuresBy = null;
    const lead = leads.get(demoLeadOf(activity.measure?.number ?? 0, activity.code) ?? '');
    if (lead) activity.leadInstitutionId = lead.id;
    // ADD, the coordinator, follows every activity anyway; the lead is not its own contributor.
    activity.contributors = [committee[index % committee.length], committee[(index + 3) % committee.length]].filter(
      (institution) => institution.code !== 'ADD' && institution.id !== activity.leadInstitutionId,
    );
    await manager.save(activity);

    await seedMilestones(manager, activity, start, due, today, profile);
    if (profile !== 'not_started')
      await seedUpdates(manager, storage, activity, start, today, profile, progress, status, storedKeys);
  }
}

async function seedMilestones(
  manager: EntityManager,
  activity: Activity,
  start: IsoDate,
  due: IsoDate,
  today: IsoDate,
  profile: Profile,
): Promise<void> {
  const middle = addDays(start, Math.round(daysBetween(start, due) / 2));
  const rows = [
    { key: 'kickoff', dueDate: start, doneOn: start <= today && profile !== 'not_started' ? start : null },
    {
      key: 'review',
      dueDate: middle,
      doneOn: middle <= today && profile !== 'at_risk' && profile !== 'not_started' ? middle : null,
    },
    { key: 'delivery', dueDate: due, doneOn: profile === 'completed' ? due : null },
  ] as const;
  await manager.save(
    rows.map((row) =>
      manager.create(Milestone, {
        activityId: activity.id,
        key: row.key,
        title: MILESTONE_TITLES[row.key],
        dueDate: row.dueDate,
        doneOn: row.doneOn,
        isDemo: true,
      }),
    ),
  );
}

async function seedUpdates(
  manager: EntityManager,
  storage: StorageService,
  activity: Activity,
  start: IsoDate,
  today: IsoDate,
  profile: Exclude<Profile, 'not_started'>,
  progress: number,
  status: ActivityStatus,
  storedKeys: string[],
): Promise<void> {
  const latest =
    profile === 'completed'
      ? addDays(activity.dueDate as string, -3)
      : addDays(today, -Math.round(demoUnit(activity.id) * 20) - 2);
  const steps = [
    {
      on: addDays(start, 20),
      progress: Math.round(progress * 0.3),
      status: 'in_progress' as ActivityStatus,
      text: NARRATIVES.on_track[1],
    },
    { on: latest, progress, status, text: NARRATIVES[profile][0] },
  ].filter((step) => step.on <= today && step.on >= start);
  for (const [index, step] of steps.entries()) {
    const update = await manager.save(
      manager.create(ProgressUpdate, {
        activityId: activity.id,
        reportedOn: step.on,
        authorName: AUTHORS[(activity.position + index) % AUTHORS.length],
        status: step.status,
        progress: step.progress,
        narrative: step.text,
        state: 'validated',
        submittedAt: new Date(`${step.on}T09:00:00Z`),
        firstSubmittedAt: new Date(`${step.on}T09:00:00Z`),
        decidedAt: new Date(`${step.on}T15:00:00Z`),
        isDemo: true,
      }),
    );
    if (index === steps.length - 1) {
      await manager.save(
        manager.create(Evidence, {
          progressUpdateId: update.id,
          kind: 'link',
          title: 'data.gov.ma',
          url: 'https://www.data.gov.ma/',
          isDemo: true,
        }),
      );
      if (profile === 'completed') {
        const bytes = demoPdf(`Marsad demo - activity ${activity.code} - report`);
        const stored = await storage.put('evidence', bytes);
        storedKeys.push(stored.key);
        await manager.save(
          manager.create(Evidence, {
            progressUpdateId: update.id,
            kind: 'file',
            title: `rapport-${activity.code}.pdf`,
            storageKey: stored.key,
            contentType: 'application/pdf',
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
            isDemo: true,
          }),
        );
      }
    }
  }
}

/** How far back the demo's plan history goes. */
export const DEMO_HISTORY_DAYS = 180;
const DEMO_HISTORY_KEY = 'demo.planHistory';

/**
 * A believable past for the trend charts of a new installation: one snapshot a day for the
 * DEMO_HISTORY_DAYS before today, replayed from the demo's validated reports (progress rises in
 * steps on the days they were made), each marked as demo. Once; days already taken are kept.
 * Returns the number of snapshots written, or null when it had already run.
 */
export async function seedDemoPlanHistory(dataSource: DataSource, today: IsoDate): Promise<number | null> {
  return dataSource.transaction(async (manager) => {
    if (!(await markDemoLoaded(manager, DEMO_HISTORY_KEY, { loadedOn: today }))) return null;
    const plans = await manager.getRepository(Plan).find({
      relations: { measures: { leadInstitution: true, activities: { leadInstitution: true } } },
      relationLoadStrategy: 'query',
    });
    const reports = await manager.getRepository(ProgressUpdate).find({
      where: { state: 'validated' },
      select: { activityId: true, reportedOn: true, status: true, progress: true },
    });
    let written = 0;
    for (const plan of plans) {
      const rows = [];
      for (let back = DEMO_HISTORY_DAYS; back >= 1; back--) {
        const day = addDays(today, -back);
        const { summary, measures } = replayPlan(plan, reports, day);
        const detail = snapshotOfPlan(summary, measures, day);
        rows.push({
          planId: plan.id,
          day,
          progress: detail.progress,
          health: detail.health,
          figures: snapshotFigures(detail),
          isDemo: true,
        });
      }
      const result = await manager.createQueryBuilder().insert().into(PlanSnapshot).values(rows).orIgnore().execute();
      written += result.identifiers.filter(Boolean).length;
    }
    return written;
  });
}
