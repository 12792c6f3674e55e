import type { AudienceCategory, EventFormat, EventStatus, EventType, IsoDate } from '@marsad/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { addDays } from '../common/time/today';
import actionPlan from '../seed/data/action-plan-2021.json';
import { demoUnit, markDemoLoaded } from '../seed/demo-seed.util';
import { DEMO_ACCOUNTS } from '../users/users.demo-seed';

const DEMO_EVENTS_KEY = 'demo_events';
const DEMO_HACKATHON_KEY = 'demo_hackathon';

interface DemoEvent {
  key: string;
  type: EventType;
  title: { ar: string; fr: string };
  /** Days before today it started (negative: in the future). */
  daysAgo: number;
  days: number;
  format: EventFormat;
  /** A region of the registry by its French name's start, or null (online). */
  region: string | null;
  /** Which officers took part: of the committee's bodies, of ministries, of one region's bodies. */
  participants: 'committee' | 'ministries' | 'region' | 'gdd' | null;
  /** Share of those officers who came. */
  turnout: number;
  others: Partial<Record<Exclude<AudienceCategory, 'officers' | 'data_managers'>, number>>;
  activityCodes: string[];
  partners: string[];
}

/** A year of the plan's events, most held, two to come. */
const EVENTS: DemoEvent[] = [
  {
    key: 'workshop-q1',
    type: 'workshop',
    title: {
      fr: 'Atelier de coordination des responsables open data : difficultés de publication',
      ar: 'ورشة تنسيق مسؤولي المعطيات المفتوحة: صعوبات النشر',
    },
    daysAgo: 330,
    days: 1,
    format: 'in_person',
    region: 'Rabat',
    participants: 'committee',
    turnout: 0.9,
    others: { civil_servants: 12 },
    activityCodes: ['4.1'],
    partners: [],
  },
  {
    key: 'training-rod-1',
    type: 'training',
    title: {
      fr: 'Formation des responsables open data à la publication sur data.gov.ma',
      ar: 'تكوين مسؤولي المعطيات المفتوحة حول النشر في بوابة data.gov.ma',
    },
    daysAgo: 300,
    days: 2,
    format: 'in_person',
    region: 'Rabat',
    participants: 'ministries',
    turnout: 0.55,
    others: {},
    activityCodes: ['8.1'],
    partners: ['École des Sciences de l’Information'],
  },
  {
    key: 'promotion-university',
    type: 'promotion',
    title: {
      fr: 'Journée des données ouvertes à l’université : étudiants et chercheurs',
      ar: 'يوم المعطيات المفتوحة بالجامعة: الطلبة والباحثون',
    },
    daysAgo: 250,
    days: 1,
    format: 'hybrid',
    region: 'Fès',
    participants: null,
    turnout: 0,
    others: { students_researchers: 180, media: 6 },
    activityCodes: ['9.1'],
    partners: ['Université Sidi Mohamed Ben Abdellah'],
  },
  {
    key: 'training-gdd',
    type: 'training',
    title: {
      fr: 'Formation des gestionnaires de données : qualité des métadonnées et formats ouverts',
      ar: 'تكوين مدبري المعطيات: جودة المعطيات الوصفية والصيغ المفتوحة',
    },
    daysAgo: 200,
    days: 2,
    format: 'online',
    region: null,
    participants: 'gdd',
    turnout: 0.5,
    others: { civil_servants: 25 },
    activityCodes: ['8.1', '8.2'],
    partners: [],
  },
  {
    key: 'workshop-q2',
    type: 'workshop',
    title: {
      fr: 'Atelier des responsables open data : inventaire et plan de publication',
      ar: 'ورشة مسؤولي المعطيات المفتوحة: الجرد ومخطط النشر',
    },
    daysAgo: 160,
    days: 1,
    format: 'hybrid',
    region: 'Rabat',
    participants: 'ministries',
    turnout: 0.4,
    others: {},
    activityCodes: ['4.1', '6.1'],
    partners: [],
  },
  {
    key: 'training-region-casa',
    type: 'training',
    title: {
      fr: 'Formation régionale open data : Casablanca-Settat',
      ar: 'تكوين جهوي حول المعطيات المفتوحة: الدار البيضاء-سطات',
    },
    daysAgo: 120,
    days: 1,
    format: 'in_person',
    region: 'Casablanca',
    participants: 'region',
    turnout: 0.7,
    others: { civil_servants: 18 },
    activityCodes: ['8.1'],
    partners: ['Conseil de la région Casablanca-Settat'],
  },
  {
    key: 'hackathon',
    type: 'hackathon',
    title: {
      fr: 'Hackathon national des données ouvertes',
      ar: 'الهاكاثون الوطني للمعطيات المفتوحة',
    },
    daysAgo: 90,
    days: 2,
    format: 'in_person',
    region: 'Rabat',
    participants: null,
    turnout: 0,
    others: { students_researchers: 96, startups_companies: 34, civil_society: 8, media: 5 },
    activityCodes: ['12.1'],
    partners: ['Technopark', 'Université Mohammed V'],
  },
  {
    key: 'promotion-startups',
    type: 'promotion',
    title: {
      fr: 'Rencontre avec les start-up : réutiliser les données publiques',
      ar: 'لقاء مع المقاولات الناشئة: إعادة استخدام المعطيات العمومية',
    },
    daysAgo: 60,
    days: 1,
    format: 'in_person',
    region: 'Casablanca',
    participants: null,
    turnout: 0,
    others: { startups_companies: 45, media: 4 },
    activityCodes: ['9.1', '11.1'],
    partners: ['Technopark'],
  },
  {
    key: 'training-region-souss',
    type: 'training',
    title: {
      fr: 'Formation régionale open data : Souss-Massa',
      ar: 'تكوين جهوي حول المعطيات المفتوحة: سوس-ماسة',
    },
    daysAgo: 25,
    days: 1,
    format: 'in_person',
    region: 'Souss',
    participants: 'region',
    turnout: 0.6,
    others: { civil_servants: 9 },
    activityCodes: ['8.1'],
    partners: [],
  },
  {
    key: 'training-next',
    type: 'training',
    title: {
      fr: 'Formation des nouveaux responsables open data',
      ar: 'تكوين مسؤولي المعطيات المفتوحة الجدد',
    },
    daysAgo: -21,
    days: 2,
    format: 'online',
    region: null,
    participants: null,
    turnout: 0,
    others: {},
    activityCodes: ['8.1'],
    partners: [],
  },
  {
    key: 'workshop-next',
    type: 'workshop',
    title: {
      fr: 'Atelier de coordination : bilan annuel du plan',
      ar: 'ورشة تنسيق: الحصيلة السنوية للمخطط',
    },
    daysAgo: -45,
    days: 1,
    format: 'in_person',
    region: 'Rabat',
    participants: null,
    turnout: 0,
    others: {},
    activityCodes: ['4.1', '13.1'],
    partners: [],
  },
];

