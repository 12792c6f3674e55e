import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  hasPermission,
  isInstitutionScoped,
  Permission,
  type InstitutionRef,
  type Page,
  type ReportingRoundDetail,
  type ReportingRoundView,
  type RoundAdministrationRow,
  type RoundChecklist,
  type RoundFrozenFigures,
  type RoundState,
} from '@marsad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffOf } from '../audit/audit.service';
import type { Actor, SignedInContext } from '../auth/actor';
import { AppException } from '../common/errors/app-exception';
import { daysBetween, todayInMorocco } from '../common/time/today';
import { Institution } from '../institutions/entities/institution.entity';
import { Activity } from '../plan/entities/activity.entity';
import { Plan } from '../plan/entities/plan.entity';
import { PlansService } from '../plan/plans.service';
import type {
  CloseRoundDto,
  ConfirmDto,
  CreateRoundDto,
  RoundAdministrationQueryDto,
  UpdateRoundDto,
} from './dto/rounds.dto';
import { StampedCache } from '../common/cache/stamped-cache';
import { JsonBody } from '../common/http/json-body';
import { reportingInstitutionId } from './hand-in';
import { reportingCache } from './reporting-cache';
import { ReportingRound, type FrozenRound } from './entities/reporting-round.entity';
import { RoundConfirmation } from './entities/round-confirmation.entity';
import {
  administrationRow,
  computeStanding,
  groupStandings,
  totalOf,
  type AdministrationStanding,
  type StandingInput,
} from './round-standing';
import { NotificationsService } from '../notifications/notifications.service';
import { officerAccounts } from '../notifications/recipients';

/** Round dates are days in Morocco; a round closed early ends on the day it was closed. */
const ROUND_END_SQL = `LEAST(r.closes_on, COALESCE((r.closed_at AT TIME ZONE 'Africa/Casablanca')::date, r.closes_on))`;
const collator = new Intl.Collator('en', { numeric: true });
const byCode = (a: { code: string }, b: { code: string }) => collator.compare(a.code, b.code);

interface LiveStanding {
  standings: AdministrationStanding[];
  activities: StandingInput['activities'];
}

/**
 * Reporting rounds: what each administration owes in a window, and where it stands. Everything is
 * computed from the reports tied to the round (see `markHandedIn`) and the confirmations; closing
 * a round stores the result (`frozen`) with the plan's validated figures as they stood.
 */
