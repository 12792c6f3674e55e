import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InstitutionType, LocalizedText } from '@marsad/contracts';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppSetting } from '../settings/app-setting.entity';
import { importCentralAdministrations, loadCentralAdministrations } from '../institutions/central-administrations';
import { DivisionsImportService, loadDivisions } from '../institutions/divisions-import.service';
import { Institution } from '../institutions/entities/institution.entity';
import { searchTextOf } from '../institutions/institutions.service';
import { Activity } from '../plan/entities/activity.entity';
import { Measure } from '../plan/entities/measure.entity';
import { Plan } from '../plan/entities/plan.entity';
import actionPlan from './data/action-plan-2021.json';
import { CommitteeMember } from '../committee/entities/committee-member.entity';

/** The steering committee was set up in December 2019 (the plan's governance section). */
const COMMITTEE_FOUNDED_ON = `${actionPlan.governance.steeringCommittee.created}-01`;

interface SourceText {
  ar: string;
  fr: string;
  en: string;
}

const text = (source: SourceText): LocalizedText => ({ ar: source.ar, fr: source.fr, en: source.en });

// The committee's members by kind of body, as in the central administrations' file (which
// names and types them; this only matters if a member were missing from it).
const COMMITTEE_TYPES: Record<string, InstitutionType> = {
  MTNRA: 'ministry',
  MEF: 'ministry',
  'MJCC-COM': 'ministry',
  HCP: 'other',
  INPPLC: 'independent_authority',
  ANRT: 'public_institution',
  ADD: 'public_institution',
};

export const PLAN_CODE = 'PANDO-2021';
const DIVISIONS_CHECKSUM_KEY = 'divisions_checksum';
const CENTRAL_CHECKSUM_KEY = 'central_administrations_checksum';
export const COORDINATOR_CODE = 'ADD';

export interface SeedReport {
  inserted: number;
  updated: number;
}

/**
 * The 2021 action plan (13 measures, 26 activities, ar/fr/en) and the steering
 * committee, from the structured copy of the plan. Idempotent: rows are keyed on
 * stable codes; only reference text is brought up to date, and what people edit
 * (dates, weights, leads, status, progress) is never overwritten.
 */
@Injectable()
export class ReferenceSeedService {
  private readonly logger = new Logger(ReferenceSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly divisions: DivisionsImportService,
  ) {}

  run(): Promise<SeedReport> {
    return this.dataSource.transaction(async (manager) => {
      const report: SeedReport = { inserted: 0, updated: 0 };
      const central = await this.seedCentralAdministrations(manager);
      report.inserted += central.inserted;
      report.updated += central.updated;
      const institutions = await this.seedCommittee(manager, report);
      await this.seedPlan(manager, institutions.get(COORDINATOR_CODE) as Institution, report);
      const divisions = await this.seedDivisions(manager);
      report.inserted += divisions.inserted;
      report.updated += divisions.updated;
      this.logger.log(`Reference data: ${report.inserted} inserted, ${report.updated} updated`);
      return report;
    });
  }

  /**
   * The territorial divisions change only with a new release of the reference files: compare
   * 1,598 rows only when the files differ from the last import (or rows went missing), not at
   * every start.
   */
  private async seedDivisions(manager: EntityManager): Promise<SeedReport> {
    const rows = loadDivisions();
    const checksum = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    const settings = manager.getRepository(AppSetting);
    const stored = await settings.findOneBy({ key: DIVISIONS_CHECKSUM_KEY });
    const present = await manager.getRepository(Institution).countBy({ type: In(['region', 'province', 'commune']) });
    if (stored?.value === checksum && present >= rows.length) return { inserted: 0, updated: 0 };
    const report = await this.divisions.importInto(manager, rows);
    await settings.upsert({ key: DIVISIONS_CHECKSUM_KEY, value: checksum }, ['key']);
    return report;
  }