const COMMENTS = [
  'Très utile, surtout les exercices pratiques sur le portail.',
  'Il faudrait une deuxième session pour les formats ouverts.',
  'ورشة مفيدة، نرجو تنظيم دورات جهوية أكثر.',
  'Bonne organisation, mais la salle était trop petite.',
  'أتمنى توفير العروض التقديمية بعد التكوين.',
];

/**
 * A year of the plan's events for a new installation: workshops, trainings, promotion actions and
 * a hackathon, with participants linked to the demo officers, others counted, answers to the
 * feedback form, and yearly targets. Loaded once: returns how many events, or null.
 */
export async function seedDemoEvents(dataSource: DataSource, today: IsoDate): Promise<number | null> {
  return dataSource.transaction(async (manager) => {
    if (!(await markDemoLoaded(manager, DEMO_EVENTS_KEY, { loadedOn: today }))) return null;
    const [add] = await manager.query(`SELECT id FROM institutions WHERE code = 'ADD'`);
    for (const demo of EVENTS) await seedEvent(manager, demo, today, add?.id ?? null);
    const year = Number(today.slice(0, 4));
    await manager.query(
      `INSERT INTO reach_targets (year, type, events, participants) VALUES
         ($1, 'training', 6, 250), ($1, 'workshop', 4, 150), ($1, 'promotion', 3, 400), ($1, 'hackathon', 1, 150)
       ON CONFLICT DO NOTHING`,
      [year],
    );
    return EVENTS.length;
  });
}

