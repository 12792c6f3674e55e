import type { ActivityStatus, InstitutionRef, IsoDate, RoundFrozenFigures } from '@marsad/contracts';
import { addDays, daysBetween } from '../../common/time/today';
import { Plan } from '../../plan/entities/plan.entity';
import { replayPlan, snapshotFigures, snapshotOfPlan, type ReplayedReport } from '../../plan/plan-history.util';
import { demoLeadOf } from '../../plan/plan.demo-seed';
import type { FrozenRound } from '../../rounds/entities/reporting-round.entity';
import {
  administrationRow,
  computeStanding,
  groupStandings,
  totalOf,
  type StandingInput,
} from '../../rounds/round-standing';
import { COORDINATOR_CODE } from '../reference-seed.service';
import { at, moroccoDayOf, type NationalContext } from './national-context';
import { NATIONAL_STRUCTURE } from './national-options';
import type { StaffAccount } from './national-people';
import { BLOCKERS, NARRATIVES, RETURN_COMMENTS } from './national-vocab';

interface PlannedActivity {
  id: string;
  code: string;
  measureNumber: number;
  lead: string;
  start: IsoDate;
  due: IsoDate;
  duration: number;
  pace: number;
  cancelOn: IsoDate | null;
}

interface Round {
  no: number;
  id: string;
  opensOn: IsoDate;
  closesOn: IsoDate;
  createdOn: IsoDate;
  closedAt: string | null;
  /** Reports handed in for it. */
  reports: number;
  scope: PlannedActivity[];
}

const MONTHS = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** Relative weight of each kind of administration when drawing an activity's contributors. */
const CONTRIBUTOR_WEIGHTS: Record<string, number> = {
  ministry: 6,
  public_institution: 3,
  public_enterprise: 3,
  independent_authority: 3,
  other: 3,
  region: 5,
  province: 2,
  commune: 0.35,
};

/**
 * The plan's year: each activity gets dates, a lead (the administrations that would lead it) and
 * a pace, which fixes its status and progress on every day; contributors are drawn so that the
 * four reporting rounds owe about as many reports as are to be generated.
 */
export class NationalPlan {
  activities: PlannedActivity[] = [];
  rounds: Round[] = [];
  planId = '';
  planCode = '';

  constructor(
    private readonly ctx: NationalContext,
    private readonly coordinators: StaffAccount[],
  ) {}

  /** Status and progress of an activity on a day, from its curve. */
  figuresOn(a: PlannedActivity, day: IsoDate): { status: ActivityStatus; progress: number } {
    const cancelled = a.cancelOn !== null && day >= a.cancelOn;
    const on = cancelled ? (a.cancelOn as IsoDate) : day;
    if (on < a.start) return { status: cancelled ? 'cancelled' : 'not_started', progress: 0 };
    const elapsed = daysBetween(a.start, on);
    const progress = Math.min(100, Math.floor((100 * a.pace * elapsed) / a.duration));
    if (cancelled) return { status: 'cancelled', progress };
    if (progress >= 100) return { status: 'completed', progress: 100 };
    if (progress === 0) return { status: 'not_started', progress: 0 };
    if (on > a.due || (a.pace < 0.8 && elapsed > 0.3 * a.duration)) return { status: 'delayed', progress };
    return { status: 'in_progress', progress };
  }

