import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  HACKATHON_LIMITS,
  pickText,
  type HackathonChallenge as ChallengeView,
  type HackathonTeam as TeamView,
  type HackathonView,
  type InstitutionType,
  type LocalizedText,
  type PartialLocalizedText,
  type ReuseDatasetRef,
  type ReuseView,
} from '@marsad/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { SignedInContext } from '../auth/actor';
import { AuditService, diffOf } from '../audit/audit.service';
import { AppException, type RuleViolation } from '../common/errors/app-exception';
import { transactionMappingUniqueViolations } from '../common/errors/unique-violation';
import { PlanEvent } from '../events/entities/plan-event.entity';
import { ReusesService } from '../reuses/reuses.service';
import type {
  SaveChallengeDto,
  SaveTeamDto,
  TeamSubmissionDto,
  TeamToReuseDto,
  UpdateChallengeDto,
  UpdateTeamDto,
} from './dto/hackathons.dto';
import { HackathonChallenge } from './entities/hackathon-challenge.entity';
import { HackathonTeam, type TeamSubmission } from './entities/hackathon-team.entity';

/** The unique constraint on a team's name within its hackathon (see the migration). */
const TEAM_NAME_UNIQUE = 'UQ_98904282b47d22286a825db71dc';

/** Arabic letters (the Arabic blocks and presentation forms) against Latin ones, accents included. */
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/gu;

/** The locale a text written by a team is in: Arabic when most of its letters are, French otherwise. */
export function scriptLocale(text: string): 'ar' | 'fr' {
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  return arabic > latin ? 'ar' : 'fr';
}

/** The non-blank texts of a per-locale object. */
function compact(text: PartialLocalizedText | undefined): PartialLocalizedText {
  return Object.fromEntries(
    Object.entries(text ?? {}).filter(([, value]) => typeof value === 'string' && value.trim().length > 0),
  );
}

/**
 * A hackathon (an event of type 'hackathon', measure 12): challenges on the portal's datasets, teams
 * and what they submitted, the jury's scores and ranks, and winners published as reuses. Read by
 * anyone; written by ADD's coordinators, each write in one transaction with its audit.
 */