async function seedEvent(manager: EntityManager, demo: DemoEvent, today: IsoDate, organiserId: string | null) {
  const startsOn = addDays(today, -demo.daysAgo);
  const status: EventStatus = demo.daysAgo > 0 ? 'held' : 'planned';
  const [place] = demo.region
    ? await manager.query(
        `SELECT id FROM institutions WHERE type = 'region' AND name->>'fr' ILIKE $1 ORDER BY code LIMIT 1`,
        [`%${demo.region}%`],
      )
    : [null];
  const [event] = await manager.query(
    `INSERT INTO plan_events (type, title, starts_on, ends_on, format, place_id, online_url, organiser_id, partners,
                              audiences, capacity, status, activity_codes, is_demo)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::text[], $11, $12, $13::text[], true) RETURNING id`,
    [
      demo.type,
      JSON.stringify(demo.title),
      startsOn,
      addDays(startsOn, demo.days - 1),
      demo.format,
      place?.id ?? null,
      demo.format === 'in_person' ? null : 'https://visio.add.gov.ma/open-data',
      organiserId,
      JSON.stringify(demo.partners),
      audiencesOf(demo),
      demo.participants ? 60 : null,
      status,
      demo.activityCodes,
    ],
  );
  if (status !== 'held') return;
  if (demo.participants) {
    const officers: { id: string; institution_id: string; role: string; code: string; email: string | null }[] =
      await manager.query(
        `SELECT a.id, a.institution_id, a.role, i.code, a.email FROM officer_appointments a JOIN institutions i ON i.id = a.institution_id
        WHERE a.status IN ('active', 'interim') AND a.appointed_on <= $2::date
          AND ($1::uuid IS NULL OR true) AND cardinality($3::text[]) >= 0
          AND ${PARTICIPANT_FILTER[demo.participants]}
        ORDER BY a.id`,
        [place?.id ?? null, startsOn, COMMITTEE_CODES],
      );
    // Chosen by administration and role (not by the appointment's random id), so every installation
    // has the same participants; the demo accounts' own appointments always take part, so a person
    // trying the demo as an officer finds their trainings.
    const chosen = officers.filter(
      (o) =>
        DEMO_EMAILS.has(o.email ?? '') || demoUnit(`${demo.key}-${o.code}-${o.role}-${o.email ?? ''}`) < demo.turnout,
    );
    for (const o of chosen)
      await manager.query(
        `INSERT INTO event_participants (event_id, appointment_id, institution_id, role) VALUES ($1, $2, $3, $4)`,
        [event.id, o.id, o.institution_id, o.role],
      );
  }
  for (const [category, count] of Object.entries(demo.others))
    await manager.query(`INSERT INTO event_participant_counts (event_id, category, count) VALUES ($1, $2, $3)`, [
      event.id,
      category,
      count,
    ]);
  // Answers to the feedback form: mostly good, some lukewarm, a few comments.
  const answers = 6 + Math.round(demoUnit(`${demo.key}-answers`) * 14);
  for (let i = 0; i < answers; i++) {
    const r = demoUnit(`${demo.key}-answer-${i}`);
    const overall = r < 0.08 ? 2 : r < 0.3 ? 3 : r < 0.7 ? 4 : 5;
    await manager.query(
      `INSERT INTO event_feedback (event_id, nonce, personal, overall, content, organisation, comment, submitted_at)
       VALUES ($1, $2, false, $3, $4, $5, $6, $7::date + interval '1 day')`,
      [
        event.id,
        `ademo${demo.key}${i}`.slice(0, 64),
        overall,
        Math.min(5, overall + (r < 0.5 ? 0 : -1)) || 1,
        r < 0.2 ? null : Math.max(1, overall - (r < 0.6 ? 1 : 0)),
        i < 2 ? COMMENTS[Math.floor(demoUnit(`${demo.key}-c${i}`) * COMMENTS.length)] : null,
        addDays(startsOn, demo.days - 1),
      ],
    );
  }
}

/** Whose officers took part ($1: the place, a region; $3: the committee's member codes). */
const PARTICIPANT_FILTER: Record<NonNullable<DemoEvent['participants']>, string> = {
  committee: `i.code = ANY($3::text[])`,
  ministries: `i.type = 'ministry' AND a.role = 'ROD'`,
  region: `(i.id = $1::uuid OR i.region_code = (SELECT code FROM institutions WHERE id = $1::uuid)) AND a.role = 'ROD'`,
  gdd: `a.role = 'GDD' AND i.type IN ('ministry', 'public_institution')`,
};
const DEMO_EMAILS = new Set(DEMO_ACCOUNTS.map((account) => account.email));
const COMMITTEE_CODES = actionPlan.governance.steeringCommittee.members.map((member) => member.code);

