import {
  automatedValue,
  rankApplications,
  type AutomatedMetric,
  type CriterionKind,
  type InstitutionType,
  type IsoDate,
  type PartialLocalizedText,
} from '@marsad/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { hashPassword } from '../auth/passwords';
import { addDays } from '../common/time/today';
import { Institution } from '../institutions/entities/institution.entity';
import { demoUnit, markDemoLoaded } from '../seed/demo-seed.util';
import { DEMO_PASSWORD } from '../users/users.demo-seed';
import { resultsHash } from './award-phase';
import { AwardApplication } from './entities/award-application.entity';
import { AwardAutomatedValue } from './entities/award-automated-value.entity';
import { AwardCriterion } from './entities/award-criterion.entity';
import { AwardEdition } from './entities/award-edition.entity';
import { AwardJuror } from './entities/award-juror.entity';
import { AwardScore } from './entities/award-score.entity';

const DEMO_AWARD_KEY = 'demo_award';

/** Two jurors from outside the administration, beside the committee's and ADD's demo accounts (same password). */
export const DEMO_JURY_ACCOUNTS = [
  { email: 'jury.universite@demo.marsad.ma', displayName: 'Leila Amrani' },
  { email: 'jury.societe-civile@demo.marsad.ma', displayName: 'Omar Benjelloun' },
];

/** The jury of both demo editions, with the conflicts each declared. */
const DEMO_JURY: { email: string; conflicts: string[] }[] = [
  { email: 'comite@hcp.ma', conflicts: ['HCP'] },
  { email: 'coordination@add.gov.ma', conflicts: ['MTNRA'] },
  { email: 'jury.universite@demo.marsad.ma', conflicts: [] },
  { email: 'jury.societe-civile@demo.marsad.ma', conflicts: ['ANRT'] },
];

interface DemoCriterion {
  kind: CriterionKind;
  metric: AutomatedMetric | null;
  title: PartialLocalizedText;
  weight: number;
}

const NARRATIVE: DemoCriterion = {
  kind: 'jury',
  metric: null,
  title: { fr: 'Qualité du dossier', ar: 'جودة الملف', en: 'Quality of the application' },
  weight: 20,
};
const IMPACT: DemoCriterion = {
  kind: 'jury',
  metric: null,
  title: { fr: 'Impact et innovation', ar: 'الأثر والابتكار', en: 'Impact and innovation' },
  weight: 15,
};
const automated = (metric: AutomatedMetric, fr: string, ar: string, en: string, weight: number): DemoCriterion => ({
  kind: 'automated',
  metric,
  title: { fr, ar, en },
  weight,
});

const PAST_CRITERIA: DemoCriterion[] = [
  automated('publication_score', 'Score de publication', 'نقطة النشر', 'Publication score', 25),
  automated('freshness', 'Fraîcheur des données', 'تحيين المعطيات', 'Freshness of the data', 15),
  automated('inventory_coverage', 'Couverture de l’inventaire', 'تغطية الجرد', 'Inventory coverage', 15),
  automated('reuses', 'Réutilisations', 'إعادة الاستخدام', 'Reuses', 10),
  NARRATIVE,
  IMPACT,
];

const OPEN_CRITERIA: DemoCriterion[] = [
  automated('publication_score', 'Score de publication', 'نقطة النشر', 'Publication score', 20),
  automated('freshness', 'Fraîcheur des données', 'تحيين المعطيات', 'Freshness of the data', 10),
  automated('reuses', 'Réutilisations', 'إعادة الاستخدام', 'Reuses', 10),
  automated('officer_coverage', 'Responsables désignés', 'المسؤولون المعينون', 'Officers appointed', 10),
  automated('reporting_punctuality', 'Ponctualité des rapports', 'انتظام التقارير', 'Reporting on time', 10),
  { ...NARRATIVE, weight: 20 },
  { ...IMPACT, weight: 20 },
];