  async setUp(): Promise<void> {
    const ctx = this.ctx;
    const rows: { id: string; code: string; number: number; plan_id: string; plan_code: string }[] = await ctx.query(
      `SELECT a.id, a.code, m.number, p.id AS plan_id, p.code AS plan_code
         FROM activities a JOIN measures m ON m.id = a.measure_id JOIN plans p ON p.id = m.plan_id
        ORDER BY m.number, a.position`,
    );
    if (!rows.length) throw new Error('The plan is not loaded: run the reference seed first.');
    this.planId = rows[0].plan_id;
    this.planCode = rows[0].plan_code;
    const asOf = ctx.asOf;
    const cancelled = [...rows].sort((a, b) => ctx.h(`cancel:${a.code}`) - ctx.h(`cancel:${b.code}`))[0].code;
    // Nothing is finished before the first round: every activity reports during the year.
    const firstRound = addDays(asOf, -30 - 91 * (NATIONAL_STRUCTURE.rounds - 1) - 7);
    this.activities = rows.map((row) => {
      const lead = demoLeadOf(row.number, row.code) ?? COORDINATOR_CODE;
      const start = addDays(asOf, -ctx.int(`act-start:${row.code}`, 250, 700));
      const duration = ctx.int(`act-duration:${row.code}`, 300, 1000);
      let pace = 0.55 + ctx.h(`act-pace:${row.code}`) * 0.75;
      const earliest = daysBetween(start, firstRound) + 60 + ctx.int(`act-finish:${row.code}`, 0, 200);
      if (duration / pace < earliest) pace = duration / earliest;
      const cancelOn = row.code === cancelled ? addDays(asOf, -ctx.int(`act-cancel:${row.code}`, 60, 200)) : null;
      return {
        id: row.id,
        code: row.code,
        measureNumber: row.number,
        lead: ctx.institutions.has(lead) ? lead : COORDINATOR_CODE,
        start,
        due: addDays(start, duration),
        duration,
        pace,
        cancelOn: cancelOn && cancelOn > addDays(start, 60) ? cancelOn : null,
      };
    });
    // Leads of measures and activities, dates and weights.
    for (const number of [...new Set(rows.map((r) => r.number))]) {
      const lead = demoLeadOf(number, null) ?? COORDINATOR_CODE;
      await ctx.query(`UPDATE measures SET lead_institution_id = $1 WHERE plan_id = $2 AND number = $3`, [
        ctx.institution(ctx.institutions.has(lead) ? lead : COORDINATOR_CODE).id,
        this.planId,
        number,
      ]);
    }
    await ctx.query(
      `UPDATE activities a SET lead_institution_id = x.lead, start_date = x.start, due_date = x.due, weight = x.weight
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, lead uuid, start date, due date, weight numeric) WHERE a.id = x.id`,
      [
        JSON.stringify(
          this.activities.map((a) => ({
            id: a.id,
            lead: ctx.institution(a.lead).id,
            start: a.start,
            due: a.due,
            weight: 1 + ctx.int(`act-weight:${a.code}`, 0, 2),
          })),
        ),
      ],
    );
    // Every activity's curve, day by day, for SQL to read the figures a report gives.
    const from = addDays(ctx.firstDay, -120);
    const curve: { activity_id: string; day: IsoDate; status: ActivityStatus; progress: number }[] = [];
    for (const a of this.activities)
      for (let day = from; day <= addDays(asOf, 60); day = addDays(day, 1))
        curve.push({ activity_id: a.id, day, ...this.figuresOn(a, day) });
    await ctx.query(
      `CREATE TEMP TABLE nat_curve (activity_id uuid, day date, status text, progress int, PRIMARY KEY (activity_id, day)) ON COMMIT DROP`,
    );
    await ctx.insertJson('nat_curve', curve, 5000);

    // Four rounds, a quarter apart; the last one open on the as-of day.
    const total = ctx.volumes.reports;
    const shares = [0.26, 0.26, 0.26];
    const counts = shares.map((s) => Math.floor(total * s));
    counts.push(total - counts.reduce((a, b) => a + b, 0));
    this.rounds = counts.map((reports, index) => {
      const no = index + 1;
      const opensOn = addDays(asOf, -30 - 91 * (NATIONAL_STRUCTURE.rounds - no));
      const closesOn = addDays(opensOn, 44);
      const createdOn = addDays(opensOn, -7);
      const closed = no < NATIONAL_STRUCTURE.rounds;
      return {
        no,
        id: ctx.uid(`round:${no}`),
        opensOn,
        closesOn,
        createdOn,
        closedAt: closed ? at(addDays(closesOn, 7), '17:00') : null,
        reports,
        scope: this.activities.filter((a) => !['completed', 'cancelled'].includes(this.figuresOn(a, createdOn).status)),
      };
    });
  }

