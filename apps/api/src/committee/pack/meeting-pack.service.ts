import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IsoDate, Locale, MeetingPack, MeetingSummary, PackFormat, PackMeasure } from '@marsad/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { todayInMorocco } from '../../common/time/today';
import { MetricsQueryService } from '../../metrics/metrics-query.service';
import { CoverageService } from '../../officers/coverage.service';
import { missedMilestones } from '../../plan/missed-milestones';
import { PlanBlockersService } from '../../plan/plan-blockers.service';
import { PlanHistoryService } from '../../plan/plan-history.service';
import { PlansService } from '../../plan/plans.service';
import { PLAN_CODE } from '../../seed/reference-seed.service';
import { ActionItemsService } from '../action-items.service';
import { meetingDay, MeetingsService } from '../meetings.service';
import { SettingsService } from '../../settings/settings.service';
import { renderPackHtml } from './pack-html';
import { renderPackXlsx } from './pack-xlsx';
import { PdfRenderer } from './pdf-renderer';

export type PackFile =
  | { kind: 'json'; pack: MeetingPack }
  | { kind: 'file'; bytes: Buffer; contentType: string; fileName: string | null; inline: boolean };

const round1 = (value: number) => Math.round(value * 10) / 10;
const change = (now: number | null, before: number | null) =>
  now === null || before === null ? null : round1(now - before);

/**
 * The figures of a meeting pack: the plan now and at the previous meeting (from the daily
 * snapshots), what is late or at risk, missed milestones, blockers, the committee's open action
 * items, officer coverage and the national publication score, each with its change. "Now" is
 * today for a meeting to come, the meeting's day for one already past. Every figure is read
 * through the same services as the API's own pages, so the pack and the pages agree.
 */