/** The past edition's applicants and the measures frozen at its deadline (publication score, freshness, coverage, reuses). */
const PAST_APPLICANTS: { code: string; raw: [number, number, number, number]; submittedDay: number }[] = [
  { code: 'MEF', raw: [78.4, 71.2, 64.5, 6], submittedDay: 58 },
  { code: 'HCP', raw: [82.1, 80.4, 70.0, 8], submittedDay: 71 },
  { code: 'MTNRA', raw: [69.7, 62.5, 55.0, 3], submittedDay: 80 },
  { code: 'ANRT', raw: [61.3, 58.8, 40.0, 2], submittedDay: 66 },
  { code: 'MJCC-COM', raw: [54.6, 49.0, 35.5, 1], submittedDay: 89 },
  { code: 'INPPLC', raw: [47.2, 66.1, 50.0, 0], submittedDay: 90 },
];

const PAST_NARRATIVES: Record<string, PartialLocalizedText> = {
  MEF: {
    fr: 'Publication trimestrielle des données budgétaires et de la dette, avec un portail d’API ouvert aux journalistes et aux chercheurs.',
    ar: 'نشر فصلي لمعطيات الميزانية والدين، مع بوابة واجهات برمجية مفتوحة للصحفيين والباحثين.',
  },
  HCP: {
    fr: 'Les résultats du recensement ouverts commune par commune, documentés et mis à jour à chaque enquête.',
    ar: 'نتائج الإحصاء مفتوحة جماعة بجماعة، موثقة ومحينة مع كل بحث.',
  },
  MTNRA: {
    fr: 'Pilotage du réseau des responsables open data et d’un inventaire national des données des administrations.',
    ar: 'قيادة شبكة مسؤولي المعطيات المفتوحة وجرد وطني لمعطيات الإدارات.',
  },
  ANRT: {
    fr: 'Indicateurs trimestriels du marché des télécommunications publiés en formats ouverts.',
    ar: 'مؤشرات فصلية لسوق الاتصالات منشورة بصيغ مفتوحة.',
  },
  'MJCC-COM': {
    fr: 'Données sur l’audiovisuel et la presse, ouvertes pour la première fois cette année.',
    ar: 'معطيات حول السمعي البصري والصحافة، مفتوحة لأول مرة هذه السنة.',
  },
  INPPLC: {
    fr: 'Publication des rapports et des indicateurs de probité sous forme de jeux de données réutilisables.',
    ar: 'نشر التقارير ومؤشرات النزاهة على شكل مجموعات معطيات قابلة لإعادة الاستخدام.',
  },
};

/**
 * The Imtiaz award in the demo, independent of any harvest: last year's edition with frozen values,
 * the jury's scores and its published results (ranked by `rankApplications`, hashed as a publication
 * is), and this year's edition, open for about thirty days, with no MEF application yet (so the MEF
 * officer can apply). Two jury accounts are created beside the committee's and ADD's. Loaded once:
 * returns how many editions were made, or null when they already were.
 */
export async function seedDemoAward(dataSource: DataSource, today: IsoDate): Promise<number | null> {
  return dataSource.transaction(async (manager) => {
    if (!(await markDemoLoaded(manager, DEMO_AWARD_KEY, { loadedOn: today }))) return null;
    const jurors = await demoJurors(manager);
    if (jurors.length === 0) return 0;
    const year = Number(today.slice(0, 4));
    await seedPastEdition(manager, year - 1, jurors);
    await seedOpenEdition(manager, year, today, jurors);
    return 2;
  });
}

async function demoJurors(manager: EntityManager): Promise<{ user: User; conflicts: string[] }[]> {
  const users = manager.getRepository(User);
  const existing = new Set(
    (await users.findBy({ email: In(DEMO_JURY_ACCOUNTS.map((a) => a.email)) })).map((u) => u.email),
  );
  const missing = DEMO_JURY_ACCOUNTS.filter((a) => !existing.has(a.email));
  if (missing.length) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await users.insert(
      missing.map((account) => ({
        email: account.email,
        displayName: account.displayName,
        role: 'COMMITTEE' as const,
        institutionId: null,
        preferredLocale: 'fr' as const,
        active: true,
        passwordHash,
      })),
    );
  }
  const found = await users.findBy({ email: In(DEMO_JURY.map((j) => j.email)) });
  return DEMO_JURY.flatMap((juror) => {
    const user = found.find((u) => u.email === juror.email);
    return user ? [{ user, conflicts: juror.conflicts }] : [];
  });
}