  /** Contributors of each activity, sized so that the rounds owe about as many reports as are generated. */
  async drawContributors(): Promise<number> {
    const ctx = this.ctx;
    const meanScope = this.rounds.reduce((sum, r) => sum + r.scope.length, 0) / this.rounds.length || 1;
    const perRound = ctx.volumes.reports / this.rounds.length;
    const contributors = Math.max(0, Math.round(perRound / meanScope) - 1);
    await ctx.query(
      `INSERT INTO activity_contributors (activity_id, institution_id)
       SELECT x.activity_id, x.institution_id FROM (
         SELECT a.id AS activity_id, e.institution_id,
                row_number() OVER (PARTITION BY a.id
                  ORDER BY -ln(greatest(pg_temp.h('contrib:' || a.code || ':' || e.code), 1e-12)) / (($3::jsonb)->>e.type)::float8,
                           e.code) AS rank
           FROM activities a
           JOIN measures m ON m.id = a.measure_id AND m.plan_id = $1
           CROSS JOIN (SELECT DISTINCT institution_id, code, type FROM nat_appt
                        WHERE role = 'ROD' AND seq = m AND status <> 'ended' AND appointed_on <= $2::date) e
          WHERE e.institution_id IS DISTINCT FROM a.lead_institution_id AND ($3::jsonb) ? e.type
       ) x WHERE x.rank <= $4`,
      [this.planId, this.rounds[0].createdOn, JSON.stringify(CONTRIBUTOR_WEIGHTS), contributors],
    );
    return contributors;
  }