@Injectable()
export class HackathonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reuses: ReusesService,
  ) {}

  /** The challenges, the teams ranked (by rank, then score, then name) and whether the results are out. */
  async view(eventId: string, manager: EntityManager = this.dataSource.manager): Promise<HackathonView> {
    await this.hackathon(manager, eventId);
    const [challenges, teams] = await Promise.all([
      manager.getRepository(HackathonChallenge).find({ where: { eventId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      manager
        .getRepository(HackathonTeam)
        .createQueryBuilder('t')
        .where('t.event_id = :eventId', { eventId })
        .orderBy('t.rank', 'ASC', 'NULLS LAST')
        .addOrderBy('t.score', 'DESC', 'NULLS LAST')
        .addOrderBy('t.name', 'ASC')
        .addOrderBy('t.id', 'ASC')
        .getMany(),
    ]);
    const refs = await this.datasetRefs(
      manager,
      challenges.flatMap((c) => c.datasetIds),
    );
    return {
      eventId,
      challenges: challenges.map((c) => challengeView(c, refs)),
      teams: teams.map(teamView),
      resultsOut: teams.some((t) => t.rank !== null),
    };
  }

  addChallenge(caller: SignedInContext, eventId: string, dto: SaveChallengeDto): Promise<ChallengeView> {
    return this.dataSource.transaction(async (manager) => {
      await this.hackathon(manager, eventId, true);
      const count = await manager.getRepository(HackathonChallenge).countBy({ eventId });
      if (count >= HACKATHON_LIMITS.challenges)
        throw AppException.validation([
          { field: 'event', rule: 'tooManyChallenges', args: [HACKATHON_LIMITS.challenges] },
        ]);
      const datasetIds = await this.checkDatasets(manager, dto.datasetIds ?? [], []);
      const repo = manager.getRepository(HackathonChallenge);
      const challenge = await repo.save(
        repo.create({ eventId, title: compact(dto.title), description: compact(dto.description), datasetIds }),
      );
      await this.audit.record(manager, caller, {
        action: 'hackathon-challenge.create',
        entityType: 'hackathon_challenge',
        entityId: challenge.id,
        diff: diffOf(null, auditedChallenge(challenge)),
      });
      return challengeView(challenge, await this.datasetRefs(manager, challenge.datasetIds));
    });
  }

  updateChallenge(caller: SignedInContext, id: string, dto: UpdateChallengeDto): Promise<ChallengeView> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.lockChallenge(manager, id, dto.version);
      const before = auditedChallenge(challenge);
      if (dto.title) challenge.title = compact(dto.title);
      if (dto.description) challenge.description = compact(dto.description);
      if (dto.datasetIds)
        challenge.datasetIds = await this.checkDatasets(manager, dto.datasetIds, challenge.datasetIds);
      const diff = diffOf(before, auditedChallenge(challenge));
      if (Object.keys(diff).length) {
        await manager.save(challenge);
        await this.audit.record(manager, caller, {
          action: 'hackathon-challenge.update',
          entityType: 'hackathon_challenge',
          entityId: id,
          diff,
        });
      }
      return challengeView(challenge, await this.datasetRefs(manager, challenge.datasetIds));
    });
  }

  /** Removes a challenge; its teams stay, without a challenge (a new version each, so stale forms get 409). */
  removeChallenge(caller: SignedInContext, id: string, version: number): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.lockChallenge(manager, id, version);
      const teams: { id: string }[] = await manager
        .getRepository(HackathonTeam)
        .createQueryBuilder()
        .update()
        .set({ challengeId: null, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('challenge_id = :id', { id })
        .returning(['id'])
        .execute()
        .then((result) => (result.raw as { id: string }[]) ?? []);
      await manager.getRepository(HackathonChallenge).delete({ id });
      await this.audit.record(manager, caller, {
        action: 'hackathon-challenge.delete',
        entityType: 'hackathon_challenge',
        entityId: id,
        diff: {
          ...diffOf(auditedChallenge(challenge), null),
          ...(teams.length ? { teamsUnlinked: { before: teams.map((t) => t.id), after: null } } : {}),
        },
      });
    });
  }

  addTeam(caller: SignedInContext, eventId: string, dto: SaveTeamDto): Promise<TeamView> {
    return this.inTransaction(async (manager) => {
      await this.hackathon(manager, eventId, true);
      const count = await manager.getRepository(HackathonTeam).countBy({ eventId });
      if (count >= HACKATHON_LIMITS.teams)
        throw AppException.validation([{ field: 'event', rule: 'tooManyTeams', args: [HACKATHON_LIMITS.teams] }]);
      await this.checkTeam(manager, eventId, null, { name: dto.name, challengeId: dto.challengeId ?? null });
      const repo = manager.getRepository(HackathonTeam);
      const team = await repo.save(
        repo.create({
          eventId,
          name: dto.name,
          members: dto.members,
          challengeId: dto.challengeId ?? null,
          submission: submissionOf(dto.submission),
          score: null,
          rank: null,
          reuseId: null,
        }),
      );
      await this.audit.record(manager, caller, {
        action: 'hackathon-team.create',
        entityType: 'hackathon_team',
        entityId: team.id,
        diff: diffOf(null, auditedTeam(team)),
      });
      return teamView(team);
    });
  }

  /** Changes a team, its submission, or the jury's score and rank. */
  updateTeam(caller: SignedInContext, id: string, dto: UpdateTeamDto): Promise<TeamView> {
    return this.inTransaction(async (manager) => {
      const team = await this.lockTeam(manager, id, dto.version);
      const before = auditedTeam(team);
      const challengeId = dto.challengeId !== undefined ? dto.challengeId : team.challengeId;
      await this.checkTeam(manager, team.eventId, team.id, {
        name: dto.name ?? null,
        challengeId: challengeId !== team.challengeId ? challengeId : null,
      });
      Object.assign(team, {
        name: dto.name ?? team.name,
        members: dto.members ?? team.members,
        challengeId,
        submission: dto.submission !== undefined ? submissionOf(dto.submission) : team.submission,
        score: dto.score !== undefined ? dto.score : team.score,
        rank: dto.rank !== undefined ? dto.rank : team.rank,
      });
      const diff = diffOf(before, auditedTeam(team));
      if (Object.keys(diff).length === 0) return teamView(team);
      await manager.save(team);
      await this.audit.record(manager, caller, {
        action: 'hackathon-team.update',
        entityType: 'hackathon_team',
        entityId: id,
        diff,
      });
      return teamView(team);
    });
  }

  /** Removes a team entered by mistake; not one whose project was published as a reuse. */
  removeTeam(caller: SignedInContext, id: string, version: number): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const team = await this.lockTeam(manager, id, version);
      if (team.reuseId)
        throw AppException.validation([{ field: 'reuseId', rule: 'teamHasReuse', args: [team.reuseId] }]);
      await manager.getRepository(HackathonTeam).delete({ id });
      await this.audit.record(manager, caller, {
        action: 'hackathon-team.delete',
        entityType: 'hackathon_team',
        entityId: id,
        diff: diffOf(auditedTeam(team), null),
      });
    });
  }

  /**
   * A ranked team's submission becomes a published reuse (origin 'hackathon', the datasets of its
   * challenge), once; the team keeps a link to it.
   */
  toReuse(caller: SignedInContext, id: string, dto: TeamToReuseDto): Promise<ReuseView> {
    return this.dataSource.transaction(async (manager) => {
      const team = await manager
        .getRepository(HackathonTeam)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!team) throw AppException.notFound('hackathonTeam', id);
      if (team.reuseId)
        throw AppException.validation([{ field: 'reuseId', rule: 'alreadyReused', args: [team.reuseId] }]);
      const violations: RuleViolation[] = [];
      if (team.rank === null) violations.push({ field: 'rank', rule: 'notRanked' });
      if (!team.submission?.url) violations.push({ field: 'submission.url', rule: 'noSubmissionUrl' });
      const challenge = team.challengeId
        ? await manager.getRepository(HackathonChallenge).findOneBy({ id: team.challengeId })
        : null;
      // A reuse names the portal's datasets it uses: here, those of the team's challenge.
      if (!challenge?.datasetIds.length) violations.push({ field: 'challengeId', rule: 'challengeWithoutDatasets' });
      if (violations.length) throw AppException.validation(violations);
      const submission = team.submission as TeamSubmission;
      const event = await manager.getRepository(PlanEvent).findOneByOrFail({ id: team.eventId });
      const given = compact(dto.description);
      const description = Object.keys(given).length
        ? given
        : submission.description
          ? { [scriptLocale(submission.description)]: submission.description }
          : projectOf(team, event.title);
      const reuseId = await this.reuses.createPublished(manager, caller, {
        title: { [scriptLocale(submission.title)]: submission.title },
        description,
        reuserType: dto.reuserType,
        url: submission.url as string,
        origin: 'hackathon',
        datasetIds: (challenge as HackathonChallenge).datasetIds,
        hackathonEventId: team.eventId,
      });
      const before = auditedTeam(team);
      team.reuseId = reuseId;
      await manager.save(team);
      await this.audit.record(manager, caller, {
        action: 'hackathon-team.reuse',
        entityType: 'hackathon_team',
        entityId: id,
        diff: diffOf(before, auditedTeam(team)),
      });
      return this.reuses.get(reuseId, caller.actor, manager);
    });
  }

  /** The hackathon event (404 when there is none, 400 when the event is of another type), locked for a change if asked. */
  private async hackathon(manager: EntityManager, id: string, lock = false): Promise<PlanEvent> {
    const event = await manager
      .getRepository(PlanEvent)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!event) throw AppException.notFound('event', id);
    if (event.type !== 'hackathon')
      throw AppException.validation([{ field: 'event', rule: 'notHackathon', args: [event.type] }]);
    return event;
  }

  private async lockChallenge(manager: EntityManager, id: string, version: number): Promise<HackathonChallenge> {
    const challenge = await manager
      .getRepository(HackathonChallenge)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!challenge) throw AppException.notFound('hackathonChallenge', id);
    if (challenge.version !== version)
      throw AppException.versionConflict(
        'hackathonChallenge',
        version,
        challengeView(challenge, await this.datasetRefs(manager, challenge.datasetIds)),
      );
    return challenge;
  }

  private async lockTeam(manager: EntityManager, id: string, version: number): Promise<HackathonTeam> {
    const team = await manager
      .getRepository(HackathonTeam)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!team) throw AppException.notFound('hackathonTeam', id);
    if (team.version !== version) throw AppException.versionConflict('hackathonTeam', version, teamView(team));
    return team;
  }

  /** A team's name is its own within the hackathon (case aside); its challenge is one of the hackathon's. */
  private async checkTeam(
    manager: EntityManager,
    eventId: string,
    teamId: string | null,
    check: { name: string | null; challengeId: string | null },
  ): Promise<void> {
    const violations: RuleViolation[] = [];
    if (check.name) {
      const [taken] = await manager.query(
        `SELECT 1 FROM hackathon_teams WHERE event_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3::uuid) LIMIT 1`,
        [eventId, check.name, teamId],
      );
      if (taken) violations.push({ field: 'name', rule: 'duplicateTeamName', args: [check.name] });
    }
    if (
      check.challengeId &&
      !(await manager.getRepository(HackathonChallenge).existsBy({ id: check.challengeId, eventId }))
    )
      violations.push({ field: 'challengeId', rule: 'unknownChallenge', args: [check.challengeId] });
    if (violations.length) throw AppException.validation(violations);
  }

  /** The ids, once each, in the order given; each a harvested dataset still on the portal (or one already linked). */
  private async checkDatasets(manager: EntityManager, ids: string[], linked: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const rows: { ckan_id: string }[] = await manager.query(
      `SELECT ckan_id FROM portal_datasets WHERE ckan_id = ANY($1::text[]) AND (deleted_at IS NULL OR ckan_id = ANY($2::text[]))`,
      [unique, linked],
    );
    const known = new Set(rows.map((r) => r.ckan_id));
    const violations = ids
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !known.has(id))
      .map(({ id, index }) => ({ field: `datasetIds.${index}`, rule: 'unknownPortalDataset', args: [id] }));
    if (violations.length) throw AppException.validation(violations);
    return unique;
  }

  /** The portal's datasets by CKAN id, with their themes and the administration mapped to their organisation. */
  private async datasetRefs(manager: EntityManager, ids: string[]): Promise<Map<string, ReuseDatasetRef>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: {
      ckan_id: string;
      name: string;
      title: string;
      groups: string[];
      code: string | null;
      institution_name: LocalizedText | null;
      type: InstitutionType | null;
    }[] = await manager.query(
      `SELECT d.ckan_id, d.name, d.title, d.groups, i.code, i.name AS institution_name, i.type
         FROM portal_datasets d LEFT JOIN institutions i ON i.portal_org_name = d.organization_name
        WHERE d.ckan_id = ANY($1::text[])`,
      [unique],
    );
    return new Map(
      rows.map((r) => [
        r.ckan_id,
        {
          portalId: r.ckan_id,
          name: r.name,
          title: r.title,
          institution:
            r.code && r.institution_name && r.type ? { code: r.code, name: r.institution_name, type: r.type } : null,
          themes: r.groups ?? [],
        },
      ]),
    );
  }

  /** A transaction in which a race on a team's name gives the same 400 as the check. */
  private inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transactionMappingUniqueViolations(
      this.dataSource,
      { [TEAM_NAME_UNIQUE]: { field: 'name', rule: 'duplicateTeamName' } },
      work,
    );
  }
}