async function insertEdition(
  manager: EntityManager,
  values: Partial<AwardEdition>,
  criteria: DemoCriterion[],
  jurors: { user: User; conflicts: string[] }[],
): Promise<{ edition: AwardEdition; criteria: AwardCriterion[] }> {
  const edition = await manager.getRepository(AwardEdition).save(manager.getRepository(AwardEdition).create(values));
  const saved = await manager.getRepository(AwardCriterion).save(
    criteria.map((criterion, position) =>
      manager.getRepository(AwardCriterion).create({
        editionId: edition.id,
        kind: criterion.kind,
        metric: criterion.metric,
        title: criterion.title,
        description: {},
        weight: criterion.weight,
        position,
      }),
    ),
  );
  const codes = [...new Set(jurors.flatMap((j) => j.conflicts))];
  const institutions = await manager.getRepository(Institution).findBy({ code: In(codes) });
  await manager.getRepository(AwardJuror).insert(
    jurors.map((juror) => ({
      editionId: edition.id,
      userId: juror.user.id,
      conflictInstitutionIds: institutions.filter((i) => juror.conflicts.includes(i.code)).map((i) => i.id),
    })),
  );
  return { edition, criteria: saved };
}

const title = (year: number): PartialLocalizedText => ({
  fr: `Prix Imtiaz ${year} — catégorie données ouvertes`,
  ar: `جائزة امتياز ${year} — صنف المعطيات المفتوحة`,
  en: `Imtiaz award ${year} — open data category`,
});

async function seedPastEdition(
  manager: EntityManager,
  year: number,
  jurors: { user: User; conflicts: string[] }[],
): Promise<void> {
  if (await manager.getRepository(AwardEdition).existsBy({ year })) return;
  const applicationsCloseAt = new Date(`${year}-05-31T22:59:00Z`);
  const frozenAt = new Date(applicationsCloseAt.getTime() + 60_000);
  const { edition, criteria } = await insertEdition(
    manager,
    {
      year,
      title: title(year),
      callOpensOn: `${year}-03-01`,
      applicationsCloseAt,
      scoringOpensOn: `${year}-06-09`,
      scoringClosesAt: new Date(`${year}-06-30T22:59:00Z`),
      resultsOn: `${year}-07-15`,
      eligibleTypes: ['ministry', 'public_institution', 'independent_authority', 'other'] as InstitutionType[],
      frozenAt,
      isDemo: true,
    },
    PAST_CRITERIA,
    jurors,
  );
  const institutions = await manager
    .getRepository(Institution)
    .findBy({ code: In(PAST_APPLICANTS.map((a) => a.code)) });
  const conflictIds = new Map(
    jurors.map((j) => [j.user.id, new Set(institutions.filter((i) => j.conflicts.includes(i.code)).map((i) => i.id))]),
  );
  const automatedCriteria = criteria.filter((c) => c.kind === 'automated');
  const juryCriteria = criteria.filter((c) => c.kind === 'jury');
  const ranking: Parameters<typeof rankApplications>[0]['applications'] = [];
  for (const applicant of PAST_APPLICANTS) {
    const institution = institutions.find((i) => i.code === applicant.code);
    if (!institution) continue;
    const submittedAt = new Date(Date.parse(`${year}-03-01T09:00:00Z`) + applicant.submittedDay * 86_400_000);
    const application = await manager.getRepository(AwardApplication).save(
      manager.getRepository(AwardApplication).create({
        editionId: edition.id,
        institutionId: institution.id,
        narrative: PAST_NARRATIVES[applicant.code] ?? {},
        links: [{ title: 'Portail national des données ouvertes', url: 'https://data.gov.ma' }],
        claimedReuseIds: [],
        submittedAt,
      }),
    );
    const values: Record<string, number> = {};
    await manager.getRepository(AwardAutomatedValue).insert(
      automatedCriteria.map((criterion, i) => {
        const raw = applicant.raw[i];
        const value = automatedValue(criterion.metric as AutomatedMetric, raw);
        values[criterion.id] = value;
        return { applicationId: application.id, criterionId: criterion.id, raw, value, frozenAt };
      }),
    );
    const jury: Record<string, number[]> = {};
    const scores: Partial<AwardScore>[] = [];
    for (const juror of jurors) {
      if (conflictIds.get(juror.user.id)?.has(institution.id)) continue;
      for (const criterion of juryCriteria) {
        // Stronger files get better marks, with some spread between jurors.
        const base = 4 + (applicant.raw[0] / 100) * 4;
        const score =
          Math.round(
            Math.min(10, base + demoUnit(`${year}-${applicant.code}-${juror.user.email}-${criterion.position}`) * 2) *
              2,
          ) / 2;
        scores.push({
          applicationId: application.id,
          criterionId: criterion.id,
          jurorId: juror.user.id,
          score,
          comment: score >= 8 ? 'Dossier solide, bien documenté.' : 'Des efforts à poursuivre sur la documentation.',
        });
        (jury[criterion.id] ??= []).push(score);
      }
    }
    if (scores.length) await manager.getRepository(AwardScore).insert(scores);
    ranking.push({
      institution: { code: institution.code, name: institution.name, type: institution.type },
      submittedAt: submittedAt.toISOString(),
      automated: values,
      jury,
    });
  }
  const rows = rankApplications({
    criteria: criteria.map((c) => ({ id: c.id, kind: c.kind, weight: c.weight })),
    applications: ranking,
  });
  // Inserted directly (the trigger refuses only UPDATE and DELETE), dated on the results day.
  await manager.query(
    `INSERT INTO award_publications (edition_id, number, rows, hash, reason, published_by, published_at)
     VALUES ($1, 1, $2::jsonb, $3, NULL, NULL, $4)`,
    [edition.id, JSON.stringify(rows), resultsHash(rows), new Date(`${year}-07-15T10:00:00Z`)],
  );
}

