import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EVENT_TYPE_MEASURE,
  type ActionItemStatus,
  type Blocker,
  type EventType,
  type LocalizedText,
  type OpenDataSource,
  type OpenDatasetId,
  type PartialLocalizedText,
  type ReachShare,
} from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { daysOverdue, actionItemReference } from '../committee/committee-rules';
import { todayInMorocco } from '../common/time/today';
import { ReachService } from '../events/reach.service';
import { MetricsQueryService } from '../metrics/metrics-query.service';
import { CoverageService } from '../officers/coverage.service';
import { PlansService } from '../plan/plans.service';
import type { ReuseQueryDto } from '../reuses/dto/reuses.dto';
import { ReusesService } from '../reuses/reuses.service';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** The most rows one download holds; far above what any of these tables reaches. */
const MAX_ROWS = 100_000;

const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();
const share = (part: number, total: number): number | null => (total ? Math.round((1000 * part) / total) / 10 : null);
const round2 = (value: number | string | null): number | null =>
  value === null ? null : Math.round(Number(value) * 100) / 100;
const text = (value: PartialLocalizedText | null | undefined, locale: keyof LocalizedText): string =>
  value?.[locale] ?? '';

/**
 * The rows of each open dataset, read from the services the public pages use (plan, scores,
 * coverage, reach, reuses) or, where no public read exists yet, from the tables with the same
 * rules: validated reports only, decisions of approved minutes only, no person's name or contact.
 * `modified` is the dataset's newest change: the "as of" of figures that are counts of the data now.
 */
