import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Permission,
  hasPermission,
  type AutomatedMetric,
  type AwardApplicationView,
  type AwardCriterion as CriterionView,
  type AwardEditionDetail,
  type AwardEditionSummary,
  type AwardFileView,
  type AwardJurorView,
  type EditionPhase,
  type InstitutionRef,
  type JurorCandidate,
  type JurorScoresView,
  type PartialLocalizedText,
} from '@marsad/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor, SignedInContext } from '../auth/actor';
import { User } from '../auth/entities/user.entity';
import { AuditService, diffOf } from '../audit/audit.service';
import { AppException, type RuleViolation } from '../common/errors/app-exception';
import { transactionMappingUniqueViolations } from '../common/errors/unique-violation';
import { todayInMorocco } from '../common/time/today';
import { Institution } from '../institutions/entities/institution.entity';
import { maskEmail } from '../notifications/notifications.service';
import { AwardFreezeService } from './award-freeze.service';
import { editionPhase, scoringClosed, scoringOpened } from './award-phase';
import { conflictedInstitutionIds } from './conflicts';
import type {
  SaveApplicationDto,
  SaveCriterionDto,
  SaveEditionDto,
  SetJurorsDto,
  SetScoresDto,
  UpdateApplicationDto,
  UpdateEditionDto,
} from './dto/award.dto';
import { AwardApplicationFile } from './entities/award-application-file.entity';
import { AwardApplication } from './entities/award-application.entity';
import { AwardAutomatedValue } from './entities/award-automated-value.entity';
import { AwardCriterion } from './entities/award-criterion.entity';
import { AwardEdition } from './entities/award-edition.entity';
import { AwardJuror } from './entities/award-juror.entity';
import { AwardScore } from './entities/award-score.entity';

/** The unique constraints a race could break (see the migration). */
const EDITION_YEAR_UNIQUE = 'UQ_086cab5d07fe19d0b2e4f473f6f';
/**
 * The timeline's checks in the database compare a date with an instant at midnight in the session's
 * time zone; the service checks Morocco's calendar and UTC, and these map what slips through to a 400.
 */
const TIMELINE_CHECKS: Record<string, RuleViolation> = {
  CHK_96040d7f95efb6284313bbdc6c: { field: 'applicationsCloseAt', rule: 'after', args: ['callOpensOn'] },
  CHK_3480e627fae7203b4013fb9155: { field: 'scoringClosesAt', rule: 'after', args: ['scoringOpensOn'] },
  CHK_eb91bd7a32399723845a1ca5ca: { field: 'scoringClosesAt', rule: 'after', args: ['applicationsCloseAt'] },
};
const APPLICATION_UNIQUE = 'UQ_a5f62c89f97f4b15cca56348a34';
/** The most accounts one search for jury candidates returns. */
const JUROR_CANDIDATES_MAX = 20;

const mayManage = (actor: Actor | null) => !!actor && hasPermission(actor.role, Permission.AwardManage);
const round2 = (value: number) => Math.round(value * 100) / 100;
export const phaseConflict = (phase: EditionPhase, rule: string) =>
  new AppException(HttpStatus.CONFLICT, 'AWARD_PHASE_CONFLICT', { phase, rule });
export const forbidden = (reason: string) => new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason });

/**
 * An instant the caller sent differs from the stored one by a minute or more. Forms work to the
 * minute: sending back a deadline stored with seconds (rounded down) is not moving it.
 */
const movedInstant = (sent: string | undefined, stored: Date) =>
  sent !== undefined && Math.abs(new Date(sent).getTime() - stored.getTime()) >= 60_000;

/** The non-blank texts of a per-locale object. */
export function compact(text: PartialLocalizedText | undefined | null): PartialLocalizedText {
  return Object.fromEntries(
    Object.entries(text ?? {}).filter(([, value]) => typeof value === 'string' && value.trim().length > 0),
  );
}

/** The Morocco day of an instant. */
const dayOf = (instant: Date) => todayInMorocco(instant);

/** An edition with what its phase needs. */
export interface LoadedEdition {
  edition: AwardEdition;
  phase: EditionPhase;
}

/** A juror of an edition, as the server checks them: the administrations they may never see or score. */
export interface JurorContext {
  userId: string;
  conflicts: Set<string>;
}

/**
 * The Imtiaz award's open-data category (measure 10): editions (timeline, eligible types, criteria
 * with weights summing to 100), their jury, applications written by each administration's ROD and
 * locked at the deadline, and the jurors' blind scores. A juror never sees nor scores an application
 * of their own administration, of one above or below it in the registry, or of one they declared a
 * conflict with (`conflictedInstitutionIds`); each write is one transaction with its audit.
 */