async function seedOpenEdition(
  manager: EntityManager,
  year: number,
  today: IsoDate,
  jurors: { user: User; conflicts: string[] }[],
): Promise<void> {
  if (await manager.getRepository(AwardEdition).existsBy({ year })) return;
  const { edition } = await insertEdition(
    manager,
    {
      year,
      title: title(year),
      callOpensOn: addDays(today, -7),
      applicationsCloseAt: new Date(`${addDays(today, 30)}T22:59:00Z`),
      scoringOpensOn: addDays(today, 38),
      scoringClosesAt: new Date(`${addDays(today, 60)}T22:59:00Z`),
      resultsOn: addDays(today, 75),
      eligibleTypes: ['ministry', 'public_institution'] as InstitutionType[],
      frozenAt: null,
      isDemo: true,
    },
    OPEN_CRITERIA,
    jurors,
  );
  const institutions = await manager.getRepository(Institution).findBy({ code: In(['ANRT', 'MTNRA']) });
  const anrt = institutions.find((i) => i.code === 'ANRT');
  const mtnra = institutions.find((i) => i.code === 'MTNRA');
  const repo = manager.getRepository(AwardApplication);
  if (anrt)
    await repo.save(
      repo.create({
        editionId: edition.id,
        institutionId: anrt.id,
        narrative: PAST_NARRATIVES['ANRT'],
        links: [{ title: 'Observatoire des télécommunications', url: 'https://www.anrt.ma' }],
        claimedReuseIds: [],
        submittedAt: new Date(`${addDays(today, -2)}T10:30:00Z`),
      }),
    );
  if (mtnra)
    await repo.save(
      repo.create({
        editionId: edition.id,
        institutionId: mtnra.id,
        narrative: { fr: 'Brouillon : le réseau des ROD et l’inventaire national.' },
        links: [],
        claimedReuseIds: [],
        submittedAt: null,
      }),
    );
}