@Injectable()
export class OpenDataTablesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly metrics: MetricsQueryService,
    private readonly coverage: CoverageService,
    private readonly reach: ReachService,
    private readonly reuses: ReusesService,
  ) {}

  rows(id: OpenDatasetId, modified: string | null): Promise<Row[]> {
    switch (id) {
      case 'plan-measures':
        return this.planMeasures();
      case 'plan-activities':
        return this.planActivities();
      case 'plan-progress-history':
        return this.progressHistory();
      case 'publication-scores':
        return this.publicationScores();
      case 'officer-coverage':
        return this.officerCoverage(modified);
      case 'events':
        return this.events();
      case 'events-reach':
        return this.eventsReach(modified);
      case 'reuses':
        return this.publishedReuses();
      case 'committee-decisions':
        return this.committeeDecisions();
      case 'committee-action-items':
        return this.committeeActionItems();
    }
  }

  /** Every plan's measures and activities as built for today (the plan page's own figures). */
  private async builtPlans() {
    const summaries = await this.plans.list();
    return Promise.all(summaries.map((summary) => this.plans.current(summary.code)));
  }

  private async planMeasures(): Promise<Row[]> {
    const rows: Row[] = [];
    for (const { summary, measures } of await this.builtPlans()) {
      for (const m of measures) {
        const newest = m.activities.reduce<string | null>((n, a) => (!n || a.updatedAt > n ? a.updatedAt : n), null);
        rows.push({
          plan: summary.code,
          measure: m.number,
          title_fr: m.title.fr,
          title_ar: m.title.ar,
          title_en: m.title.en ?? '',
          lead: m.leadInstitution?.code ?? null,
          weight: m.weight,
          status: m.status,
          progress: m.progress,
          health: m.health,
          activities: m.activities.length,
          completed: m.statusCounts.completed,
          overdue_since: m.overdueSince,
          days_late: m.daysLate,
          next_due_date: m.nextDueDate,
          figures_on: summary.figuresOn,
          source: m.provenance.source,
          as_of: m.provenance.asOf ?? newest,
        });
      }
    }
    return rows;
  }

  private async planActivities(): Promise<Row[]> {
    const rows: Row[] = [];
    for (const { summary, measures } of await this.builtPlans()) {
      for (const a of measures.flatMap((m) => m.activities)) {
        rows.push({
          plan: summary.code,
          measure: a.measureNumber,
          activity: a.code,
          title_fr: a.title.fr,
          title_ar: a.title.ar,
          title_en: a.title.en ?? '',
          lead: a.leadInstitution?.code ?? null,
          contributors: a.contributors.map((c) => c.code).join(' '),
          start_date: a.startDate,
          due_date: a.dueDate,
          weight: a.weight,
          status: a.status,
          progress: a.progress,
          health: a.health,
          days_late: a.daysLate,
          figures_on: summary.figuresOn,
          source: a.provenance.source,
          as_of: a.provenance.asOf ?? a.updatedAt,
        });
      }
    }
    return rows;
  }

  /** Validated reports only: drafts, submitted and returned ones are the administrations' and ADD's. */
  private async progressHistory(): Promise<Row[]> {
    const rows: {
      plan: string;
      measure: number;
      activity: string;
      reported_on: string;
      status: string;
      progress: number;
      reported_by: string | null;
      blockers: Blocker[] | null;
      narrative: PartialLocalizedText | null;
      decided_at: Date | string | null;
      is_demo: boolean;
    }[] = await this.dataSource.query(
      `SELECT p.code AS plan, m.number AS measure, a.code AS activity, to_char(u.reported_on, 'YYYY-MM-DD') AS reported_on,
              u.status, u.progress, i.code AS reported_by, u.blockers, u.narrative, u.decided_at, u.is_demo
         FROM progress_updates u
         JOIN activities a ON a.id = u.activity_id
         JOIN measures m ON m.id = a.measure_id
         JOIN plans p ON p.id = m.plan_id
         LEFT JOIN institutions i ON i.id = u.author_institution_id
        WHERE u.state = 'validated'
        ORDER BY u.reported_on, u.decided_at, p.code, m.number, a.position
        LIMIT ${MAX_ROWS}`,
    );
    return rows.map((r) => ({
      plan: r.plan,
      measure: r.measure,
      activity: r.activity,
      reported_on: r.reported_on,
      status: r.status,
      progress: r.progress,
      reported_by: r.reported_by,
      blockers: [...new Set((r.blockers ?? []).map((b) => b.category))].join(' '),
      narrative_fr: text(r.narrative, 'fr'),
      narrative_ar: text(r.narrative, 'ar'),
      source: (r.is_demo ? 'demo' : 'validated') satisfies OpenDataSource,
      as_of: iso(r.decided_at),
    }));
  }

  /** The ranking as the rankings page shows it, with the snapshot's harvest as its provenance. */
  private async publicationScores(): Promise<Row[]> {
    const [snapshot]: { day: string; computed_at: Date | string; trigger: string | null; portal_url: string | null }[] =
      await this.dataSource.query(
        `SELECT to_char(s.day, 'YYYY-MM-DD') AS day, s.computed_at, r.trigger, r.portal_url
           FROM metric_snapshots s LEFT JOIN harvest_runs r ON r.id = s.run_id
          WHERE s.institution_id IS NULL ORDER BY s.day DESC LIMIT 1`,
      );
    if (!snapshot) return [];
    const source: OpenDataSource = snapshot.trigger === 'demo' || snapshot.portal_url === 'demo' ? 'demo' : 'automated';
    const ranking = await this.metrics.rankings({ page: 1, pageSize: 5000 });
    return ranking.items.map((entry) => ({
      day: snapshot.day,
      rank: entry.rank,
      tied: entry.tied,
      code: entry.institution.code,
      name_fr: entry.institution.name.fr,
      name_ar: entry.institution.name.ar,
      type: entry.institution.type,
      region: entry.regionCode,
      score: entry.score,
      datasets: entry.datasets,
      mean_stars: entry.meanStars,
      completeness: entry.completeness,
      up_to_date: entry.upToDateShare,
      source,
      as_of: iso(snapshot.computed_at),
    }));
  }

  /** Counts of administrations, never officers: the coverage page's figures. */
  private async officerCoverage(modified: string | null): Promise<Row[]> {
    const report = await this.coverage.report({});
    const counts = (c: { total: number; withRod: number; withGdd: number; withBoth: number }) => ({
      administrations: c.total,
      with_rod: c.withRod,
      with_gdd: c.withGdd,
      with_both: c.withBoth,
      share_both: share(c.withBoth, c.total),
      source: 'recorded' satisfies OpenDataSource,
      as_of: modified,
    });
    return [
      { group: 'all', code: '', name_fr: '', name_ar: '', ...counts(report) },
      ...report.byType.map((t) => ({ group: 'type', code: t.type, name_fr: '', name_ar: '', ...counts(t) })),
      ...report.byRegion.map((r) => ({
        group: 'region',
        code: r.region.code,
        name_fr: r.region.name.fr,
        name_ar: r.region.name.ar,
        ...counts(r),
      })),
    ];
  }

  /** Each event with counts and mean satisfaction: no participant, no comment. */
  private async events(): Promise<Row[]> {
    const rows: {
      id: string;
      type: EventType;
      title: PartialLocalizedText;
      starts_on: string;
      ends_on: string;
      format: string;
      status: string;
      organiser: string | null;
      place: string | null;
      audiences: string[];
      activity_codes: string[];
      is_demo: boolean;
      updated_at: Date | string;
      registered: number;
      counted: number;
      responses: number;
      overall: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.id, e.type, e.title, to_char(e.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(e.ends_on, 'YYYY-MM-DD') AS ends_on,
              e.format, e.status, o.code AS organiser, pl.code AS place, e.audiences, e.activity_codes, e.is_demo, e.updated_at,
              (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id)::int AS registered,
              coalesce((SELECT sum(c.count) FROM event_participant_counts c WHERE c.event_id = e.id), 0)::int AS counted,
              f.responses, f.overall
         FROM plan_events e
         LEFT JOIN institutions o ON o.id = e.organiser_id
         LEFT JOIN institutions pl ON pl.id = e.place_id
         LEFT JOIN LATERAL (SELECT count(*)::int AS responses, avg(overall) AS overall
                              FROM event_feedback WHERE event_id = e.id) f ON true
        ORDER BY e.starts_on, e.id
        LIMIT ${MAX_ROWS}`,
    );
    return rows.map((e) => ({
      id: e.id,
      type: e.type,
      measure: EVENT_TYPE_MEASURE[e.type] ?? null,
      title_fr: text(e.title, 'fr'),
      title_ar: text(e.title, 'ar'),
      starts_on: e.starts_on,
      ends_on: e.ends_on,
      format: e.format,
      status: e.status,
      organiser: e.organiser,
      place: e.place,
      audiences: (e.audiences ?? []).join(' '),
      registered_participants: e.registered,
      other_participants: e.counted,
      participants: e.registered + e.counted,
      feedback_responses: e.responses,
      satisfaction: round2(e.overall),
      activities: (e.activity_codes ?? []).join(' '),
      source: (e.is_demo ? 'demo' : 'recorded') satisfies OpenDataSource,
      as_of: iso(e.updated_at),
    }));
  }

  /** The reach page's aggregates, one indicator a row (long format). */
  private async eventsReach(modified: string | null): Promise<Row[]> {
    const reach = await this.reach.reach();
    const period = `${reach.since}/${todayInMorocco(new Date(reach.asOf))}`;
    const provenance = { source: reach.source satisfies OpenDataSource, as_of: modified };
    const rows: Row[] = [];
    const trained = (dimension: string, group: string, shares: { rod: ReachShare; gdd: ReachShare }) => {
      for (const [role, s] of [
        ['ROD', shares.rod],
        ['GDD', shares.gdd],
      ] as const)
        rows.push({
          indicator: `trained_${role.toLowerCase()}`,
          period,
          dimension,
          group,
          value: s.trained,
          total: s.total,
          share: s.share,
          ...provenance,
        });
    };
    trained('all', '', reach.trained);
    for (const t of reach.byType) trained('institution_type', t.type, t);
    for (const r of reach.byRegion) trained('region', r.region?.code ?? '', r);
    rows.push({
      indicator: 'never_reached',
      period: '',
      dimension: 'all',
      group: '',
      value: reach.neverReached.total,
      total: null,
      share: null,
      ...provenance,
    });
    for (const q of reach.byQuarter)
      rows.push({
        indicator: 'participants',
        period: q.quarter,
        dimension: 'audience',
        group: q.category,
        value: q.count,
        total: null,
        share: null,
        ...provenance,
      });
    for (const e of reach.eventsByType) {
      const base = { period: '', dimension: 'event_type', group: e.type, total: null, share: null, ...provenance };
      rows.push({ indicator: 'events_held', value: e.held, ...base });
      rows.push({ indicator: 'events_planned', value: e.planned, ...base });
      rows.push({ indicator: 'participants_held_events', value: e.participants, ...base });
      rows.push({
        indicator: 'satisfaction',
        value: e.satisfaction.overall,
        ...base,
        total: e.satisfaction.responses,
      });
    }
    for (const t of reach.targets) {
      const base = { period: String(t.year), dimension: 'event_type', group: t.type, ...provenance };
      rows.push({
        indicator: 'target_events',
        value: t.events.actual,
        total: t.events.target,
        share: t.events.target ? share(t.events.actual, t.events.target) : null,
        ...base,
      });
      rows.push({
        indicator: 'target_participants',
        value: t.participants.actual,
        total: t.participants.target,
        share: t.participants.target ? share(t.participants.actual, t.participants.target) : null,
        ...base,
      });
    }
    return rows;
  }

  /** The showcase as an anonymous visitor sees it: published reuses, never the proposer's contact. */
  private async publishedReuses(): Promise<Row[]> {
    const page = await this.reuses.list({ page: 1, pageSize: MAX_ROWS } as ReuseQueryDto, null);
    return page.items
      .filter((r) => r.status === 'published')
      .map((r) => ({
        id: r.id,
        title_fr: text(r.title, 'fr'),
        title_ar: text(r.title, 'ar'),
        description_fr: text(r.description, 'fr'),
        description_ar: text(r.description, 'ar'),
        reuser_type: r.reuserType,
        origin: r.origin,
        url: r.url,
        datasets: r.datasets.map((d) => d.name).join(' '),
        themes: r.themes.join(' '),
        administrations: r.institutions.map((i) => i.code).join(' '),
        published_at: r.publishedAt,
        source: (r.isDemo ? 'demo' : 'recorded') satisfies OpenDataSource,
        as_of: r.publishedAt,
      }));
  }

  /** Decisions of meetings whose minutes are approved: a draft's decisions may still change. */
  private async committeeDecisions(): Promise<Row[]> {
    const rows: {
      meeting: number;
      starts_at: Date | string;
      decision: number;
      decided_on: string;
      text: PartialLocalizedText;
      measure_numbers: number[];
      activity_codes: string[];
      minutes_approved_at: Date | string;
      demo: boolean;
    }[] = await this.dataSource.query(
      `SELECT m.number AS meeting, m.starts_at, d.number AS decision, to_char(d.decided_on, 'YYYY-MM-DD') AS decided_on,
              d.text, d.measure_numbers, d.activity_codes, m.minutes_approved_at, (d.is_demo OR m.is_demo) AS demo
         FROM committee_decisions d JOIN committee_meetings m ON m.id = d.meeting_id
        WHERE m.minutes_state = 'approved'
        ORDER BY m.number, d.number
        LIMIT ${MAX_ROWS}`,
    );
    return rows.map((d) => ({
      reference: `R${d.meeting}-D${d.decision}`,
      meeting: d.meeting,
      meeting_date: todayInMorocco(new Date(d.starts_at)),
      decision: d.decision,
      decided_on: d.decided_on,
      text_fr: text(d.text, 'fr'),
      text_ar: text(d.text, 'ar'),
      measures: (d.measure_numbers ?? []).join(' '),
      activities: (d.activity_codes ?? []).join(' '),
      minutes_approved_on: todayInMorocco(new Date(d.minutes_approved_at)),
      source: (d.demo ? 'demo' : 'recorded') satisfies OpenDataSource,
      as_of: iso(d.minutes_approved_at),
    }));
  }

  /** Their action items, owned by administrations; the person named inside one is left out. */
  private async committeeActionItems(): Promise<Row[]> {
    const today = todayInMorocco();
    const rows: {
      meeting: number;
      decision: number;
      item: number;
      text: PartialLocalizedText;
      owner: string;
      owner_name: LocalizedText;
      due_on: string;
      status: ActionItemStatus;
      closed_at: Date | string | null;
      updated_at: Date | string;
      demo: boolean;
    }[] = await this.dataSource.query(
      `SELECT m.number AS meeting, d.number AS decision, i.number AS item, i.text, o.code AS owner, o.name AS owner_name,
              to_char(i.due_on, 'YYYY-MM-DD') AS due_on, i.status, i.closed_at, i.updated_at,
              (i.is_demo OR m.is_demo) AS demo
         FROM committee_action_items i
         JOIN committee_decisions d ON d.id = i.decision_id
         JOIN committee_meetings m ON m.id = d.meeting_id
         JOIN institutions o ON o.id = i.owner_institution_id
        WHERE m.minutes_state = 'approved'
        ORDER BY m.number, d.number, i.number
        LIMIT ${MAX_ROWS}`,
    );
    return rows.map((i) => ({
      reference: actionItemReference(i.meeting, i.decision, i.item),
      meeting: i.meeting,
      decision: i.decision,
      text_fr: text(i.text, 'fr'),
      text_ar: text(i.text, 'ar'),
      owner: i.owner,
      owner_name_fr: i.owner_name?.fr ?? '',
      owner_name_ar: i.owner_name?.ar ?? '',
      due_on: i.due_on,
      status: i.status,
      closed_on: i.closed_at ? todayInMorocco(new Date(i.closed_at)) : null,
      days_overdue: daysOverdue({ status: i.status, dueOn: i.due_on }, today),
      source: (i.demo ? 'demo' : 'recorded') satisfies OpenDataSource,
      as_of: iso(i.updated_at),
    }));
  }
}