@Injectable()
export class AwardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly freeze: AwardFreezeService,
  ) {}

  // ------------------------------------------------------------------------------------------ editions

  /** Every edition, newest year first (public). */
  async editions(): Promise<AwardEditionSummary[]> {
    const manager = this.dataSource.manager;
    const editions = await manager.getRepository(AwardEdition).find({ order: { year: 'DESC' } });
    return this.summaries(manager, editions);
  }

  /** One edition with its criteria; the jury for those who run the award (public otherwise). */
  async edition(id: string, reader: Actor | null): Promise<AwardEditionDetail> {
    await this.freeze.ensureFrozen(id);
    return this.detail(this.dataSource.manager, id, mayManage(reader));
  }

  create(caller: SignedInContext, dto: SaveEditionDto): Promise<AwardEditionDetail> {
    return this.inTransaction(async (manager) => {
      const violations = this.checkEdition(
        {
          callOpensOn: dto.callOpensOn,
          applicationsCloseAt: new Date(dto.applicationsCloseAt),
          scoringOpensOn: dto.scoringOpensOn,
          scoringClosesAt: new Date(dto.scoringClosesAt),
          resultsOn: dto.resultsOn,
        },
        dto.criteria,
      );
      if (await manager.getRepository(AwardEdition).existsBy({ year: dto.year }))
        violations.push({ field: 'year', rule: 'duplicateYear', args: [dto.year] });
      if (violations.length) throw AppException.validation(violations);
      const repo = manager.getRepository(AwardEdition);
      const edition = await repo.save(
        repo.create({
          year: dto.year,
          title: compact(dto.title),
          callOpensOn: dto.callOpensOn,
          applicationsCloseAt: new Date(dto.applicationsCloseAt),
          scoringOpensOn: dto.scoringOpensOn,
          scoringClosesAt: new Date(dto.scoringClosesAt),
          resultsOn: dto.resultsOn,
          eligibleTypes: [...new Set(dto.eligibleTypes)],
          frozenAt: null,
          isDemo: false,
        }),
      );
      const criteria = await this.replaceCriteria(manager, edition.id, dto.criteria);
      await this.audit.record(manager, caller, {
        action: 'award-edition.create',
        entityType: 'award_edition',
        entityId: edition.id,
        diff: diffOf(null, audited(edition, criteria)),
      });
      return this.detail(manager, edition.id, true);
    });
  }

  /**
   * Changes an edition. Criteria, eligible types and the call's opening are fixed once the call is
   * open; the deadline once the automated values are frozen; everything but the title once results
   * are published. The other dates may still move, in order. Fairness: once the call is open the
   * deadline only moves later (applicants counted on it), and the close of scoring never moves into
   * the past (closing early, from now on, is allowed, e.g. when every juror has scored).
   */
  update(caller: SignedInContext, id: string, dto: UpdateEditionDto): Promise<AwardEditionDetail> {
    return this.inTransaction(async (manager) => {
      const edition = await manager
        .getRepository(AwardEdition)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!edition) throw AppException.notFound('awardEdition', id);
      if (edition.version !== dto.version)
        throw AppException.versionConflict('awardEdition', dto.version, await this.detail(manager, id, true));
      const criteriaBefore = await this.criteriaOf(manager, id);
      const before = audited(edition, criteriaBefore);
      const phase = editionPhase(edition, await this.isPublished(manager, id));
      const changed = {
        year: dto.year !== undefined && dto.year !== edition.year,
        callOpensOn: dto.callOpensOn !== undefined && dto.callOpensOn !== edition.callOpensOn,
        applicationsCloseAt: movedInstant(dto.applicationsCloseAt, edition.applicationsCloseAt),
        scoringOpensOn: dto.scoringOpensOn !== undefined && dto.scoringOpensOn !== edition.scoringOpensOn,
        scoringClosesAt: movedInstant(dto.scoringClosesAt, edition.scoringClosesAt),
        resultsOn: dto.resultsOn !== undefined && dto.resultsOn !== edition.resultsOn,
        eligibleTypes:
          dto.eligibleTypes !== undefined &&
          [...new Set(dto.eligibleTypes)].sort().join() !== [...edition.eligibleTypes].sort().join(),
        criteria:
          dto.criteria !== undefined &&
          JSON.stringify(criteriaBefore.map(criterionShape)) !== JSON.stringify(dto.criteria.map(criterionShape)),
      };
      if (phase === 'published' && Object.values(changed).some(Boolean))
        throw phaseConflict(phase, 'results are published: only the title may change');
      if (phase !== 'upcoming' && (changed.criteria || changed.eligibleTypes))
        throw phaseConflict(phase, 'criteria and eligible types are fixed once the call is open');
      if (phase !== 'upcoming' && changed.callOpensOn) throw phaseConflict(phase, 'the call has already opened');
      if (edition.frozenAt && changed.applicationsCloseAt)
        throw phaseConflict(phase, 'the deadline is fixed once the automated values are frozen');

      const next = {
        callOpensOn: dto.callOpensOn ?? edition.callOpensOn,
        applicationsCloseAt: changed.applicationsCloseAt
          ? new Date(dto.applicationsCloseAt as string)
          : edition.applicationsCloseAt,
        scoringOpensOn: dto.scoringOpensOn ?? edition.scoringOpensOn,
        scoringClosesAt: changed.scoringClosesAt ? new Date(dto.scoringClosesAt as string) : edition.scoringClosesAt,
        resultsOn: dto.resultsOn ?? edition.resultsOn,
      };
      const violations = this.checkEdition(next, changed.criteria ? (dto.criteria as SaveCriterionDto[]) : null);
      if (phase !== 'upcoming' && changed.applicationsCloseAt && next.applicationsCloseAt < edition.applicationsCloseAt)
        violations.push({
          field: 'applicationsCloseAt',
          rule: 'notBefore',
          args: [edition.applicationsCloseAt.toISOString()],
        });
      const now = new Date();
      if (changed.scoringClosesAt && next.scoringClosesAt < now)
        violations.push({ field: 'scoringClosesAt', rule: 'notBefore', args: [now.toISOString()] });
      if (
        changed.year &&
        (await manager
          .getRepository(AwardEdition)
          .createQueryBuilder('e')
          .where('e.year = :year AND e.id <> :id', { year: dto.year, id })
          .getExists())
      )
        violations.push({ field: 'year', rule: 'duplicateYear', args: [dto.year] });
      if (violations.length) throw AppException.validation(violations);

      Object.assign(edition, next, {
        year: dto.year ?? edition.year,
        title: dto.title ? compact(dto.title) : edition.title,
        eligibleTypes: dto.eligibleTypes ? [...new Set(dto.eligibleTypes)] : edition.eligibleTypes,
      });
      const criteria = changed.criteria
        ? await this.replaceCriteria(manager, id, dto.criteria as SaveCriterionDto[])
        : criteriaBefore;
      const diff = diffOf(before, audited(edition, criteria));
      if (Object.keys(diff).length) {
        await manager.save(edition);
        await this.audit.record(manager, caller, {
          action: 'award-edition.update',
          entityType: 'award_edition',
          entityId: id,
          diff,
        });
      }
      return this.detail(manager, id, true);
    });
  }

  /** The whole jury: active accounts, each with the administrations it declared a conflict with. */
  setJurors(caller: SignedInContext, id: string, dto: SetJurorsDto): Promise<AwardEditionDetail> {
    return this.dataSource.transaction(async (manager) => {
      const edition = await manager
        .getRepository(AwardEdition)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!edition) throw AppException.notFound('awardEdition', id);
      const seen = new Set<string>();
      const jurors = dto.jurors.filter((juror) => !seen.has(juror.userId) && seen.add(juror.userId));
      const users = jurors.length
        ? await manager.getRepository(User).findBy({ id: In(jurors.map((j) => j.userId)), active: true })
        : [];
      const codes = [...new Set(jurors.flatMap((j) => j.conflictCodes ?? []))];
      const institutions = codes.length ? await manager.getRepository(Institution).findBy({ code: In(codes) }) : [];
      const idOf = new Map(institutions.map((i) => [i.code, i.id]));
      const violations: RuleViolation[] = [];
      dto.jurors.forEach((juror, i) => {
        if (!users.some((u) => u.id === juror.userId))
          violations.push({ field: `jurors.${i}.userId`, rule: 'unknownAccount', args: [juror.userId] });
        (juror.conflictCodes ?? []).forEach((code, j) => {
          if (!idOf.has(code))
            violations.push({ field: `jurors.${i}.conflictCodes.${j}`, rule: 'unknownInstitution', args: [code] });
        });
      });
      if (violations.length) throw AppException.validation(violations);
      const repo = manager.getRepository(AwardJuror);
      const beforeRows = await repo.find({ where: { editionId: id }, order: { userId: 'ASC' } });
      await repo.delete({ editionId: id });
      if (jurors.length)
        await repo.insert(
          jurors.map((juror) => ({
            editionId: id,
            userId: juror.userId,
            conflictInstitutionIds: [...new Set((juror.conflictCodes ?? []).map((code) => idOf.get(code) as string))],
          })),
        );
      const afterRows = await repo.find({ where: { editionId: id }, order: { userId: 'ASC' } });
      const diff = diffOf(
        { jurors: await this.auditedJurors(manager, beforeRows) },
        { jurors: await this.auditedJurors(manager, afterRows) },
      );
      if (Object.keys(diff).length)
        await this.audit.record(manager, caller, {
          action: 'award-edition.jurors',
          entityType: 'award_edition',
          entityId: id,
          diff,
        });
      return this.detail(manager, id, true);
    });
  }

  /**
   * Active accounts a coordinator may put on a jury (any role), whose display name or e-mail contains
   * `q` (every one when empty), by name, at most JUROR_CANDIDATES_MAX; the e-mail masked (law 09-08).
   */
  async jurorCandidates(q?: string): Promise<JurorCandidate[]> {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.institution', 'i')
      .where('u.active = true')
      .orderBy('u.displayName', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(JUROR_CANDIDATES_MAX);
    if (q) qb.andWhere('(u.email ILIKE :q OR u.display_name ILIKE :q)', { q: `%${q.replace(/[%_\\]/g, '\\$&')}%` });
    const users = await qb.getMany();
    return users.map((user) => ({
      userId: user.id,
      displayName: user.displayName,
      institution: user.institution
        ? { code: user.institution.code, name: user.institution.name, type: user.institution.type }
        : null,
      role: user.role,
      maskedEmail: maskEmail(user.email),
    }));
  }

  // ------------------------------------------------------------------------------------------ applications

  /**
   * The applications the caller may read: all for coordinators; an administration's people, theirs;
   * a juror, once scoring opens, every complete application they are not conflicted with. Anyone
   * else: 403 (the published results are the public's view).
   */
  async applications(caller: SignedInContext, editionId: string): Promise<AwardApplicationView[]> {
    await this.freeze.ensureFrozen(editionId);
    const manager = this.dataSource.manager;
    const { edition, phase } = await this.load(manager, editionId);
    const actor = caller.actor;
    const rows = await manager
      .getRepository(AwardApplication)
      .find({ where: { editionId }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (mayManage(actor)) return this.views(manager, edition, rows);
    const juror = await this.jurorOf(manager, edition.id, actor);
    if (!juror && !actor.institutionId) throw forbidden('award-jury');
    const visible = rows.filter((application) => {
      if (juror?.conflicts.has(application.institutionId)) return false;
      if (application.institutionId === actor.institutionId) return true;
      return !!juror && scoringOpened(phase) && application.submittedAt !== null;
    });
    return this.views(manager, edition, visible);
  }

  async application(caller: SignedInContext, id: string): Promise<AwardApplicationView> {
    const manager = this.dataSource.manager;
    const found = await manager.getRepository(AwardApplication).findOneBy({ id });
    if (!found) throw AppException.notFound('awardApplication', id);
    await this.freeze.ensureFrozen(found.editionId);
    const { edition, phase } = await this.load(manager, found.editionId);
    await this.mayRead(manager, caller.actor, edition, phase, found);
    return (await this.views(manager, edition, [found]))[0];
  }

  /** An application of the caller's own administration, while the call is open; one per administration. */
  apply(caller: SignedInContext, editionId: string, dto: SaveApplicationDto): Promise<AwardApplicationView> {
    return transactionMappingUniqueViolations(
      this.dataSource,
      { [APPLICATION_UNIQUE]: { field: 'edition', rule: 'alreadyApplied' } },
      async (manager) => {
        // A share lock: the freeze (which locks the edition for writing) waits for this application.
        const edition = await manager
          .getRepository(AwardEdition)
          .findOne({ where: { id: editionId }, lock: { mode: 'pessimistic_read' } });
        if (!edition) throw AppException.notFound('awardEdition', editionId);
        const institutionId = caller.actor.institutionId;
        if (!institutionId) throw forbidden('institution');
        const phase = editionPhase(edition, await this.isPublished(manager, editionId));
        if (phase === 'upcoming') throw phaseConflict(phase, 'the call for applications is not open yet');
        if (phase !== 'open') throw phaseConflict(phase, 'applications are refused after the deadline');
        const institution = await manager.getRepository(Institution).findOneByOrFail({ id: institutionId });
        const violations: RuleViolation[] = [];
        if (!edition.eligibleTypes.includes(institution.type))
          violations.push({ field: 'institution', rule: 'notEligible', args: [institution.type] });
        const existing = await manager.getRepository(AwardApplication).findOneBy({ editionId, institutionId });
        if (existing) violations.push({ field: 'edition', rule: 'alreadyApplied', args: [existing.id] });
        if (violations.length) throw AppException.validation(violations);
        const claimedReuseIds = await this.checkReuses(manager, dto.claimedReuseIds ?? []);
        const narrative = compact(dto.narrative);
        if (dto.submit) checkComplete(narrative);
        const repo = manager.getRepository(AwardApplication);
        const application = await repo.save(
          repo.create({
            editionId,
            institutionId,
            narrative,
            links: (dto.links ?? []).map((link) => ({ title: link.title, url: link.url })),
            claimedReuseIds,
            submittedAt: dto.submit ? new Date() : null,
          }),
        );
        await this.audit.record(manager, caller, {
          action: dto.submit ? 'award-application.submit' : 'award-application.create',
          entityType: 'award_application',
          entityId: application.id,
          diff: diffOf(null, auditedApplication(application)),
        });
        return (await this.views(manager, edition, [application]))[0];
      },
    );
  }

  /** Changes the caller's administration's application until the deadline (then it is locked). */
  updateApplication(caller: SignedInContext, id: string, dto: UpdateApplicationDto): Promise<AwardApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const application = await manager
        .getRepository(AwardApplication)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!application) throw AppException.notFound('awardApplication', id);
      if (!caller.actor.institutionId || application.institutionId !== caller.actor.institutionId)
        throw forbidden('institution');
      const edition = await manager
        .getRepository(AwardEdition)
        .findOne({ where: { id: application.editionId }, lock: { mode: 'pessimistic_read' } });
      const phase = editionPhase(edition as AwardEdition, await this.isPublished(manager, application.editionId));
      if (phase !== 'open') throw phaseConflict(phase, 'applications are locked after the deadline');
      if (application.version !== dto.version)
        throw AppException.versionConflict(
          'awardApplication',
          dto.version,
          (await this.views(manager, edition as AwardEdition, [application]))[0],
        );
      const before = auditedApplication(application);
      if (dto.narrative) application.narrative = compact(dto.narrative);
      if (dto.links) application.links = dto.links.map((link) => ({ title: link.title, url: link.url }));
      if (dto.claimedReuseIds) application.claimedReuseIds = await this.checkReuses(manager, dto.claimedReuseIds);
      const submitting = !!dto.submit && application.submittedAt === null;
      // A complete application stays complete: every later save is checked as the submission was.
      if (dto.submit || application.submittedAt) checkComplete(application.narrative);
      // The first complete submission is what the tie-break counts; later ones keep it.
      if (submitting) application.submittedAt = new Date();
      const diff = diffOf(before, auditedApplication(application));
      if (Object.keys(diff).length) {
        await manager.save(application);
        await this.audit.record(manager, caller, {
          action: submitting ? 'award-application.submit' : 'award-application.update',
          entityType: 'award_application',
          entityId: id,
          diff,
        });
      }
      return (await this.views(manager, edition as AwardEdition, [application]))[0];
    });
  }

  // ------------------------------------------------------------------------------------------ scores

  /** The caller's own scores of an application (a juror of its edition, not conflicted with it). */
  async scores(caller: SignedInContext, applicationId: string): Promise<JurorScoresView> {
    await this.freezeFor(applicationId);
    const manager = this.dataSource.manager;
    const { application, edition, phase } = await this.scorable(manager, applicationId);
    const juror = await this.jurorOf(manager, edition.id, caller.actor);
    if (!juror || juror.conflicts.has(application.institutionId)) throw forbidden('award-jury');
    if (!scoringOpened(phase) || !application.submittedAt) throw forbidden('award-jury');
    return this.jurorScores(manager, application, juror.userId);
  }

  /** A juror's scores (0–10, with a comment) on jury criteria, while scoring is open. */
  async setScores(caller: SignedInContext, applicationId: string, dto: SetScoresDto): Promise<JurorScoresView> {
    await this.freezeFor(applicationId);
    return this.dataSource.transaction(async (manager) => {
      const { application, edition, phase } = await this.scorable(manager, applicationId);
      const juror = await this.jurorOf(manager, edition.id, caller.actor);
      if (!juror || juror.conflicts.has(application.institutionId)) throw forbidden('award-jury');
      if (phase !== 'scoring') throw phaseConflict(phase, 'scores are given only while scoring is open');
      if (!application.submittedAt) throw phaseConflict(phase, 'this application was never sent as complete');
      const criteria = await manager.getRepository(AwardCriterion).findBy({ editionId: edition.id, kind: 'jury' });
      const jury = new Set(criteria.map((c) => c.id));
      const violations: RuleViolation[] = [];
      const seen = new Set<string>();
      dto.scores.forEach((score, i) => {
        if (!jury.has(score.criterionId))
          violations.push({ field: `scores.${i}.criterionId`, rule: 'notJuryCriterion', args: [score.criterionId] });
        else if (seen.has(score.criterionId))
          violations.push({ field: `scores.${i}.criterionId`, rule: 'duplicateCriterion', args: [score.criterionId] });
        seen.add(score.criterionId);
      });
      if (violations.length) throw AppException.validation(violations);
      const repo = manager.getRepository(AwardScore);
      const before = await repo.findBy({ applicationId, jurorId: juror.userId });
      await repo.upsert(
        dto.scores.map((score) => ({
          applicationId,
          criterionId: score.criterionId,
          jurorId: juror.userId,
          score: score.score,
          comment: score.comment?.trim() || null,
          updatedAt: new Date(),
        })),
        ['applicationId', 'criterionId', 'jurorId'],
      );
      // Committee members read the audit trail and some sit on the jury: the trail says which
      // criteria a juror scored, never the scores, so jurors stay blind to each other.
      await this.audit.record(manager, caller, {
        action: 'award-score.set',
        entityType: 'award_application',
        entityId: applicationId,
        diff: {
          criteriaScored: {
            before: before.map((s) => s.criterionId).sort(),
            after: [...new Set([...before.map((s) => s.criterionId), ...seen])].sort(),
          },
        },
      });
      return this.jurorScores(manager, application, juror.userId);
    });
  }

  /** Every juror's scores of an application, for coordinators once scoring has closed (jurors are blind until then). */
  async juryScores(applicationId: string): Promise<JuryScoresView> {
    await this.freezeFor(applicationId);
    const manager = this.dataSource.manager;
    const { application, edition, phase } = await this.scorable(manager, applicationId);
    if (!scoringClosed(phase)) throw phaseConflict(phase, 'jurors’ scores are shown once scoring closes');
    const rows: { userId: string; displayName: string; criterionId: string; score: string; comment: string | null }[] =
      await manager.query(
        `SELECT u.id AS "userId", u.display_name AS "displayName", s.criterion_id AS "criterionId", s.score, s.comment
           FROM award_scores s JOIN users u ON u.id = s.juror_id
          WHERE s.application_id = $1 ORDER BY u.display_name, u.id`,
        [application.id],
      );
    const criteria = await this.criteriaOf(manager, edition.id);
    const jurors = new Map<string, JuryScoresView['jurors'][number]>();
    for (const row of rows) {
      const entry = jurors.get(row.userId) ?? { userId: row.userId, displayName: row.displayName, scores: [] };
      entry.scores.push({ criterionId: row.criterionId, score: Number(row.score), comment: row.comment });
      jurors.set(row.userId, entry);
    }
    const order = new Map(criteria.map((c) => [c.id, c.position]));
    for (const entry of jurors.values())
      entry.scores.sort((a, b) => (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0));
    return { applicationId: application.id, jurors: [...jurors.values()] };
  }

  // ------------------------------------------------------------------------------------------ shared

  /** The edition (404 otherwise) and its phase. */
  async load(manager: EntityManager, id: string): Promise<LoadedEdition> {
    const edition = await manager.getRepository(AwardEdition).findOneBy({ id });
    if (!edition) throw AppException.notFound('awardEdition', id);
    return { edition, phase: editionPhase(edition, await this.isPublished(manager, id)) };
  }

  async isPublished(manager: EntityManager, editionId: string): Promise<boolean> {
    const [row] = await manager.query('SELECT 1 FROM award_publications WHERE edition_id = $1 LIMIT 1', [editionId]);
    return !!row;
  }

  /** The caller as a juror of the edition (null when they are not on its jury), with their conflicts. */
  async jurorOf(manager: EntityManager, editionId: string, actor: Actor): Promise<JurorContext | null> {
    const juror = await manager.getRepository(AwardJuror).findOneBy({ editionId, userId: actor.userId });
    if (!juror) return null;
    const [user] = await manager.query('SELECT institution_id FROM users WHERE id = $1', [actor.userId]);
    return {
      userId: actor.userId,
      conflicts: await conflictedInstitutionIds(manager, {
        institutionId: user?.institution_id ?? null,
        declared: juror.conflictInstitutionIds,
      }),
    };
  }

  async criteriaOf(manager: EntityManager, editionId: string): Promise<AwardCriterion[]> {
    return manager.getRepository(AwardCriterion).find({ where: { editionId }, order: { position: 'ASC' } });
  }

  async summaries(manager: EntityManager, editions: AwardEdition[]): Promise<AwardEditionSummary[]> {
    if (!editions.length) return [];
    const ids = editions.map((e) => e.id);
    const counts: { id: string; n: number }[] = await manager.query(
      `SELECT edition_id AS id, count(*)::int AS n FROM award_applications
        WHERE edition_id = ANY($1::uuid[]) AND submitted_at IS NOT NULL GROUP BY edition_id`,
      [ids],
    );
    const publications: { id: string; hash: string; published_at: Date }[] = await manager.query(
      `SELECT DISTINCT ON (edition_id) edition_id AS id, hash, published_at FROM award_publications
        WHERE edition_id = ANY($1::uuid[]) ORDER BY edition_id, number DESC`,
      [ids],
    );
    const countOf = new Map(counts.map((c) => [c.id, c.n]));
    const publicationOf = new Map(publications.map((p) => [p.id, p]));
    return editions.map((edition) => {
      const publication = publicationOf.get(edition.id) ?? null;
      return {
        id: edition.id,
        year: edition.year,
        title: edition.title,
        phase: editionPhase(edition, !!publication),
        callOpensOn: edition.callOpensOn,
        applicationsCloseAt: edition.applicationsCloseAt.toISOString(),
        scoringOpensOn: edition.scoringOpensOn,
        scoringClosesAt: edition.scoringClosesAt.toISOString(),
        resultsOn: publication ? dayOf(new Date(publication.published_at)) : edition.resultsOn,
        eligibleTypes: edition.eligibleTypes,
        applications: countOf.get(edition.id) ?? 0,
        resultsHash: publication?.hash ?? null,
        isDemo: edition.isDemo,
      };
    });
  }

  async detail(manager: EntityManager, id: string, withJurors: boolean): Promise<AwardEditionDetail> {
    const edition = await manager.getRepository(AwardEdition).findOneBy({ id });
    if (!edition) throw AppException.notFound('awardEdition', id);
    const [summary] = await this.summaries(manager, [edition]);
    return {
      ...summary,
      criteria: (await this.criteriaOf(manager, id)).map(criterionView),
      frozenAt: edition.frozenAt?.toISOString() ?? null,
      jurors: withJurors ? await this.jurorViews(manager, id) : null,
      version: edition.version,
    };
  }

  // ------------------------------------------------------------------------------------------ private

  private async mayRead(
    manager: EntityManager,
    actor: Actor,
    edition: AwardEdition,
    phase: EditionPhase,
    application: AwardApplication,
  ): Promise<void> {
    if (mayManage(actor)) return;
    const juror = await this.jurorOf(manager, edition.id, actor);
    // A juror never sees a conflicted application, not even their own administration's.
    if (juror?.conflicts.has(application.institutionId)) throw forbidden('award-conflict');
    if (actor.institutionId && actor.institutionId === application.institutionId) return;
    if (juror && scoringOpened(phase) && application.submittedAt) return;
    throw forbidden('award-application');
  }

  /**
   * Freezes the application's edition if due. Outside any transaction: the freeze takes its own
   * connection (the embedded database has one).
   */
  private async freezeFor(applicationId: string): Promise<void> {
    const [row] = await this.dataSource.query('SELECT edition_id FROM award_applications WHERE id = $1', [
      applicationId,
    ]);
    if (row) await this.freeze.ensureFrozen(row.edition_id);
  }

  /** An application with its edition and phase. */
  private async scorable(
    manager: EntityManager,
    applicationId: string,
  ): Promise<LoadedEdition & { application: AwardApplication }> {
    const application = await manager.getRepository(AwardApplication).findOneBy({ id: applicationId });
    if (!application) throw AppException.notFound('awardApplication', applicationId);
    return { application, ...(await this.load(manager, application.editionId)) };
  }

  private async jurorScores(
    manager: EntityManager,
    application: AwardApplication,
    jurorId: string,
  ): Promise<JurorScoresView> {
    const criteria = (await this.criteriaOf(manager, application.editionId)).filter((c) => c.kind === 'jury');
    const scores = await manager.getRepository(AwardScore).findBy({ applicationId: application.id, jurorId });
    const byCriterion = new Map(scores.map((s) => [s.criterionId, s]));
    return {
      applicationId: application.id,
      scores: criteria.map((criterion) => ({
        criterionId: criterion.id,
        score: byCriterion.get(criterion.id)?.score ?? null,
        comment: byCriterion.get(criterion.id)?.comment ?? null,
      })),
    };
  }

  async views(
    manager: EntityManager,
    edition: AwardEdition,
    applications: AwardApplication[],
  ): Promise<AwardApplicationView[]> {
    if (!applications.length) return [];
    const institutions = await manager
      .getRepository(Institution)
      .findBy({ id: In([...new Set(applications.map((a) => a.institutionId))]) });
    const refOf = new Map(institutions.map((i) => [i.id, { code: i.code, name: i.name, type: i.type }]));
    const values = edition.frozenAt
      ? await manager.getRepository(AwardAutomatedValue).findBy({ applicationId: In(applications.map((a) => a.id)) })
      : [];
    const criteria = edition.frozenAt
      ? (await this.criteriaOf(manager, edition.id)).filter((c) => c.kind === 'automated')
      : [];
    const files = await manager
      .getRepository(AwardApplicationFile)
      .find({ where: { applicationId: In(applications.map((a) => a.id)) }, order: { createdAt: 'ASC', id: 'ASC' } });
    const locked = Date.now() >= edition.applicationsCloseAt.getTime();
    return applications.map((application) => ({
      id: application.id,
      editionId: application.editionId,
      institution: refOf.get(application.institutionId) as InstitutionRef,
      narrative: application.narrative,
      links: application.links,
      claimedReuseIds: application.claimedReuseIds,
      files: files.filter((file) => file.applicationId === application.id).map(fileView),
      submittedAt: application.submittedAt?.toISOString() ?? null,
      automated: edition.frozenAt
        ? criteria.map((criterion) => {
            const value = values.find((v) => v.applicationId === application.id && v.criterionId === criterion.id);
            return { criterionId: criterion.id, raw: value?.raw ?? null, value: value?.value ?? 0 };
          })
        : null,
      locked,
      version: application.version,
    }));
  }

  private async jurorViews(manager: EntityManager, editionId: string): Promise<AwardJurorView[]> {
    const rows: {
      userId: string;
      displayName: string;
      conflicts: string[];
      code: string | null;
      name: InstitutionRef['name'] | null;
      type: InstitutionRef['type'] | null;
    }[] = await manager.query(
      `SELECT j.user_id AS "userId", u.display_name AS "displayName", j.conflict_institution_ids AS conflicts,
              i.code, i.name, i.type
         FROM award_jurors j JOIN users u ON u.id = j.user_id LEFT JOIN institutions i ON i.id = u.institution_id
        WHERE j.edition_id = $1 ORDER BY u.display_name, u.id`,
      [editionId],
    );
    const ids = [...new Set(rows.flatMap((r) => r.conflicts))];
    const institutions = ids.length ? await manager.getRepository(Institution).findBy({ id: In(ids) }) : [];
    const refOf = new Map(institutions.map((i) => [i.id, { code: i.code, name: i.name, type: i.type }]));
    return rows.map((row) => ({
      userId: row.userId,
      displayName: row.displayName,
      institution: row.code && row.name && row.type ? { code: row.code, name: row.name, type: row.type } : null,
      conflicts: row.conflicts.flatMap((id) => (refOf.has(id) ? [refOf.get(id) as InstitutionRef] : [])),
    }));
  }

  /** The jury as the audit trail keeps it: accounts by id, conflicts by registry code (no e-mail). */
  private async auditedJurors(manager: EntityManager, rows: AwardJuror[]) {
    const ids = [...new Set(rows.flatMap((r) => r.conflictInstitutionIds))];
    const institutions = ids.length ? await manager.getRepository(Institution).findBy({ id: In(ids) }) : [];
    const codeOf = new Map(institutions.map((i) => [i.id, i.code]));
    return rows.map((row) => ({
      userId: row.userId,
      conflicts: row.conflictInstitutionIds.map((id) => codeOf.get(id) ?? id).sort(),
    }));
  }

  /** Published reuses only, once each (400 `unknownReuse` otherwise). */
  private async checkReuses(manager: EntityManager, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM reuses WHERE id = ANY($1::uuid[]) AND status = 'published'`,
      [unique],
    );
    const known = new Set(rows.map((r) => r.id));
    const violations = ids.flatMap((id, index) =>
      known.has(id) ? [] : [{ field: `claimedReuseIds.${index}`, rule: 'unknownReuse', args: [id] }],
    );
    if (violations.length) throw AppException.validation(violations);
    return unique;
  }

  private async replaceCriteria(
    manager: EntityManager,
    editionId: string,
    criteria: SaveCriterionDto[],
  ): Promise<AwardCriterion[]> {
    const repo = manager.getRepository(AwardCriterion);
    await repo.delete({ editionId });
    return repo.save(
      criteria.map((criterion, position) =>
        repo.create({
          editionId,
          kind: criterion.kind,
          metric: criterion.kind === 'automated' ? (criterion.metric as AutomatedMetric) : null,
          title: compact(criterion.title),
          description: compact(criterion.description),
          weight: criterion.weight,
          position,
        }),
      ),
    );
  }

  /**
   * The rules of an edition: weights summing to 100, automated criteria with a metric (once each),
   * jury ones without, and the timeline in order (each date on Morocco's calendar).
   */
  private checkEdition(
    timeline: {
      callOpensOn: string;
      applicationsCloseAt: Date;
      scoringOpensOn: string;
      scoringClosesAt: Date;
      resultsOn: string;
    },
    criteria: SaveCriterionDto[] | null,
  ): RuleViolation[] {
    const violations: RuleViolation[] = [];
    if (criteria) {
      const sum = round2(criteria.reduce((total, c) => total + c.weight, 0));
      if (sum !== 100) violations.push({ field: 'criteria', rule: 'weightsSum100', args: [sum] });
      const metrics = new Set<string>();
      criteria.forEach((criterion, i) => {
        if (criterion.kind === 'automated' && !criterion.metric)
          violations.push({ field: `criteria.${i}.metric`, rule: 'metricRequired' });
        if (criterion.kind === 'jury' && criterion.metric)
          violations.push({ field: `criteria.${i}.metric`, rule: 'juryHasNoMetric' });
        if (criterion.kind === 'automated' && criterion.metric) {
          if (metrics.has(criterion.metric))
            violations.push({ field: `criteria.${i}.metric`, rule: 'duplicateMetric', args: [criterion.metric] });
          metrics.add(criterion.metric);
        }
      });
    }
    // A day meets an instant on Morocco's calendar, and at UTC midnight as the database's checks do.
    const startOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
    const closeDay = dayOf(timeline.applicationsCloseAt);
    const scoringCloseDay = dayOf(timeline.scoringClosesAt);
    if (closeDay <= timeline.callOpensOn || timeline.applicationsCloseAt.getTime() < startOf(timeline.callOpensOn))
      violations.push({ field: 'applicationsCloseAt', rule: 'after', args: [timeline.callOpensOn] });
    if (timeline.scoringOpensOn < closeDay)
      violations.push({ field: 'scoringOpensOn', rule: 'notBefore', args: [closeDay] });
    if (timeline.scoringClosesAt <= timeline.applicationsCloseAt)
      violations.push({ field: 'scoringClosesAt', rule: 'after', args: [timeline.applicationsCloseAt.toISOString()] });
    else if (
      scoringCloseDay < timeline.scoringOpensOn ||
      timeline.scoringClosesAt.getTime() < startOf(timeline.scoringOpensOn)
    )
      violations.push({ field: 'scoringClosesAt', rule: 'notBefore', args: [timeline.scoringOpensOn] });
    if (timeline.resultsOn < scoringCloseDay)
      violations.push({ field: 'resultsOn', rule: 'notBefore', args: [scoringCloseDay] });
    return violations;
  }

  /** A transaction in which a race on an edition's year gives the same 400 as the check. */
  private inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transactionMappingUniqueViolations(
      this.dataSource,
      { [EDITION_YEAR_UNIQUE]: { field: 'year', rule: 'duplicateYear' }, ...TIMELINE_CHECKS },
      work,
    );
  }
}

/** GET /api/v1/award/applications/:id/jury-scores (coordinators, once scoring closes). */
export interface JuryScoresView {
  applicationId: string;
  jurors: {
    userId: string;
    displayName: string;
    scores: { criterionId: string; score: number; comment: string | null }[];
  }[];
}

/** A complete application has its narrative in Arabic or French. */
function checkComplete(narrative: PartialLocalizedText): void {
  if (!narrative.ar && !narrative.fr)
    throw AppException.validation([{ field: 'narrative', rule: 'hasArabicOrFrench' }]);
}

/** An evidence file as applications show it. */
export function fileView(row: AwardApplicationFile): AwardFileView {
  return {
    id: row.id,
    title: row.title,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}

export function criterionView(criterion: AwardCriterion): CriterionView {
  return {
    id: criterion.id,
    kind: criterion.kind,
    metric: criterion.metric,
    title: criterion.title,
    description: criterion.description,
    weight: criterion.weight,
    position: criterion.position,
  };
}

/** What identifies a criterion's content, to tell whether a sent list changes it. */
function criterionShape(criterion: {
  kind: string;
  metric?: string | null;
  title: PartialLocalizedText;
  description?: PartialLocalizedText;
  weight: number;
}) {
  return {
    kind: criterion.kind,
    metric: criterion.kind === 'automated' ? (criterion.metric ?? null) : null,
    title: sortedText(compact(criterion.title)),
    description: sortedText(compact(criterion.description)),
    weight: round2(criterion.weight),
  };
}

const sortedText = (text: PartialLocalizedText) =>
  Object.fromEntries(Object.entries(text).sort(([a], [b]) => a.localeCompare(b)));

function audited(edition: AwardEdition, criteria: AwardCriterion[]) {
  return {
    year: edition.year,
    title: edition.title,
    callOpensOn: edition.callOpensOn,
    applicationsCloseAt: edition.applicationsCloseAt.toISOString(),
    scoringOpensOn: edition.scoringOpensOn,
    scoringClosesAt: edition.scoringClosesAt.toISOString(),
    resultsOn: edition.resultsOn,
    eligibleTypes: [...edition.eligibleTypes].sort(),
    criteria: criteria.map((c) => ({ kind: c.kind, metric: c.metric, title: c.title, weight: c.weight })),
  };
}

function auditedApplication(application: AwardApplication) {
  return {
    narrative: application.narrative,
    links: application.links,
    claimedReuseIds: application.claimedReuseIds,
    submittedAt: application.submittedAt?.toISOString() ?? null,
  };
}