function submissionOf(dto: TeamSubmissionDto | null | undefined): TeamSubmission | null {
  if (!dto) return null;
  return { title: dto.title, url: dto.url || null, description: dto.description?.trim() || null };
}

/** The reuse's description when neither the coordinator nor the team wrote one. */
function projectOf(team: HackathonTeam, eventTitle: PartialLocalizedText): PartialLocalizedText {
  const title = (locale: 'ar' | 'fr' | 'en') => pickText(eventTitle, locale)?.text ?? '';
  return {
    fr: `Projet de l’équipe ${team.name}, classé n° ${team.rank} au hackathon « ${title('fr')} ».`,
    ar: `مشروع فريق ${team.name}، المرتبة ${team.rank} في الهاكاثون «${title('ar')}».`,
    en: `Project of team ${team.name}, ranked ${team.rank} at the hackathon “${title('en')}”.`,
  };
}

function challengeView(challenge: HackathonChallenge, refs: Map<string, ReuseDatasetRef>): ChallengeView {
  return {
    id: challenge.id,
    title: challenge.title,
    description: challenge.description,
    datasets: challenge.datasetIds.flatMap((id) => {
      const ref = refs.get(id);
      return ref ? [ref] : [];
    }),
    version: challenge.version,
  };
}

function teamView(team: HackathonTeam): TeamView {
  return {
    id: team.id,
    name: team.name,
    members: team.members,
    challengeId: team.challengeId,
    submission: team.submission,
    score: team.score === null ? null : Number(team.score),
    rank: team.rank,
    reuseId: team.reuseId,
    version: team.version,
  };
}

function auditedChallenge(challenge: HackathonChallenge) {
  return { title: challenge.title, description: challenge.description, datasetIds: challenge.datasetIds };
}

function auditedTeam(team: HackathonTeam) {
  return {
    name: team.name,
    members: team.members,
    challengeId: team.challengeId,
    submission: team.submission,
    score: team.score === null ? null : Number(team.score),
    rank: team.rank,
    reuseId: team.reuseId,
  };
}
