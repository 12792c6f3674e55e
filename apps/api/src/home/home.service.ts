import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  hasPermission,
  INVENTORY_STATUSES,
  isInstitutionScoped,
  OFFICER_ROLES,
  Permission,
  type AdministrationHome,
  type CommitteeHome,
  type HomeActivity,
  type InstitutionType,
  type InventoryStatus,
  type LateActivity,
  type OfficerRole,
  type PlanDetail,
  type PlanSummary,
  type Workbench,
} from '@marsad/contracts';
import { DataSource } from 'typeorm';
import type { SignedInContext } from '../auth/actor';
import { AppException } from '../common/errors/app-exception';
import { todayInMorocco } from '../common/time/today';
import { holdsRole } from '../institutions/institutions.service';
import { MetricsQueryService } from '../metrics/metrics-query.service';
import { CoverageService } from '../officers/coverage.service';
import { daysLate } from '../plan/activity-health.util';
import { PlanBlockersService } from '../plan/plan-blockers.service';
import { PlansService } from '../plan/plans.service';
import { missedMilestones } from '../plan/missed-milestones';
import { toRunView } from '../portal/harvest-run-lifecycle.service';
import { HarvestRun } from '../portal/entities/harvest-run.entity';
import { RoundsService } from '../rounds/rounds.service';
import { PLAN_CODE } from '../seed/reference-seed.service';
import { reportingCache } from '../rounds/reporting-cache';
import { StampedCache } from '../common/cache/stamped-cache';
import { JsonBody } from '../common/http/json-body';
import { Institution } from '../institutions/entities/institution.entity';
import { ActionItemsService } from '../committee/action-items.service';
import { MeetingsService } from '../committee/meetings.service';

const LISTED = 10;
const collator = new Intl.Collator('en', { numeric: true });

function lateActivities(plan: PlanDetail, today: string): LateActivity[] {
  return plan.measures
    .flatMap((measure) => measure.activities)
    .map((a) => ({ a, daysLate: daysLate(a, today) }))
    .filter(({ daysLate }) => daysLate > 0)
    .sort((x, y) => y.daysLate - x.daysLate || collator.compare(x.a.code, y.a.code))
    .map(({ a, daysLate }) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      leadInstitution: a.leadInstitution,
      dueDate: a.dueDate,
      daysLate,
      status: a.status,
      progress: a.progress,
      provenance: a.provenance,
    }));
}

/**
 * The three homes a signed-in person lands on: an administration's ("my administration"), ADD's
 * workbench, the committee's view. Each is one request that gathers what the role needs first;
 * the detail stays on the pages each block links to.
 */
