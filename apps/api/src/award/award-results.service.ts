import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  pickText,
  rankApplications,
  type AwardHonour,
  type AwardResultRow,
  type AwardResults,
  type InstitutionRef,
  type RankingInput,
} from '@marsad/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { SignedInContext } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { writeTable, type ColumnSpec, type TableFormat } from '../imports/table-file.util';
import { AwardFreezeService } from './award-freeze.service';
import { resultsHash, scoringClosed } from './award-phase';
import { AwardService, criterionView } from './award.service';
import { conflictedInstitutionIds } from './conflicts';
import type { PublishResultsDto } from './dto/award.dto';
import { AwardEdition } from './entities/award-edition.entity';
import { AwardPublication } from './entities/award-publication.entity';

const TIE_BREAKS = {
  automated: { fr: 'sous-total automatisé', ar: 'المجموع الفرعي الآلي' },
  submittedAt: { fr: 'dépôt le plus tôt', ar: 'الإيداع الأسبق' },
} as const;

/**
 * The ranking of an edition and its publications. The method is the shared `rankApplications`
 * (contracts), so the API and the public page cannot disagree: the frozen automated values and the
 * jurors' scores (mean, or trimmed mean from five jurors) weighted into a total out of 100; ties
 * broken by the automated sub-total, then by the earlier complete application. A juror's scores
 * count only while they sit on the jury and are not conflicted with the application.
 *
 * A publication is immutable (a trigger refuses UPDATE and DELETE): its rows and their hash,
 * SHA-256 of the rows' JSON with keys sorted (`resultsHash`). A correction is a new publication,
 * with a reason, audited; the newest is current.
 */