  /** The 130 central administrations (committee members among them), compared only when the file changed. */
  private async seedCentralAdministrations(manager: EntityManager): Promise<SeedReport> {
    const rows = loadCentralAdministrations();
    const checksum = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    const settings = manager.getRepository(AppSetting);
    const stored = await settings.findOneBy({ key: CENTRAL_CHECKSUM_KEY });
    const present = await manager.getRepository(Institution).countBy({ code: In(rows.map((row) => row.code)) });
    if (stored?.value === checksum && present === rows.length) return { inserted: 0, updated: 0 };
    const report = await importCentralAdministrations(manager, rows);
    await settings.upsert({ key: CENTRAL_CHECKSUM_KEY, value: checksum }, ['key']);
    this.logger.log(`Central administrations: ${rows.length} (${report.inserted} inserted, ${report.updated} updated)`);
    return report;
  }

  /**
   * The steering committee's members. They are in the central administrations' file, which
   * names them; from the plan only a missing member is added.
   */
  private async seedCommittee(manager: EntityManager, report: SeedReport): Promise<Map<string, Institution>> {
    const repo = manager.getRepository(Institution);
    const byCode = new Map<string, Institution>();
    for (const member of actionPlan.governance.steeringCommittee.members) {
      const name = text(member);
      const type = COMMITTEE_TYPES[member.code] ?? 'other';
      const searchText = searchTextOf({ name, acronym: member.code, code: member.code });
      let row = await repo.findOneBy({ code: member.code });
      if (!row) {
        row = await repo.save(repo.create({ code: member.code, name, type, acronym: member.code, searchText }));
        report.inserted += 1;
      }
      byCode.set(member.code, row);
      // The founding seat (December 2019), once: later changes to the membership are history kept by ADD.
      const seats = manager.getRepository(CommitteeMember);
      if (!(await seats.existsBy({ institutionId: row.id }))) {
        await seats.insert({ institutionId: row.id, joinedOn: COMMITTEE_FOUNDED_ON, leftOn: null, founding: true });
        report.inserted += 1;
      }
    }
    return byCode;
  }

  private async seedPlan(manager: EntityManager, coordinator: Institution, report: SeedReport): Promise<void> {
    const plans = manager.getRepository(Plan);
    const title = text(actionPlan.about.plan);
    let plan = await plans.findOneBy({ code: PLAN_CODE });
    if (!plan) {
      plan = await plans.save(plans.create({ code: PLAN_CODE, title, periodStart: '2021-01-01', periodEnd: null }));
      report.inserted += 1;
    } else if (!sameText(plan.title, title)) {
      plan.title = title;
      await plans.save(plan);
      report.updated += 1;
    }

    const measures = manager.getRepository(Measure);
    const activities = manager.getRepository(Activity);
    for (const source of actionPlan.measures) {
      const measureTitle = text(source);
      const description =
        'portalModernisation' in source && source.portalModernisation
          ? joinTexts((source.portalModernisation as { objectives: SourceText[] }).objectives)
          : null;
      let measure = await measures.findOneBy({ planId: plan.id, number: source.number });
      if (!measure) {
        measure = await measures.save(
          measures.create({
            planId: plan.id,
            number: source.number,
            title: measureTitle,
            description,
            leadInstitutionId: coordinator.id,
            weight: 1,
          }),
        );
        report.inserted += 1;
      } else if (!sameText(measure.title, measureTitle) || !sameText(measure.description, description)) {
        measure.title = measureTitle;
        measure.description = description;
        await measures.save(measure);
        report.updated += 1;
      }

      for (const [index, activitySource] of source.activities.entries()) {
        const code = `${source.number}.${index + 1}`;
        const activityTitle = text(activitySource);
        const activity = await activities.findOneBy({ measureId: measure.id, code });
        if (!activity) {
          await activities.save(
            activities.create({
              measureId: measure.id,
              code,
              position: index + 1,
              title: activityTitle,
              leadInstitutionId: coordinator.id,
              weight: 1,
              status: 'not_started',
              progress: 0,
            }),
          );
          report.inserted += 1;
        } else if (!sameText(activity.title, activityTitle)) {
          activity.title = activityTitle;
          await activities.save(activity);
          report.updated += 1;
        }
      }
    }
  }
}

function sameText(a: LocalizedText | null, b: LocalizedText | null): boolean {
  if (a === null || b === null) return a === b;
  return a.ar === b.ar && a.fr === b.fr && a.en === b.en;
}

function joinTexts(items: SourceText[]): LocalizedText {
  return {
    ar: items.map((item) => item.ar).join(' • '),
    fr: items.map((item) => item.fr).join(' • '),
    en: items.map((item) => item.en).join(' • '),
  };
}