  async generateRoundsAndReports(): Promise<void> {
    const ctx = this.ctx;
    const coordinator = this.coordinators.find((c) => c.role === 'COORDINATOR') as StaffAccount;
    await ctx.insertJson(
      'reporting_rounds',
      this.rounds.map((r) => {
        const name = (locale: 'fr' | 'ar' | 'en') => {
          const month = MONTHS[locale][Number(r.opensOn.slice(5, 7)) - 1];
          const year = r.opensOn.slice(0, 4);
          return locale === 'fr'
            ? `Campagne de suivi de ${month} ${year}`
            : locale === 'ar'
              ? `حملة التتبع - ${month} ${year}`
              : `Reporting round, ${month} ${year}`;
        };
        return {
          id: r.id,
          plan_id: this.planId,
          name: { ar: name('ar'), fr: name('fr'), en: name('en') },
          opens_on: r.opensOn,
          closes_on: r.closesOn,
          closed_at: r.closedAt,
          closed_by_name: r.closedAt ? coordinator.name : null,
          frozen: null,
          created_by_user_id: coordinator.id,
          version: r.closedAt ? 2 : 1,
          created_at: at(r.createdOn, '10:00'),
        };
      }),
    );
    await ctx.insertJson(
      'reporting_round_activities',
      this.rounds.flatMap((r) => r.scope.map((a) => ({ round_id: r.id, activity_id: a.id }))),
    );
    await ctx.query(
      `CREATE TEMP TABLE nat_rounds ON COMMIT DROP AS
       SELECT x.no, x.id, x.opens_on, x.closes_on, x.closed_at, x.t,
              -- Reports may be handed in until the round is closed (late after closes_on); the open one until the as-of day.
              CASE WHEN x.closed_at IS NULL THEN least(x.closes_on, $2::date) ELSE x.closes_on END AS ontime_end
         FROM jsonb_to_recordset($1::jsonb) AS x(no int, id uuid, opens_on date, closes_on date, closed_at timestamptz, t int)`,
      [
        JSON.stringify(
          this.rounds.map((r) => ({
            no: r.no,
            id: r.id,
            opens_on: r.opensOn,
            closes_on: r.closesOn,
            closed_at: r.closedAt,
            t: r.reports,
          })),
        ),
        ctx.asOf,
      ],
    );
    // What each administration owes: a report per activity in scope that it leads or contributes to.
    await ctx.query(
      `CREATE TEMP TABLE nat_obl ON COMMIT DROP AS
       SELECT o.*, row_number() OVER (PARTITION BY o.no ORDER BY pg_temp.h('obl:' || o.no || ':' || o.acode || ':' || o.icode), o.acode, o.icode)::int AS rank
         FROM (
           SELECT r.no, r.id AS round_id, a.id AS activity_id, a.code AS acode, i.id AS institution_id, i.code AS icode
             FROM nat_rounds r
             JOIN reporting_round_activities ra ON ra.round_id = r.id
             JOIN activities a ON a.id = ra.activity_id
             CROSS JOIN LATERAL (SELECT a.lead_institution_id AS iid
                                 UNION SELECT c.institution_id FROM activity_contributors c WHERE c.activity_id = a.id) x
             JOIN institutions i ON i.id = x.iid AND i.active
         ) o`,
    );
    await ctx.query(`CREATE INDEX ON nat_obl (no, rank)`);
    await ctx.query(`ALTER TABLE nat_rounds ADD COLUMN o int, ADD COLUMN h int`);
    await ctx.query(`UPDATE nat_rounds r SET o = (SELECT count(*) FROM nat_obl b WHERE b.no = r.no)`);
    await ctx.query(`UPDATE nat_rounds SET h = greatest(1, least(o, t, ceil(t / 1.1)::int))`);
    await ctx.analyze('nat_rounds');
    const coordinatorIds = this.coordinators.filter((c) => c.role === 'COORDINATOR');
    // The reports: obligation by obligation in a drawn order, a second one for some; handed in on time
    // or late, then validated, returned (and corrected), or still waiting for a decision.
    await ctx.query(
      `CREATE TEMP TABLE nat_rep ON COMMIT DROP AS
       WITH base AS (
         SELECT r.no, r.id AS round_id, r.opens_on, r.closes_on, r.closed_at, r.ontime_end, n,
                o.activity_id, o.acode, o.institution_id, o.icode, o.rank, ((n - 1) / r.h) + 1 AS seq,
                'rep:' || r.no || ':' || n AS k, 'obl:' || r.no || ':' || o.rank AS ok
           FROM nat_rounds r
           CROSS JOIN LATERAL generate_series(1, CASE WHEN r.o > 0 THEN r.t ELSE 0 END) n
           JOIN nat_obl o ON o.no = r.no AND o.rank = ((n - 1) % r.h) + 1
       ), timed AS MATERIALIZED (
         SELECT b.*,
                least(
                  CASE WHEN b.closed_at IS NOT NULL AND pg_temp.h('late:' || b.ok) < 0.12
                       THEN b.closes_on + 1 + floor(pg_temp.h('late-d:' || b.ok) * 5)::int
                       ELSE b.opens_on + floor(pg_temp.h('day:' || b.ok) * (b.ontime_end - b.opens_on + 1))::int END
                    + (b.seq - 1) * pg_temp.ipick('again:' || b.k, 4, 12),
                  CASE WHEN b.closed_at IS NULL THEN $1::date ELSE b.closes_on + 6 END) AS day,
                to_char(time '08:00' + pg_temp.ipick('minute:' || b.k, 0, 600) * interval '1 minute', 'HH24:MI') AS hhmi,
                pg_temp.h('state:' || b.k) AS sv
           FROM base b
       ), lifecycle AS (
         SELECT t.*, pg_temp.ts(t.day, t.hhmi) AS first_at,
                CASE WHEN t.no <= 2 THEN CASE WHEN t.sv < 0.86 THEN 'validated' WHEN t.sv < 0.92 THEN 'returned' ELSE 'revised' END
                     WHEN t.closed_at IS NOT NULL THEN CASE WHEN t.sv < 0.82 THEN 'validated' WHEN t.sv < 0.88 THEN 'returned'
                                                            WHEN t.sv < 0.95 THEN 'revised' ELSE 'waiting' END
                     ELSE CASE WHEN t.sv < 0.50 THEN 'validated' WHEN t.sv < 0.58 THEN 'returned'
                               WHEN t.sv < 0.65 THEN 'revised' ELSE 'waiting' END END AS path,
                pg_temp.ipick('t1:' || t.k, 1, 8) AS d1, pg_temp.ipick('t2:' || t.k, 1, 10) AS d2, pg_temp.ipick('t3:' || t.k, 1, 8) AS d3
           FROM timed t
       ), decided AS MATERIALIZED (
         SELECT l.*,
                pg_temp.ts(l.day + l.d1, '15:00') AS t1,
                pg_temp.ts(l.day + l.d1 + l.d2, '11:00') AS t2,
                pg_temp.ts(l.day + l.d1 + l.d2 + l.d3, '15:30') AS t3
           FROM lifecycle l
       )
       SELECT d.*, pg_temp.uid('report:' || d.k) AS id,
              CASE WHEN d.path = 'waiting' OR d.t1 > $2::timestamptz THEN 'submitted'
                   WHEN d.path IN ('validated', 'returned') THEN d.path
                   WHEN d.t2 > $2::timestamptz THEN 'returned'
                   WHEN d.t3 > $2::timestamptz THEN 'submitted'
                   ELSE 'validated' END AS state,
              CASE WHEN d.path = 'revised' AND d.t2 <= $2::timestamptz THEN d.t2 ELSE d.first_at END AS submitted_at,
              CASE WHEN d.path = 'waiting' OR d.t1 > $2::timestamptz THEN NULL
                   WHEN d.path IN ('validated', 'returned') THEN d.t1
                   WHEN d.t2 > $2::timestamptz THEN d.t1
                   WHEN d.t3 > $2::timestamptz THEN d.t1
                   ELSE d.t3 END AS decided_at,
              CASE WHEN d.path = 'revised' AND d.t1 <= $2::timestamptz THEN d.t1 END AS returned_at,
              CASE WHEN d.path = 'waiting' OR d.t1 > $2::timestamptz THEN 1
                   WHEN d.path IN ('validated', 'returned') THEN 2
                   WHEN d.t2 > $2::timestamptz THEN 2
                   WHEN d.t3 > $2::timestamptz THEN 3
                   ELSE 4 END AS version,
              d.day - pg_temp.ipick('reported:' || d.k, 0, 3) AS reported_on,
              ($3::uuid[])[pg_temp.ipick('validator:' || d.k, 1, $4)] AS decider_id
         FROM decided d`,
      [ctx.asOf, ctx.asOfAt, coordinatorIds.map((c) => c.id), coordinatorIds.length],
    );
    await ctx.query(
      `ALTER TABLE nat_rep ADD COLUMN author_id uuid, ADD COLUMN author_name text, ADD COLUMN status text, ADD COLUMN progress int`,
    );
    await ctx.query(
      `UPDATE nat_rep r SET author_id = pg_temp.uid('user:' || a.akey), author_name = o.full_name->>'fr'
         FROM nat_appt a JOIN officer_appointments o ON o.id = a.id
        WHERE a.institution_id = r.institution_id AND a.role = 'ROD' AND a.seq = a.m`,
    );
    await ctx.query(
      `UPDATE nat_rep r SET status = c.status, progress = c.progress
         FROM nat_curve c WHERE c.activity_id = r.activity_id AND c.day = r.reported_on`,
    );
    await ctx.query(`CREATE INDEX ON nat_rep (round_id, activity_id, institution_id)`);
    await ctx.analyze('nat_rep');
    const decider = JSON.stringify(Object.fromEntries(coordinatorIds.map((c) => [c.id, c.name])));
    await ctx.query(
      `INSERT INTO progress_updates (id, activity_id, reported_on, author_name, author_user_id, author_institution_id, state,
          submitted_at, first_submitted_at, round_id, decided_at, decided_by_user_id, decided_by_name, return_comment, blockers,
          status, progress, narrative, is_demo, version, created_at)
       SELECT r.id, r.activity_id, r.reported_on, r.author_name, r.author_id, r.institution_id, r.state,
              r.submitted_at, r.first_at, r.round_id, r.decided_at,
              CASE WHEN r.decided_at IS NOT NULL THEN r.decider_id END,
              CASE WHEN r.decided_at IS NOT NULL THEN ($1::jsonb)->>(r.decider_id::text) END,
              CASE WHEN r.state = 'returned' OR (r.state = 'submitted' AND r.returned_at IS NOT NULL)
                   THEN pg_temp.pick('comment:' || r.k, $2::text[]) END,
              CASE WHEN pg_temp.h('blocker:' || r.k) < 0.15
                   THEN jsonb_build_array(($3::jsonb)->(pg_temp.ipick('blocker-i:' || r.k, 0, jsonb_array_length($3::jsonb) - 1))) ELSE '[]'::jsonb END,
              r.status, r.progress,
              ($4::jsonb)->(CASE WHEN r.progress >= 100 THEN 5 WHEN r.status = 'delayed' THEN 3
                                 ELSE (ARRAY[0, 1, 2, 4])[pg_temp.ipick('narrative:' || r.k, 1, 4)] END),
              false, r.version,
              r.first_at - CASE WHEN pg_temp.h('draft:' || r.k) < 0.3 THEN pg_temp.ipick('draft-h:' || r.k, 1, 30) * interval '1 hour' ELSE interval '0' END
         FROM nat_rep r ORDER BY r.no, r.n`,
      [decider, RETURN_COMMENTS, JSON.stringify(BLOCKERS), JSON.stringify(NARRATIVES)],
    );
    // The activities' official figures: the newest validated report of each (the validation rule).
    await ctx.query(
      `UPDATE activities a SET status = u.status, progress = u.progress, figures_source = 'validated',
              figures_as_of = u.decided_at, figures_by = u.decided_by_name, updated_at = u.decided_at, version = 1 + u.n
         FROM (SELECT DISTINCT ON (activity_id) activity_id, status, progress, decided_at, decided_by_name,
                      count(*) OVER (PARTITION BY activity_id)::int AS n
                 FROM progress_updates WHERE state = 'validated'
                ORDER BY activity_id, reported_on DESC, decided_at DESC) u
        WHERE u.activity_id = a.id`,
    );
    // Each concerned administration confirms its officers (its ROD) and its inventory (its GdD, else its ROD).
    await ctx.query(
      `INSERT INTO reporting_round_confirmations (id, round_id, institution_id, kind, confirmed_by_user_id, confirmed_by_name, confirmed_at)
       SELECT pg_temp.uid('confirm:' || x.no || ':' || x.icode || ':' || k.kind), x.round_id, x.institution_id, k.kind,
              pg_temp.uid('user:' || who.akey), o.full_name->>'fr',
              pg_temp.ts(x.opens_on + floor(pg_temp.h('confirm-d:' || x.no || ':' || x.icode || ':' || k.kind)
                                          * (x.ontime_end - x.opens_on + 1))::int, '16:00')
         FROM (SELECT DISTINCT b.no, b.round_id, b.institution_id, b.icode, r.opens_on, r.ontime_end, r.closed_at
                 FROM nat_obl b JOIN nat_rounds r ON r.no = b.no) x
         CROSS JOIN (VALUES ('officers'), ('inventory')) k(kind)
         CROSS JOIN LATERAL (
           SELECT a.akey, a.id FROM nat_appt a
            WHERE a.institution_id = x.institution_id AND a.seq = a.m AND a.status <> 'ended'
              AND (a.role = 'ROD' OR k.kind = 'inventory')
            ORDER BY CASE WHEN k.kind = 'inventory' AND a.role = 'GDD' THEN 0 ELSE 1 END LIMIT 1) who
         JOIN officer_appointments o ON o.id = who.id
        WHERE pg_temp.h('confirm:' || x.no || ':' || x.icode || ':' || k.kind)
              < CASE WHEN x.closed_at IS NULL THEN 0.45 ELSE 0.78 END`,
    );
  }