@Injectable()
export class AwardResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly award: AwardService,
    private readonly freeze: AwardFreezeService,
  ) {}

  /** The ranking as it would be published now (coordinators), from the deadline on. */
  async ranking(editionId: string): Promise<AwardResultRow[]> {
    await this.freeze.ensureFrozen(editionId);
    const manager = this.dataSource.manager;
    const { edition, phase } = await this.award.load(manager, editionId);
    if (!edition.frozenAt)
      throw new AppException(HttpStatus.CONFLICT, 'AWARD_PHASE_CONFLICT', {
        phase,
        rule: 'the ranking exists once the automated values are frozen at the deadline',
      });
    return this.rows(manager, edition);
  }

  /** Publishes the ranking once scoring has closed; a correction (second publication on) needs a reason. */
  async publish(caller: SignedInContext, editionId: string, dto: PublishResultsDto): Promise<AwardResults> {
    await this.freeze.ensureFrozen(editionId);
    await this.dataSource.transaction(async (manager) => {
      const edition = await manager
        .getRepository(AwardEdition)
        .findOne({ where: { id: editionId }, lock: { mode: 'pessimistic_write' } });
      if (!edition) throw AppException.notFound('awardEdition', editionId);
      const { phase } = await this.award.load(manager, editionId);
      if (!scoringClosed(phase) || !edition.frozenAt)
        throw new AppException(HttpStatus.CONFLICT, 'AWARD_PHASE_CONFLICT', {
          phase,
          rule: 'results are published once scoring has closed',
        });
      const previous = await manager
        .getRepository(AwardPublication)
        .findOne({ where: { editionId }, order: { number: 'DESC' } });
      const number = (previous?.number ?? 0) + 1;
      const reason = dto.reason?.trim() || null;
      if (number > 1 && !reason) throw AppException.validation([{ field: 'reason', rule: 'required' }]);
      const rows = await this.rows(manager, edition);
      const hash = resultsHash(rows);
      await manager.getRepository(AwardPublication).insert({
        editionId,
        number,
        rows,
        hash,
        reason: number > 1 ? reason : null,
        publishedBy: caller.actor.userId,
      });
      await this.audit.record(manager, caller, {
        action: 'award-results.publish',
        entityType: 'award_edition',
        entityId: editionId,
        diff: {
          publication: { before: previous?.number ?? null, after: number },
          hash: { before: previous?.hash ?? null, after: hash },
          ...(number > 1 ? { reason: { before: null, after: reason } } : {}),
        },
      });
    });
    return this.results(editionId);
  }

  /** The current (newest) publication, public; 404 before the first. */
  async results(editionId: string): Promise<AwardResults> {
    const manager = this.dataSource.manager;
    const { edition } = await this.award.load(manager, editionId);
    const publication = await manager
      .getRepository(AwardPublication)
      .findOne({ where: { editionId }, order: { number: 'DESC' } });
    if (!publication) throw AppException.notFound('awardResults', editionId);
    const [summary] = await this.award.summaries(manager, [edition]);
    return {
      edition: summary,
      criteria: (await this.award.criteriaOf(manager, editionId)).map(criterionView),
      rows: publication.rows,
      publishedAt: publication.publishedAt.toISOString(),
      hash: publication.hash,
      publication: publication.number,
      correctionReason: publication.reason,
    };
  }

  /** The current publication as a sheet: one row per application, each criterion's value, the tie-break. */
  async export(editionId: string, format: TableFormat): Promise<Buffer> {
    const results = await this.results(editionId);
    const label = (text: Record<string, string | undefined>, locale: 'fr' | 'ar') =>
      text[locale] ?? text['fr'] ?? text['ar'] ?? text['en'] ?? '';
    const columns: ColumnSpec[] = [
      { key: 'rank', label: { fr: 'Rang', ar: 'الرتبة' } },
      { key: 'code', label: { fr: 'Code', ar: 'الرمز' } },
      { key: 'name_fr', label: { fr: 'Administration', ar: 'الإدارة (بالفرنسية)' } },
      { key: 'name_ar', label: { fr: 'Administration (arabe)', ar: 'الإدارة' } },
      { key: 'total', label: { fr: 'Total (/100)', ar: 'المجموع (/100)' } },
      { key: 'automated_subtotal', label: { fr: 'Sous-total automatisé', ar: 'المجموع الفرعي الآلي' } },
      ...results.criteria.map((criterion) => ({
        key: `criterion_${criterion.position + 1}`,
        label: {
          fr: `${label(criterion.title, 'fr')} (/10, ${criterion.weight} %)`,
          ar: `${label(criterion.title, 'ar')} (/10، ${criterion.weight}٪)`,
        },
      })),
      { key: 'tie_break', label: { fr: 'Départage', ar: 'الفصل بين المتعادلين' } },
    ];
    const rows = results.rows.map((row) => [
      row.rank,
      row.institution.code,
      pickText(row.institution.name, 'fr')?.text ?? '',
      row.institution.name.ar ?? '',
      row.total,
      row.automatedSubtotal,
      ...results.criteria.map((criterion) => row.criteria.find((c) => c.criterionId === criterion.id)?.value ?? null),
      row.tieBrokenBy ? TIE_BREAKS[row.tieBrokenBy].fr : null,
    ]);
    return writeTable(format, `imtiaz-${results.edition.year}`, columns, rows);
  }

  /** The administration's places in every published edition it applied to (public). */
  async honours(code: string): Promise<AwardHonour[]> {
    const manager = this.dataSource.manager;
    const [institution] = await manager.query('SELECT id FROM institutions WHERE code = $1', [code]);
    if (!institution) throw AppException.notFound('institution', code);
    const publications: { editionId: string; year: number; title: AwardHonour['title']; rows: AwardResultRow[] }[] =
      await manager.query(
        `SELECT DISTINCT ON (p.edition_id) p.edition_id AS "editionId", e.year, e.title, p.rows
           FROM award_publications p JOIN award_editions e ON e.id = p.edition_id
          WHERE EXISTS (SELECT 1 FROM award_applications a WHERE a.edition_id = p.edition_id AND a.institution_id = $1)
          ORDER BY p.edition_id, p.number DESC`,
        [institution.id],
      );
    return publications
      .flatMap((publication) => {
        const row = publication.rows.find((r) => r.institution.code === code);
        return row
          ? [
              {
                editionId: publication.editionId,
                year: publication.year,
                title: publication.title,
                rank: row.rank,
                of: publication.rows.length,
                total: row.total,
              },
            ]
          : [];
      })
      .sort((a, b) => b.year - a.year);
  }

  /** The ranking of the complete applications from the frozen values and the jury's scores now. */
  async rows(manager: EntityManager, edition: AwardEdition): Promise<AwardResultRow[]> {
    const criteria = await this.award.criteriaOf(manager, edition.id);
    const applications: { id: string; institutionId: string; submittedAt: Date; ref: InstitutionRef }[] = (
      await manager.query(
        `SELECT a.id, a.institution_id AS "institutionId", a.submitted_at AS "submittedAt", i.code, i.name, i.type
           FROM award_applications a JOIN institutions i ON i.id = a.institution_id
          WHERE a.edition_id = $1 AND a.submitted_at IS NOT NULL`,
        [edition.id],
      )
    ).map((row: { id: string; institutionId: string; submittedAt: Date; code: string; name: never; type: never }) => ({
      id: row.id,
      institutionId: row.institutionId,
      submittedAt: new Date(row.submittedAt),
      ref: { code: row.code, name: row.name, type: row.type },
    }));
    const values: { applicationId: string; criterionId: string; value: string }[] = await manager.query(
      `SELECT v.application_id AS "applicationId", v.criterion_id AS "criterionId", v.value
         FROM award_automated_values v JOIN award_applications a ON a.id = v.application_id
        WHERE a.edition_id = $1`,
      [edition.id],
    );
    const scores: { applicationId: string; criterionId: string; jurorId: string; score: string }[] =
      await manager.query(
        `SELECT s.application_id AS "applicationId", s.criterion_id AS "criterionId", s.juror_id AS "jurorId", s.score
         FROM award_scores s
         JOIN award_applications a ON a.id = s.application_id
         JOIN award_jurors j ON j.edition_id = a.edition_id AND j.user_id = s.juror_id
        WHERE a.edition_id = $1
        ORDER BY s.juror_id`,
        [edition.id],
      );
    const jurors: { userId: string; institutionId: string | null; declared: string[] }[] = await manager.query(
      `SELECT j.user_id AS "userId", u.institution_id AS "institutionId", j.conflict_institution_ids AS declared
         FROM award_jurors j JOIN users u ON u.id = j.user_id WHERE j.edition_id = $1`,
      [edition.id],
    );
    const conflicts = new Map<string, Set<string>>();
    for (const juror of jurors)
      conflicts.set(
        juror.userId,
        await conflictedInstitutionIds(manager, { institutionId: juror.institutionId, declared: juror.declared }),
      );
    const institutionOf = new Map(applications.map((a) => [a.id, a.institutionId]));
    const input: RankingInput = {
      criteria: criteria.map((c) => ({ id: c.id, kind: c.kind, weight: c.weight })),
      applications: applications.map((application) => {
        const automated: Record<string, number> = {};
        for (const v of values) if (v.applicationId === application.id) automated[v.criterionId] = Number(v.value);
        const jury: Record<string, number[]> = {};
        for (const s of scores) {
          if (s.applicationId !== application.id) continue;
          if (conflicts.get(s.jurorId)?.has(institutionOf.get(s.applicationId) as string)) continue;
          (jury[s.criterionId] ??= []).push(Number(s.score));
        }
        return { institution: application.ref, submittedAt: application.submittedAt.toISOString(), automated, jury };
      }),
    };
    return rankApplications(input);
  }
}