@Injectable()
export class MeetingPackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly actionItems: ActionItemsService,
    private readonly plans: PlansService,
    private readonly history: PlanHistoryService,
    private readonly blockers: PlanBlockersService,
    private readonly coverage: CoverageService,
    private readonly metrics: MetricsQueryService,
    private readonly settings: SettingsService,
    private readonly pdf: PdfRenderer,
  ) {}

  /** The pack in one format: printable HTML, PDF (Chromium), XLSX, or its figures as JSON. */
  async render(meetingId: string, reader: Actor, format: PackFormat, lang: Locale): Promise<PackFile> {
    const pack = await this.build(meetingId, reader);
    if (format === 'json') return { kind: 'json', pack };
    const name = `marsad-comite-reunion-${pack.meeting.number}-${lang}`;
    if (format === 'xlsx')
      return {
        kind: 'file',
        bytes: await renderPackXlsx(pack, lang),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${name}.xlsx`,
        inline: false,
      };
    const html = renderPackHtml(pack, lang, await this.settings.demoLoaded());
    if (format === 'pdf')
      return {
        kind: 'file',
        bytes: await this.pdf.render(html),
        contentType: 'application/pdf',
        fileName: `${name}.pdf`,
        inline: true,
      };
    return {
      kind: 'file',
      bytes: Buffer.from(html, 'utf8'),
      contentType: 'text/html; charset=utf-8',
      fileName: null,
      inline: true,
    };
  }

  async build(meetingId: string, reader: Actor): Promise<MeetingPack> {
    const meeting = await this.meetings.get(meetingId, reader);
    const today = todayInMorocco();
    const day = meetingDay({ startsAt: new Date(meeting.startsAt) });
    const asOf = day < today ? day : today;
    const previousDay = meeting.previousMeeting
      ? meetingDay({ startsAt: new Date(meeting.previousMeeting.startsAt) })
      : null;
    const [plan, snapshotNow, snapshotBefore, blockers, coverage, national, open, missed] = await Promise.all([
      this.plans.get(PLAN_CODE, {}),
      asOf < today ? this.history.snapshotOn(PLAN_CODE, asOf) : Promise.resolve(null),
      previousDay ? this.history.snapshotOn(PLAN_CODE, previousDay) : Promise.resolve(null),
      this.blockers.forPlan(PLAN_CODE),
      this.coverage.report({}),
      this.metrics.national(),
      this.actionItems.find(this.dataSource.manager, { status: 'open' }),
      missedMilestones(this.dataSource, asOf, 50),
    ]);
    const live = snapshotNow === null;
    const activities = plan.measures.flatMap((measure) => measure.activities);
    const before = new Map((snapshotBefore?.measures ?? []).map((m) => [m.number, m.progress]));
    const nowMeasures = new Map((snapshotNow?.measures ?? []).map((m) => [m.number, m]));
    const measures: PackMeasure[] = plan.measures.map((measure) => {
      const then = nowMeasures.get(measure.number);
      const progress = live ? measure.progress : (then?.progress ?? null);
      return {
        number: measure.number,
        title: measure.title,
        progress,
        previousProgress: before.get(measure.number) ?? null,
        change: change(progress, before.get(measure.number) ?? null),
        health: live ? measure.health : (then?.health ?? null),
        daysLate: live ? measure.daysLate : 0,
      };
    });
    const planProgress = live ? plan.progress : snapshotNow.progress;
    const late = activities
      .filter((a) => a.daysLate > 0)
      .sort((a, b) => b.daysLate - a.daysLate || a.code.localeCompare(b.code, 'en', { numeric: true }))
      .map((a) => ({
        id: a.id,
        code: a.code,
        title: a.title,
        leadInstitution: a.leadInstitution,
        dueDate: a.dueDate,
        daysLate: a.daysLate,
        status: a.status,
        progress: a.progress,
        provenance: a.provenance,
      }));
    const atRisk = activities
      .filter((a) => a.health === 'at_risk')
      .map((a) => ({
        code: a.code,
        title: a.title,
        leadInstitution: a.leadInstitution,
        dueDate: a.dueDate,
        progress: a.progress,
      }));
    const [doneSince] = previousDay
      ? await this.dataSource.query(
          `SELECT count(*)::int AS n FROM committee_action_items
            WHERE status = 'done' AND (closed_at AT TIME ZONE 'Africa/Casablanca')::date >= $1`,
          [previousDay],
        )
      : [{ n: 0 }];
    const previousCoverage = previousDay ? await this.coverageOn(previousDay) : null;
    const previousScore = previousDay ? await this.nationalScoreOn(previousDay) : null;
    const score = national.figures?.score.value ?? null;
    return {
      meeting: { ...summaryOf(meeting), agenda: meeting.agenda },
      producedAt: new Date().toISOString(),
      asOf,
      figuresFrom: live ? 'live' : 'snapshot',
      previous:
        meeting.previousMeeting && previousDay
          ? {
              number: meeting.previousMeeting.number,
              startsAt: meeting.previousMeeting.startsAt,
              day: previousDay,
              snapshotDay: snapshotBefore?.day ?? null,
            }
          : null,
      plan: {
        progress: planProgress,
        previousProgress: snapshotBefore?.progress ?? null,
        change: change(planProgress, snapshotBefore?.progress ?? null),
        health: live ? plan.health : snapshotNow.health,
        late: live ? late.length : snapshotNow.late,
        atRisk: live ? atRisk.length : snapshotNow.atRisk,
        provenance: plan.provenance,
      },
      measures,
      late,
      atRisk,
      missedMilestones: missed,
      blockers: blockers.byCategory,
      actionItems: { open, overdue: open.filter((item) => item.overdue).length, doneSincePrevious: doneSince.n },
      coverage: {
        total: coverage.total,
        withRod: coverage.withRod,
        withGdd: coverage.withGdd,
        withBoth: coverage.withBoth,
        previousWithRod: previousCoverage?.withRod ?? null,
        previousWithGdd: previousCoverage?.withGdd ?? null,
      },
      publication: {
        score,
        previousScore,
        change: change(score, previousScore),
        datasets: national.figures?.datasets ?? null,
        asOf: national.asOf,
        provenance: national.provenance,
      },
    };
  }

  /** Administrations that had a ROD (a GdD) appointed and not yet ended on `day`. */
  private async coverageOn(day: IsoDate): Promise<{ withRod: number; withGdd: number }> {
    const [row] = await this.dataSource.query(
      `WITH held AS (
         SELECT DISTINCT a.institution_id, a.role FROM officer_appointments a JOIN institutions i ON i.id = a.institution_id
          WHERE i.active AND a.appointed_on <= $1 AND (a.ended_on IS NULL OR a.ended_on > $1))
       SELECT count(*) FILTER (WHERE role = 'ROD')::int AS rod, count(*) FILTER (WHERE role = 'GDD')::int AS gdd FROM held`,
      [day],
    );
    return { withRod: row.rod, withGdd: row.gdd };
  }

  /** The national publication score of the newest snapshot on or before `day`. */
  private async nationalScoreOn(day: IsoDate): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `SELECT score FROM metric_snapshots WHERE institution_id IS NULL AND day <= $1 ORDER BY day DESC LIMIT 1`,
      [day],
    );
    return row?.score === undefined || row.score === null ? null : Number(row.score);
  }
}

function summaryOf(meeting: MeetingSummary): MeetingSummary {
  return {
    id: meeting.id,
    number: meeting.number,
    startsAt: meeting.startsAt,
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
    status: meeting.status,
    minutesState: meeting.minutesState,
    agendaCount: meeting.agendaCount,
    decisionCount: meeting.decisionCount,
    presentCount: meeting.presentCount,
    expectedCount: meeting.expectedCount,
    version: meeting.version,
  };
}