function audiencesOf(demo: DemoEvent): AudienceCategory[] {
  const audiences: AudienceCategory[] = [];
  if (demo.participants && demo.participants !== 'gdd') audiences.push('officers');
  if (demo.participants === 'gdd') audiences.push('data_managers');
  return [...audiences, ...(Object.keys(demo.others) as AudienceCategory[])];
}

/**
 * The demo hackathon's challenges on harvested datasets, its teams and their results, and the
 * winner's project published as a reuse. Runs after the first demo harvest (it needs datasets). Once.
 */
export async function seedDemoHackathon(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const [hackathon] = await manager.query(
      `SELECT id FROM plan_events WHERE is_demo AND type = 'hackathon' ORDER BY starts_on DESC LIMIT 1`,
    );
    const datasets: { ckan_id: string }[] = await manager.query(
      `SELECT ckan_id FROM portal_datasets ORDER BY stars DESC, ckan_id LIMIT 6`,
    );
    if (!hackathon || datasets.length < 4) return false;
    if (!(await markDemoLoaded(manager, DEMO_HACKATHON_KEY, { eventId: hackathon.id }))) return false;
    const ids = datasets.map((d) => d.ckan_id);
    const challenge = async (
      title: { ar: string; fr: string },
      description: { ar: string; fr: string },
      used: string[],
    ) =>
      (
        await manager.query(
          `INSERT INTO hackathon_challenges (event_id, title, description, dataset_ids) VALUES ($1, $2::jsonb, $3::jsonb, $4::text[]) RETURNING id`,
          [hackathon.id, JSON.stringify(title), JSON.stringify(description), used],
        )
      )[0].id as string;
    const mobility = await challenge(
      { fr: 'Mieux se déplacer en ville', ar: 'تنقل أفضل في المدينة' },
      {
        fr: 'Des services qui aident les citoyens à choisir leur trajet à partir des données publiques.',
        ar: 'خدمات تساعد المواطنين على اختيار مسارهم انطلاقا من المعطيات العمومية.',
      },
      ids.slice(0, 3),
    );
    const budget = await challenge(
      { fr: 'Comprendre le budget de ma commune', ar: 'فهم ميزانية جماعتي' },
      {
        fr: 'Rendre lisibles les dépenses et recettes publiques pour tous.',
        ar: 'جعل النفقات والمداخيل العمومية مفهومة للجميع.',
      },
      ids.slice(3, 6),
    );
    const [reuse] = await manager.query(
      `INSERT INTO reuses (title, description, reuser_type, url, origin, status, dataset_ids, hackathon_event_id,
                           published_at, is_demo)
       VALUES ($1::jsonb, $2::jsonb, 'startup', 'https://trajets.example.ma', 'hackathon', 'published', $3::text[], $4,
               now(), true) RETURNING id`,
      [
        JSON.stringify({ fr: 'Trajets Maroc', ar: 'مسارات المغرب' }),
        JSON.stringify({
          fr: 'Une application qui compare les trajets en transport public à partir des données ouvertes. Projet lauréat du hackathon national.',
          ar: 'تطبيق يقارن مسارات النقل العمومي انطلاقا من المعطيات المفتوحة. المشروع الفائز في الهاكاثون الوطني.',
        }),
        ids.slice(0, 3),
        hackathon.id,
      ],
    );
    const teams: [string, number, string, string, number, number | null, string | null][] = [
      ['Trajets Maroc', 4, mobility, 'Trajets Maroc', 87.5, 1, reuse.id],
      ['Budget Clair', 5, budget, 'Budget Clair', 82, 2, null],
      ['Data Souss', 3, budget, 'Ma commune en chiffres', 74.25, 3, null],
      ['Mobilité 212', 4, mobility, 'Gare en temps réel', 68, null, null],
    ];
    for (const [name, members, challengeId, project, score, rank, reuseId] of teams)
      await manager.query(
        `INSERT INTO hackathon_teams (event_id, name, members, challenge_id, submission, score, rank, reuse_id)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
        [
          hackathon.id,
          name,
          members,
          challengeId,
          JSON.stringify({
            title: project,
            url: `https://${project.toLowerCase().replace(/[^a-z]+/g, '-')}.example.ma`,
            description: null,
          }),
          score,
          rank,
          reuseId,
        ],
      );
    return true;
  });
}