@Injectable()
export class HomeService {
  private readonly cache: StampedCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly blockers: PlanBlockersService,
    private readonly rounds: RoundsService,
    private readonly metrics: MetricsQueryService,
    private readonly coverage: CoverageService,
    private readonly actionItems: ActionItemsService,
    private readonly meetings: MeetingsService,
  ) {
    this.cache = reportingCache(dataSource);
  }

  /**
   * An administration's home (its own people, ADD, the committee), serialised and compressed once
   * while unchanged; access is checked before the cache.
   */
  async administration(caller: SignedInContext, code: string): Promise<JsonBody<AdministrationHome>> {
    const actor = caller.actor;
    const [institution] = await this.cache.get(`institution:${code}`, () =>
      this.dataSource.query('SELECT id, code, name, type FROM institutions WHERE code = $1', [code]),
    );
    if (!institution) throw AppException.notFound('institution', code);
    if (isInstitutionScoped(actor.role) && actor.institutionId !== institution.id)
      throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
    // Pending figures are the administration's own business and ADD's; the committee sees validated ones.
    const seesPending =
      actor.institutionId === institution.id || hasPermission(actor.role, Permission.ProgressValidate);
    return this.cache.get(`administration:${code}:${seesPending}`, async () =>
      JsonBody.of(await this.administrationNow(institution, seesPending)),
    );
  }

  private async administrationNow(
    institution: { id: string; code: string; name: AdministrationHome['institution']['name']; type: InstitutionType },
    seesPending: boolean,
  ): Promise<AdministrationHome> {
    const code = institution.code;
    const today = todayInMorocco();
    const [plan, roundId, officers, inventory, metrics, actionItems] = await Promise.all([
      this.plans.get(PLAN_CODE, { institution: code, involvement: 'any' }),
      this.rounds.openRoundId(),
      this.dataSource.query(
        `SELECT ${holdsRole('i', 'ROD')} AS rod, ${holdsRole('i', 'GDD')} AS gdd FROM institutions i WHERE i.id = $1`,
        [institution.id],
      ),
      this.dataSource.query(
        `SELECT status, count(*)::int AS n, max(updated_at) AS updated FROM inventory_items
          WHERE institution_id = $1 GROUP BY status`,
        [institution.id],
      ),
      this.metrics.institution(code),
      this.actionItems.ofOwner(institution.id),
    ]);
    const activities = plan.measures.flatMap((measure) => measure.activities);
    const own = seesPending
      ? await this.ownReports(
          institution.id,
          activities.map((a) => a.id),
        )
      : new Map();
    const round = roundId ? await this.rounds.checklistOf(roundId, institution as Institution) : null;
    const byStatus = Object.fromEntries(INVENTORY_STATUSES.map((s) => [s, 0])) as Record<InventoryStatus, number>;
    let updatedAt: string | null = null;
    for (const row of inventory as { status: InventoryStatus; n: number; updated: Date }[]) {
      byStatus[row.status] = row.n;
      const at = new Date(row.updated).toISOString();
      if (!updatedAt || at > updatedAt) updatedAt = at;
    }
    const holds = { ROD: !!officers[0]?.rod, GDD: !!officers[0]?.gdd } as Record<OfficerRole, boolean>;
    return {
      institution: { code: institution.code, name: institution.name, type: institution.type },
      asOf: new Date().toISOString(),
      activities: activities.map(({ contributors, ...a }): HomeActivity => ({
        ...a,
        contributorCount: contributors.length,
        involvement: a.leadInstitution?.code === code ? 'lead' : 'contributor',
        daysLate: daysLate(a, today),
        ownReport: own.get(a.id) ?? null,
      })),
      round: round && round.items.length ? round : null,
      officers: { rod: holds.ROD, gdd: holds.GDD, vacancies: OFFICER_ROLES.filter((role) => !holds[role]) },
      inventory: { items: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus, updatedAt },
      publication: {
        score: metrics.figures?.score.value ?? null,
        nationalMedian: metrics.benchmark?.nationalMedian ?? null,
        typeMedian: metrics.benchmark?.typeMedian ?? null,
        asOf: metrics.asOf,
        provenance: metrics.provenance,
      },
      actionItems,
    };
  }

  workbench(): Promise<JsonBody<Workbench>> {
    return this.cache.get('workbench', async () => JsonBody.of(await this.workbenchNow()));
  }

  committee(): Promise<JsonBody<CommitteeHome>> {
    return this.cache.get('committee', async () => JsonBody.of(await this.committeeNow()));
  }

  private async workbenchNow(): Promise<Workbench> {
    const today = todayInMorocco();
    const [queue, standing, plan, milestones, coverage, portal, lastGood, actionItems, meetings] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*)::int AS total, min(submitted_at) AS oldest FROM progress_updates WHERE state = 'submitted'`,
      ),
      this.rounds.openRoundStanding(LISTED),
      this.plans.get(PLAN_CODE, {}),
      missedMilestones(this.dataSource, today),
      this.coverage.report({}),
      this.dataSource.query(
        `SELECT count(*)::int AS organizations,
                count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM institutions i WHERE i.portal_org_name = o.name))::int AS unmapped
           FROM portal_organizations o WHERE o.removed_at IS NULL`,
      ),
      this.dataSource
        .getRepository(HarvestRun)
        .findOne({ where: { status: 'succeeded' }, order: { startedAt: 'DESC' } }),
      this.actionItems.digest(),
      this.meetings.nextAndLast(),
    ]);
    return {
      asOf: new Date().toISOString(),
      queue: {
        total: queue[0].total,
        oldestSubmittedAt: queue[0].oldest ? new Date(queue[0].oldest).toISOString() : null,
      },
      round: standing?.round ?? null,
      notReported: { total: standing?.missing.total ?? 0, items: standing?.missing.items ?? [] },
      late: lateActivities(plan, today),
      missedMilestones: milestones,
      vacancies: { total: coverage.vacancies.total, items: coverage.vacancies.items.slice(0, LISTED) },
      portal: {
        lastGoodRun: lastGood ? toRunView(lastGood) : null,
        organizations: portal[0].organizations,
        unmappedOrganizations: portal[0].unmapped,
      },
      actionItems,
      nextMeeting: meetings.next,
    };
  }

  private async committeeNow(): Promise<CommitteeHome> {
    const today = todayInMorocco();
    const [plan, blockers, coverage, national, standing, actionItems, meetings] = await Promise.all([
      this.plans.get(PLAN_CODE, {}),
      this.blockers.forPlan(PLAN_CODE),
      this.coverage.report({}),
      this.metrics.national(),
      this.rounds.openRoundStanding(0),
      this.actionItems.digest(),
      this.meetings.nextAndLast(),
    ]);
    const summary: PlanSummary = {
      code: plan.code,
      title: plan.title,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      progress: plan.progress,
      health: plan.health,
      measureCount: plan.measureCount,
      activityCount: plan.activityCount,
      statusCounts: plan.statusCounts,
      provenance: plan.provenance,
      figuresOn: plan.figuresOn,
    };
    return {
      asOf: new Date().toISOString(),
      plan: summary,
      late: lateActivities(plan, today),
      blockers,
      coverage: {
        total: coverage.total,
        withRod: coverage.withRod,
        withGdd: coverage.withGdd,
        withBoth: coverage.withBoth,
        asOf: new Date().toISOString(),
      },
      publication: {
        score: national.figures?.score.value ?? null,
        datasets: national.figures?.datasets ?? null,
        asOf: national.asOf,
        provenance: national.provenance,
      },
      round: standing?.round ?? null,
      actionItems,
      nextMeeting: meetings.next,
      lastMeeting: meetings.last,
    };
  }

  /** The administration's newest report per activity, when it is not validated yet (its self-reported figures). */
  private async ownReports(
    institutionId: string,
    activityIds: string[],
  ): Promise<Map<string, HomeActivity['ownReport']>> {
    if (!activityIds.length) return new Map();
    const rows: {
      id: string;
      activity_id: string;
      state: string;
      status: HomeActivity['status'];
      progress: number;
      submitted_at: Date | null;
      created_at: Date;
      return_comment: string | null;
      version: number;
    }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (activity_id) id, activity_id, state, status, progress, submitted_at, created_at, return_comment, version
         FROM progress_updates WHERE author_institution_id = $1 AND activity_id = ANY($2::uuid[])
        ORDER BY activity_id, created_at DESC`,
      [institutionId, activityIds],
    );
    const out = new Map<string, HomeActivity['ownReport']>();
    for (const row of rows) {
      if (row.state === 'validated') continue;
      const at = row.submitted_at ?? row.created_at;
      out.set(row.activity_id, {
        id: row.id,
        state: row.state as 'draft' | 'submitted' | 'returned',
        status: row.status,
        progress: row.progress,
        submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
        returnComment: row.state === 'returned' ? row.return_comment : null,
        version: row.version,
        provenance: { source: 'self-reported', asOf: new Date(at).toISOString(), by: null },
      });
    }
    return out;
  }
}