@Injectable()
export class RoundsService {
  private readonly cache: StampedCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly plans: PlansService,
    private readonly notifications: NotificationsService,
  ) {
    this.cache = reportingCache(dataSource);
  }

  list(): Promise<ReportingRoundView[]> {
    return this.cache.get('rounds', () => this.listNow());
  }

  private async listNow(): Promise<ReportingRoundView[]> {
    const rounds = await this.dataSource
      .getRepository(ReportingRound)
      .find({ relations: { plan: true }, order: { opensOn: 'DESC' } });
    // A closed round's standing is frozen: only open ones are computed.
    return Promise.all(
      rounds.map(async (round) =>
        this.view(round, round.frozen ? null : await this.live(this.dataSource.manager, round)),
      ),
    );
  }

  /** The round open today (the newest, should an older one still wait to be closed), if any. */
  async openRoundId(): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT id FROM reporting_rounds WHERE closed_at IS NULL AND opens_on <= $1 ORDER BY opens_on DESC LIMIT 1`,
      [todayInMorocco()],
    );
    return row?.id ?? null;
  }

  /** The open round's standing and who still owes something (the least complete first). */
  async openRoundStanding(
    limit: number,
  ): Promise<{ round: ReportingRoundView; missing: Page<RoundAdministrationRow> } | null> {
    const id = await this.openRoundId();
    if (!id) return null;
    const round = await this.find(this.dataSource.manager, id);
    const live = await this.live(this.dataSource.manager, round);
    const rows = live.standings
      .map(administrationRow)
      .filter((row) => row.tally.missing > 0)
      .sort((a, b) => a.tally.completion - b.tally.completion || byCode(a.institution, b.institution));
    return {
      round: this.view(round, live),
      missing: { items: rows.slice(0, limit), total: rows.length, page: 1, pageSize: limit },
    };
  }

  /** A round's standing, serialised and compressed once while unchanged. */
  get(id: string): Promise<JsonBody<ReportingRoundDetail>> {
    return this.cache.get(`round:${id}`, async () => JsonBody.of(await this.getNow(id)));
  }

  private async getNow(id: string): Promise<ReportingRoundDetail> {
    const round = await this.find(this.dataSource.manager, id);
    const live = await this.live(this.dataSource.manager, round);
    return this.labelled(this.dataSource.manager, this.detail(round, live));
  }

  async administrations(id: string, query: RoundAdministrationQueryDto): Promise<Page<RoundAdministrationRow>> {
    const filtered = await this.cache.get(
      `rows:${id}:${query.filter ?? ''}:${query.type ?? ''}:${query.region ?? ''}`,
      async () => {
        const round = await this.find(this.dataSource.manager, id);
        const rows = round.frozen
          ? round.frozen.administrations
          : (await this.live(this.dataSource.manager, round)).standings.map(administrationRow);
        return (
          rows
            .filter((row) => {
              if (query.type && row.institution.type !== query.type) return false;
              if (query.region && (row.regionCode ?? 'national') !== query.region) return false;
              const t = row.tally;
              if (query.filter === 'missing') return t.missing > 0;
              if (query.filter === 'late') return t.late > 0;
              if (query.filter === 'returned') return t.returned > 0;
              if (query.filter === 'complete') return t.missing === 0 && t.returned === 0;
              return true;
            })
            // Who needs chasing first: the least complete, then by code.
            .sort((a, b) => a.tally.completion - b.tally.completion || byCode(a.institution, b.institution))
        );
      },
    );
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    return { items: filtered.slice((page - 1) * pageSize, page * pageSize), total: filtered.length, page, pageSize };
  }

  /** A page of the same, serialised and compressed once while unchanged. */
  administrationsBody(id: string, query: RoundAdministrationQueryDto): Promise<JsonBody<Page<RoundAdministrationRow>>> {
    const key = [query.filter, query.type, query.region, query.page, query.pageSize].map((v) => v ?? '').join(':');
    return this.cache.get(`page:${id}:${key}`, async () => JsonBody.of(await this.administrations(id, query)));
  }

  /** One administration's checklist; an administration's people see only their own. */
  async checklist(caller: SignedInContext, id: string, code: string): Promise<RoundChecklist> {
    const institution = await this.dataSource.getRepository(Institution).findOneBy({ code });
    if (!institution) throw AppException.notFound('institution', code);
    assertMayReadChecklist(caller.actor, institution.id);
    return this.checklistOf(id, institution);
  }

  /** An administration's checklist, for a caller already allowed to read it. */
  checklistOf(id: string, institution: Institution): Promise<RoundChecklist> {
    return this.cache.get(`checklist:${id}:${institution.id}`, () => this.checklistNow(id, institution));
  }

  private async checklistNow(id: string, institution: Institution): Promise<RoundChecklist> {
    const manager = this.dataSource.manager;
    const round = await this.find(manager, id);
    const code = institution.code;
    const live = await this.live(manager, round, institution.id);
    const standing = live.standings.find((s) => s.institution.id === institution.id);
    const ref: InstitutionRef = { code: institution.code, name: institution.name, type: institution.type };
    const frozenRow = round.frozen?.administrations.find((row) => row.institution.code === code);
    return {
      round: this.view(round, live),
      institution: ref,
      // A closed round's standing is the one frozen at closing; the items show each report as it is now.
      tally: frozenRow?.tally ?? standing?.tally ?? totalOf([]),
      items: standing?.items ?? [],
    };
  }

  create(caller: SignedInContext, dto: CreateRoundDto): Promise<ReportingRoundDetail> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.lockPlan(manager, dto.planCode);
      checkDates(dto.opensOn, dto.closesOn, { closesOnNotPast: true });
      await this.assertNoOverlap(manager, plan.id, null, dto.opensOn, dto.closesOn);
      const activities = await this.scope(manager, plan.id, dto.activityIds);
      const round = manager.create(ReportingRound, {
        planId: plan.id,
        name: trimName(dto.name),
        opensOn: dto.opensOn,
        closesOn: dto.closesOn,
        closedAt: null,
        closedByName: null,
        frozen: null,
        activities,
        createdByUserId: caller.actor.userId,
      });
      await manager.save(round);
      await this.announceOpening(manager, round.id);
      await this.audit.record(manager, caller, {
        action: 'round.create',
        entityType: 'reporting_round',
        entityId: round.id,
        diff: diffOf(null, {
          name: round.name,
          opensOn: round.opensOn,
          closesOn: round.closesOn,
          activities: activities.map((a) => a.code).sort(collator.compare),
        }),
      });
      return this.detailOf(manager, round);
    });
  }

  update(caller: SignedInContext, id: string, dto: UpdateRoundDto): Promise<ReportingRoundDetail> {
    return this.dataSource.transaction(async (manager) => {
      const round = await this.lock(manager, id);
      if (round.version !== dto.version)
        throw AppException.versionConflict('reportingRound', dto.version, await this.detailOf(manager, round));
      const state = stateOf(round);
      if (state === 'closed') throw roundStateConflict(round);
      const opensOn = dto.opensOn ?? round.opensOn;
      const closesOn = dto.closesOn ?? round.closesOn;
      // Reports already count for an open round: its opening date stays.
      if (state === 'open' && opensOn !== round.opensOn) throw roundStateConflict(round);
      checkDates(opensOn, closesOn, { closesOnNotPast: closesOn !== round.closesOn });
      await this.assertNoOverlap(manager, round.planId, round.id, opensOn, closesOn);
      const before = { name: round.name, opensOn: round.opensOn, closesOn: round.closesOn };
      if (dto.name) round.name = trimName(dto.name);
      round.opensOn = opensOn;
      round.closesOn = closesOn;
      await manager.save(round);
      await this.audit.record(manager, caller, {
        action: 'round.update',
        entityType: 'reporting_round',
        entityId: round.id,
        diff: diffOf(before, { name: round.name, opensOn, closesOn }),
      });
      return this.detailOf(manager, round);
    });
  }

  /** Closes an open round: its standing and the plan's validated figures are frozen. */
  async close(caller: SignedInContext, id: string, dto: CloseRoundDto): Promise<ReportingRoundDetail> {
    // The plan's figures are read first, outside the transaction (the plan service reads through
    // its own connection); a report validated in between is not one this round counted anyway.
    const planCode = (await this.find(this.dataSource.manager, id)).plan?.code ?? '';
    const figures = await this.planFigures(planCode, new Date());
    return this.dataSource.transaction(async (manager) => {
      const round = await this.lock(manager, id);
      if (round.version !== dto.version)
        throw AppException.versionConflict('reportingRound', dto.version, await this.detailOf(manager, round));
      if (stateOf(round) !== 'open') throw roundStateConflict(round);
      const now = new Date();
      const live = await this.live(manager, round);
      const detail = await this.labelled(manager, this.detail(round, live));
      round.frozen = {
        tally: detail.tally,
        activityCount: detail.activityCount,
        administrationCount: detail.administrationCount,
        byType: detail.byType,
        byRegion: detail.byRegion,
        administrations: live.standings.map(administrationRow),
        figures,
      } satisfies FrozenRound;
      round.closedAt = now;
      round.closedByName = caller.actor.displayName;
      await manager.save(round);
      await this.audit.record(manager, caller, {
        action: 'round.close',
        entityType: 'reporting_round',
        entityId: round.id,
        diff: diffOf(
          { state: 'open' },
          { state: 'closed', completion: detail.tally.completion, planProgress: round.frozen.figures.planProgress },
        ),
      });
      return this.detailOf(manager, round);
    });
  }

  /**
   * The signed-in administration confirms that its officers (officers' managers only) or its
   * inventory (inventory managers) are current. Confirming again changes nothing.
   */
  confirm(caller: SignedInContext, id: string, dto: ConfirmDto): Promise<RoundChecklist> {
    return this.dataSource
      .transaction(async (manager) => {
        const round = await this.lock(manager, id);
        const actor = caller.actor;
        const needed = dto.kind === 'officers' ? Permission.OfficerManage : Permission.InventoryManage;
        const institutionId = await reportingInstitutionId(manager, actor);
        if (!institutionId || !hasPermission(actor.role, needed))
          throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
        if (stateOf(round) !== 'open') throw roundStateConflict(round);
        const live = await this.live(manager, round, institutionId);
        const standing = live.standings.find((s) => s.institution.id === institutionId);
        if (!standing) throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
        const repo = manager.getRepository(RoundConfirmation);
        const existing = await repo.findOneBy({ roundId: round.id, institutionId, kind: dto.kind });
        if (!existing) {
          await repo.save(
            repo.create({
              roundId: round.id,
              institutionId,
              kind: dto.kind,
              confirmedByUserId: actor.userId,
              confirmedByName: actor.displayName,
            }),
          );
          await this.audit.record(manager, caller, {
            action: 'round.confirm',
            entityType: 'reporting_round',
            entityId: round.id,
            diff: diffOf(null, { institution: standing.institution.code, kind: dto.kind }),
          });
        }
        return standing.institution.code;
      })
      .then((code) => this.checklist(caller, id, code));
  }

  // ------------------------------------------------------------------ loading and shaping

  /** The standing computed now, for every administration involved (or those of one institution's activities). */
  /**
   * Tells each concerned administration's officers that the round is open (once per round and person,
   * whether called when it is created or by the daily reminders once its opening day comes).
   */
  async announceOpening(manager: EntityManager, roundId: string): Promise<number> {
    const round = await this.find(manager, roundId);
    if (stateOf(round) !== 'open') return 0;
    const owing = await this.obligations(manager, round.id);
    return this.notifications.notify(manager, {
      kind: 'round.opened',
      userIds: await officerAccounts(
        manager,
        owing.map((o) => o.institutionId),
      ),
      params: { round: round.name, closesOn: round.closesOn },
      link: '/home',
      key: round.id,
    });
  }

  /**
   * Reminds administrations that still owe something that the round closes in 7 days, then in 1 day
   * (once each, even if a day was missed: the reminder says how many days are really left).
   */
  async remindClosing(manager: EntityManager, roundId: string, today: string): Promise<number> {
    const round = await this.find(manager, roundId);
    if (stateOf(round, today) !== 'open') return 0;
    const days = daysBetween(today, round.closesOn);
    if (days < 0 || days > 7) return 0;
    const threshold = days <= 1 ? 1 : 7;
    const owing = (await this.obligations(manager, round.id)).filter((o) => o.owing > 0);
    let sent = 0;
    // One message per administration: it says how many items that administration still owes.
    for (const { institutionId, owing: missing } of owing) {
      sent += await this.notifications.notify(manager, {
        kind: 'round.closing',
        userIds: await officerAccounts(manager, [institutionId]),
        params: { round: round.name, closesOn: round.closesOn, days, missing },
        link: '/home',
        key: `${round.id}:${threshold}`,
      });
    }
    return sent;
  }

  /** The administrations a round concerns, with how many obligations each still owes (missing or returned). */
  async obligations(manager: EntityManager, roundId: string): Promise<{ institutionId: string; owing: number }[]> {
    const round = await this.find(manager, roundId);
    const { standings } = await this.live(manager, round);
    return standings.map((s) => ({ institutionId: s.institution.id, owing: s.tally.missing + s.tally.returned }));
  }

  private async live(manager: EntityManager, round: ReportingRound, institutionId?: string): Promise<LiveStanding> {
    const activities: StandingInput['activities'] = await manager.query(
      `SELECT a.id, a.code, a.title, a.lead_institution_id AS "leadId",
              COALESCE(array_agg(c.institution_id) FILTER (WHERE c.institution_id IS NOT NULL), '{}') AS "contributorIds"
         FROM reporting_round_activities ra
         JOIN activities a ON a.id = ra.activity_id
         LEFT JOIN activity_contributors c ON c.activity_id = a.id
        WHERE ra.round_id = $1
          AND ($2::uuid IS NULL OR a.lead_institution_id = $2
               OR EXISTS (SELECT 1 FROM activity_contributors x WHERE x.activity_id = a.id AND x.institution_id = $2))
        GROUP BY a.id`,
      [round.id, institutionId ?? null],
    );
    activities.sort(byCode);
    const ids = [
      ...new Set(activities.flatMap((a) => [a.leadId, ...a.contributorIds]).filter((id): id is string => !!id)),
    ];
    // One after the other: `manager` may hold a transaction's single connection, which runs one query at a time.
    const institutions = await manager.query(
      `SELECT id, code, name, type, region_code AS "regionCode" FROM institutions WHERE id = ANY($1::uuid[]) AND active`,
      [ids],
    );
    const reports = await manager.query(
      `SELECT DISTINCT ON (u.activity_id, u.author_institution_id)
                u.id, u.version, u.activity_id AS "activityId", u.author_institution_id AS "institutionId", u.state,
                u.return_comment AS "returnComment",
                min(u.first_submitted_at) OVER (PARTITION BY u.activity_id, u.author_institution_id) AS "handedInAt"
           FROM progress_updates u
          WHERE u.round_id = $1 AND u.state <> 'draft' AND u.author_institution_id IS NOT NULL
            AND ($2::uuid IS NULL OR u.author_institution_id = $2)
          ORDER BY u.activity_id, u.author_institution_id, u.created_at DESC`,
      [round.id, institutionId ?? null],
    );
    const confirmations = await manager.query(
      `SELECT institution_id AS "institutionId", kind, confirmed_at AS "at", confirmed_by_name AS "by"
           FROM reporting_round_confirmations WHERE round_id = $1 AND ($2::uuid IS NULL OR institution_id = $2)`,
      [round.id, institutionId ?? null],
    );
    const standings = computeStanding({
      closesOn: round.closesOn,
      today: todayInMorocco(),
      activities,
      institutions: new Map(
        (institutions as { id: string; code: string; name: never; type: never; regionCode: string | null }[]).map(
          (i) => [i.id, i],
        ),
      ),
      reports,
      confirmations,
    });
    return { standings, activities };
  }

  private view(round: ReportingRound, live: LiveStanding | null): ReportingRoundView {
    const state = stateOf(round);
    const frozen = round.frozen;
    const tally = frozen?.tally ?? totalOf(live?.standings ?? []);
    return {
      id: round.id,
      planCode: round.plan?.code ?? '',
      name: round.name,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      state,
      daysLeft: state === 'closed' ? null : daysBetween(todayInMorocco(), round.closesOn),
      closedAt: round.closedAt?.toISOString() ?? null,
      closedBy: round.closedByName,
      activityCount: frozen?.activityCount ?? live?.activities.length ?? 0,
      administrationCount: frozen?.administrationCount ?? live?.standings.length ?? 0,
      tally,
      asOf: (round.closedAt ?? new Date()).toISOString(),
      createdAt: round.createdAt.toISOString(),
      version: round.version,
    };
  }

  private detail(round: ReportingRound, live: LiveStanding | null): ReportingRoundDetail {
    const standings = live?.standings ?? [];
    return {
      ...this.view(round, live),
      activities: (live?.activities ?? []).map((a) => ({ id: a.id, code: a.code, title: a.title })),
      byType:
        round.frozen?.byType ??
        groupStandings(
          standings,
          (s) => s.institution.type,
          () => null,
        ),
      byRegion:
        round.frozen?.byRegion ??
        groupStandings(
          standings,
          (s) => s.institution.regionCode ?? 'national',
          () => null,
        ),
      frozen: round.frozen?.figures ?? null,
    };
  }

  private async detailOf(manager: EntityManager, round: ReportingRound): Promise<ReportingRoundDetail> {
    const fresh = await this.find(manager, round.id);
    const live = await this.live(manager, fresh);
    return this.labelled(manager, this.detail(fresh, live));
  }

  /** Names the regions of the breakdown (central administrations are `national`). */
  private async labelled(manager: EntityManager, detail: ReportingRoundDetail): Promise<ReportingRoundDetail> {
    return { ...detail, byRegion: await this.labelRegions(manager, detail.byRegion) };
  }

  private async labelRegions(manager: EntityManager, rows: ReportingRoundDetail['byRegion']) {
    const codes = rows.map((row) => row.key).filter((key) => key !== 'national');
    if (!codes.length) return rows;
    const regions: InstitutionRef[] = await manager.query(
      `SELECT code, name, type FROM institutions WHERE type = 'region' AND code = ANY($1::text[])`,
      [codes],
    );
    const byKey = new Map(regions.map((r) => [r.code, r]));
    return rows.map((row) => ({ ...row, label: byKey.get(row.key) ?? row.label }));
  }

  private async planFigures(planCode: string, now: Date): Promise<RoundFrozenFigures> {
    const plan = await this.plans.get(planCode, {});
    return {
      frozenAt: now.toISOString(),
      planProgress: plan.progress ?? 0,
      activities: plan.measures
        .flatMap((m) => m.activities)
        .map((a) => ({ code: a.code, status: a.status, progress: a.progress, asOf: a.provenance.asOf })),
    };
  }

  private async find(manager: EntityManager, id: string): Promise<ReportingRound> {
    const round = await manager.getRepository(ReportingRound).findOne({ where: { id }, relations: { plan: true } });
    if (!round) throw AppException.notFound('reportingRound', id);
    return round;
  }

  private async lock(manager: EntityManager, id: string): Promise<ReportingRound> {
    const round = await manager
      .getRepository(ReportingRound)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    if (!round) throw AppException.notFound('reportingRound', id);
    round.plan = (await manager.getRepository(Plan).findOneBy({ id: round.planId })) ?? undefined;
    return round;
  }

  /** The plan, locked so that two rounds created at once cannot overlap. */
  private async lockPlan(manager: EntityManager, code?: string): Promise<Plan> {
    const plan = await manager
      .getRepository(Plan)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where(code ? 'p.code = :code' : 'TRUE', { code })
      .orderBy('p.code')
      .getOne();
    if (!plan) throw AppException.notFound('plan', code ?? '');
    return plan;
  }

  private async assertNoOverlap(
    manager: EntityManager,
    planId: string,
    selfId: string | null,
    opensOn: string,
    closesOn: string,
  ): Promise<void> {
    const [other] = await manager.query(
      `SELECT r.name, r.opens_on AS "opensOn", ${ROUND_END_SQL} AS "endsOn" FROM reporting_rounds r
        WHERE r.plan_id = $1 AND ($2::uuid IS NULL OR r.id <> $2)
          AND daterange(r.opens_on, ${ROUND_END_SQL}, '[]') && daterange($3::date, $4::date, '[]')
        LIMIT 1`,
      [planId, selfId, opensOn, closesOn],
    );
    if (other)
      throw new AppException(HttpStatus.CONFLICT, 'ROUND_OVERLAP', { opensOn: other.opensOn, closesOn: other.endsOn }, [
        { field: 'opensOn', rule: 'noOverlap', args: [other.opensOn, other.endsOn] },
      ]);
  }

  /** The activities in scope: those given (of this plan), or every one not completed or cancelled. */
  private async scope(manager: EntityManager, planId: string, ids?: string[]): Promise<Activity[]> {
    const query = manager
      .getRepository(Activity)
      .createQueryBuilder('a')
      .innerJoin('a.measure', 'm')
      .where('m.plan_id = :planId', { planId });
    if (ids) {
      const unique = [...new Set(ids)];
      const found = await query.andWhere('a.id IN (:...ids)', { ids: unique.length ? unique : [null] }).getMany();
      const missing = unique.filter((id) => !found.some((a) => a.id === id));
      if (missing.length || !found.length)
        throw AppException.validation([{ field: 'activityIds', rule: 'unknownActivity', args: [missing[0] ?? ''] }]);
      return found;
    }
    const open = await query.andWhere("a.status NOT IN ('completed', 'cancelled')").getMany();
    if (!open.length) throw AppException.validation([{ field: 'activityIds', rule: 'isNotEmpty' }]);
    return open;
  }
}

export function stateOf(round: ReportingRound, today = todayInMorocco()): RoundState {
  if (round.closedAt) return 'closed';
  return round.opensOn > today ? 'scheduled' : 'open';
}

function roundStateConflict(round: ReportingRound): AppException {
  return new AppException(HttpStatus.CONFLICT, 'ROUND_STATE_CONFLICT', { state: stateOf(round) });
}

function checkDates(opensOn: string, closesOn: string, options: { closesOnNotPast: boolean }): void {
  if (opensOn > closesOn) throw AppException.validation([{ field: 'opensOn', rule: 'notAfter', args: [closesOn] }]);
  if (options.closesOnNotPast && closesOn < todayInMorocco())
    throw AppException.validation([{ field: 'closesOn', rule: 'notInPast', args: [todayInMorocco()] }]);
}

function trimName(name: CreateRoundDto['name']): ReportingRound['name'] {
  const out: ReportingRound['name'] = {};
  for (const locale of ['ar', 'fr', 'en'] as const) {
    const text = name[locale]?.trim();
    if (text) out[locale] = text;
  }
  if (!Object.keys(out).length) throw AppException.validation([{ field: 'name', rule: 'hasSomeLocale' }]);
  return out;
}

/** Coordinators and the committee see every administration's checklist; an administration's people their own. */
function assertMayReadChecklist(actor: Actor, institutionId: string): void {
  if (actor.institutionId === institutionId) return;
  if (!isInstitutionScoped(actor.role) && hasPermission(actor.role, Permission.RoundRead)) return;
  throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
}