  /** Closed rounds keep their standing as computed at closing (the service's rule), with the plan's figures then. */
  async freezeClosedRounds(): Promise<void> {
    const ctx = this.ctx;
    const plan = await this.loadPlan();
    const reports: (Lifecycle & {
      round_id: string;
      activity_id: string;
      institution_id: string;
      id: string;
      version: number;
      state: string;
      first_at: Date;
      decided_at: Date | null;
      created_at: Date;
      reported_on: IsoDate;
      status: ActivityStatus;
      progress: number;
      return_comment: string | null;
    })[] = await ctx.query(
      `SELECT r.round_id, r.activity_id, r.institution_id, r.id, r.version, r.state, r.path, r.first_at,
              r.t1, r.t2, r.t3, r.decided_at, u.created_at, to_char(r.reported_on, 'YYYY-MM-DD') AS reported_on,
              r.status, r.progress, u.return_comment
         FROM nat_rep r JOIN progress_updates u ON u.id = r.id ORDER BY r.no, r.n`,
    );
    const validated = reports
      .filter((r) => r.state === 'validated' && r.decided_at)
      .sort((a, b) => +(a.decided_at as Date) - +(b.decided_at as Date));
    for (const round of this.rounds.filter((r) => r.closedAt)) {
      const closedAt = new Date(round.closedAt as string);
      const closingDay = moroccoDayOf(closedAt);
      const activities: StandingInput['activities'] = await ctx.query(
        `SELECT a.id, a.code, a.title, a.lead_institution_id AS "leadId",
                COALESCE(array_agg(c.institution_id) FILTER (WHERE c.institution_id IS NOT NULL), '{}') AS "contributorIds"
           FROM reporting_round_activities ra JOIN activities a ON a.id = ra.activity_id
           LEFT JOIN activity_contributors c ON c.activity_id = a.id
          WHERE ra.round_id = $1 GROUP BY a.id`,
        [round.id],
      );
      activities.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
      const ids = [
        ...new Set(activities.flatMap((a) => [a.leadId, ...a.contributorIds]).filter((id): id is string => !!id)),
      ];
      const institutions: (InstitutionRef & { id: string; regionCode: string | null })[] = await ctx.query(
        `SELECT id, code, name, type, region_code AS "regionCode" FROM institutions WHERE id = ANY($1::uuid[]) AND active`,
        [ids],
      );
      // The newest report of each administration and activity, in the state it had at closing.
      const newest = new Map<string, { report: StandingInput['reports'][number]; createdAt: Date }>();
      const firstAt = new Map<string, Date>();
      for (const r of reports.filter((x) => x.round_id === round.id)) {
        const key = `${r.activity_id}/${r.institution_id}`;
        const first = firstAt.get(key);
        if (!first || r.first_at < first) firstAt.set(key, r.first_at);
        const seen = newest.get(key);
        if (seen && r.created_at < seen.createdAt) continue;
        const state = stateAt(r, closedAt);
        newest.set(key, {
          createdAt: r.created_at,
          report: {
            id: r.id,
            version: r.version,
            activityId: r.activity_id,
            institutionId: r.institution_id,
            state,
            handedInAt: r.first_at,
            returnComment: state === 'returned' ? r.return_comment : null,
          },
        });
      }
      for (const [key, entry] of newest) entry.report.handedInAt = firstAt.get(key) as Date;
      const confirmations: StandingInput['confirmations'] = await ctx.query(
        `SELECT institution_id AS "institutionId", kind, confirmed_at AS "at", confirmed_by_name AS "by"
           FROM reporting_round_confirmations WHERE round_id = $1 AND confirmed_at <= $2`,
        [round.id, closedAt.toISOString()],
      );
      const standings = computeStanding({
        closesOn: round.closesOn,
        today: closingDay,
        activities,
        institutions: new Map(institutions.map((i) => [i.id, i])),
        reports: [...newest.values()].map((entry) => entry.report),
        confirmations,
      });
      const regions = new Map(
        [...ctx.institutions.values()]
          .filter((i) => i.type === 'region')
          .map((i) => [i.code, { code: i.code, name: i.name, type: 'region' as const }]),
      );
      const decided = validated.filter((r) => (r.decided_at as Date) <= closedAt);
      const frozen: FrozenRound = {
        tally: totalOf(standings),
        activityCount: activities.length,
        administrationCount: standings.length,
        byType: groupStandings(
          standings,
          (s) => s.institution.type,
          () => null,
        ),
        byRegion: groupStandings(
          standings,
          (s) => s.institution.regionCode ?? 'national',
          (key) => regions.get(key) ?? null,
        ),
        administrations: standings.map(administrationRow),
        figures: this.figuresAt(plan, decided, closedAt),
      };
      await ctx.query(`UPDATE reporting_rounds SET frozen = $2::jsonb WHERE id = $1`, [
        round.id,
        JSON.stringify(frozen),
      ]);
    }
  }

  /** The plan's history: one snapshot a day, replayed from the reports validated by that day. */
  async snapshots(): Promise<number> {
    const ctx = this.ctx;
    const plan = await this.loadPlan();
    const reports: (ReplayedReport & { decidedDay: IsoDate })[] = await ctx.query(
      `SELECT activity_id AS "activityId", to_char(reported_on, 'YYYY-MM-DD') AS "reportedOn", status, progress,
              to_char(pg_temp.mday(decided_at), 'YYYY-MM-DD') AS "decidedDay"
         FROM progress_updates WHERE state = 'validated' ORDER BY decided_at, id`,
    );
    const rows = [];
    for (let day = ctx.firstDay; day <= ctx.asOf; day = addDays(day, 1)) {
      const known = reports.filter((r) => r.decidedDay <= day);
      const { summary, measures } = replayPlan(plan, known, day);
      const detail = snapshotOfPlan(summary, measures, day);
      rows.push({
        id: ctx.uid(`plan-snapshot:${this.planCode}:${day}`),
        plan_id: this.planId,
        day,
        progress: detail.progress,
        health: detail.health,
        figures: snapshotFigures(detail),
        is_demo: false,
        computed_at: day === ctx.asOf ? ctx.asOfAt : at(day, '20:00'),
      });
    }
    await ctx.query(`DELETE FROM plan_snapshots WHERE plan_id = $1 AND day BETWEEN $2 AND $3`, [
      this.planId,
      ctx.firstDay,
      ctx.asOf,
    ]);
    await ctx.insertJson('plan_snapshots', rows, 100);
    return rows.length;
  }

  private figuresAt(
    plan: Plan,
    decided: {
      activity_id: string;
      reported_on: IsoDate;
      status: ActivityStatus;
      progress: number;
      decided_at: Date | null;
    }[],
    when: Date,
  ): RoundFrozenFigures {
    const day = moroccoDayOf(when);
    const replayed = decided.map((r) => ({
      activityId: r.activity_id,
      reportedOn: r.reported_on,
      status: r.status,
      progress: r.progress,
    }));
    const { summary, measures } = replayPlan(plan, replayed, day);
    const asOf = new Map<string, { reportedOn: IsoDate; at: Date }>();
    for (const r of decided) {
      const seen = asOf.get(r.activity_id);
      if (!seen || r.reported_on >= seen.reportedOn)
        asOf.set(r.activity_id, { reportedOn: r.reported_on, at: r.decided_at as Date });
    }
    return {
      frozenAt: when.toISOString(),
      planProgress: summary.progress ?? 0,
      activities: measures
        .flatMap((m) => m.activities)
        .map((a) => ({
          code: a.code,
          status: a.status,
          progress: a.progress,
          asOf: asOf.get(a.id)?.at.toISOString() ?? null,
        })),
    };
  }

  private async loadPlan(): Promise<Plan> {
    return this.ctx.runner.manager.getRepository(Plan).findOneOrFail({
      where: { id: this.planId },
      relations: { measures: { leadInstitution: true, activities: { leadInstitution: true } } },
      relationLoadStrategy: 'query',
    });
  }
}

interface Lifecycle {
  /** validated, returned, revised (returned, corrected, decided again) or waiting (never decided). */
  path: 'validated' | 'returned' | 'revised' | 'waiting';
  t1: Date;
  t2: Date;
  t3: Date;
}

/** A report's state at an instant (before the as-of instant), from its lifecycle. */
function stateAt(r: Lifecycle, when: Date): 'submitted' | 'validated' | 'returned' {
  if (r.path === 'waiting' || when < r.t1) return 'submitted';
  if (r.path === 'validated' || r.path === 'returned') return r.path;
  if (when < r.t2) return 'returned';
  return when < r.t3 ? 'submitted' : 'validated';
}
