import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActivityStatus, Frequency, LocalizedText, Role } from '@marsad/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { hashPassword } from '../auth/passwords';
import { Institution } from '../institutions/entities/institution.entity';
import { todayInMorocco } from '../plan/activity-health.util';
import { Activity } from '../plan/entities/activity.entity';
import { Evidence } from '../plan/entities/evidence.entity';
import { Milestone } from '../plan/entities/milestone.entity';
import { ProgressUpdate } from '../plan/entities/progress-update.entity';
import { InventoryItem } from '../inventory/entities/inventory-item.entity';
import { inventorySearchText } from '../inventory/inventory.rules';
import { AppSetting } from '../settings/app-setting.entity';
import { DEMO_DATA_KEY } from '../settings/settings.service';
import { OfficerAppointment } from '../officers/entities/officer-appointment.entity';

const DEMO_OFFICERS_KEY = 'demo_officers';
const DEMO_PORTAL_KEY = 'demo_portal_mapping';
const DEMO_INVENTORY_KEY = 'demo_inventory';

/** Organisations of the demo catalogue (tools/ckan-fixture-server) → administrations of the registry. */
const DEMO_PORTAL_ORGANIZATIONS: Record<string, string> = {
  HCP: 'haut-commissariat-au-plan',
  MEF: 'ministere-de-l-economie-et-des-finances',
  ADD: 'agence-de-developpement-du-digital',
  MTNRA: 'ministere-de-la-transition-numerique-et-de-la-reforme-de-l-administration',
  '01': 'region-tanger-tetouan-al-hoceima',
  '02': 'region-de-l-oriental',
  '03': 'region-fes-meknes',
  '04': 'region-rabat-sale-kenitra',
  '06': 'region-casablanca-settat',
  '07': 'region-marrakech-safi',
  '09': 'region-souss-massa',
};
import { StorageService } from '../storage/storage.service';
import actionPlan from './data/action-plan-2021.json';

/** One account per role, officers of two administrations; listed in the README. Demo only. */
export const DEMO_PASSWORD = 'Marsad-Demo-2026';
export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; institution: string | null }[] = [
  { email: 'admin@marsad.ma', displayName: 'Admin Marsad', role: 'ADMIN', institution: null },
  { email: 'coordination@add.gov.ma', displayName: 'Salma Bennani', role: 'COORDINATOR', institution: null },
  { email: 'comite@hcp.ma', displayName: 'Youssef El Idrissi', role: 'COMMITTEE', institution: null },
  { email: 'rod@mef.gov.ma', displayName: 'Nadia Alaoui', role: 'OFFICER', institution: 'MEF' },
  { email: 'rod@hcp.ma', displayName: 'Karim Tazi', role: 'OFFICER', institution: 'HCP' },
  { email: 'gdd@mef.gov.ma', displayName: 'Imane Berrada', role: 'DATA_MANAGER', institution: 'MEF' },
];

type Profile = 'completed' | 'on_track' | 'at_risk' | 'late' | 'not_started' | 'cancelled';

// A mix that makes every status and health visible on a fresh install.
const PROFILES: Profile[] = ['completed', 'on_track', 'on_track', 'at_risk', 'completed', 'late', 'on_track', 'not_started'];
const CANCELLED_ACTIVITY = '5.4';

const NARRATIVES: Record<Exclude<Profile, 'not_started'>, LocalizedText[]> = {
  completed: [
    {
      fr: 'Activité achevée. Les livrables ont été validés par le comité de pilotage.',
      ar: 'تم إنجاز النشاط. صادقت لجنة القيادة على المخرجات.',
      en: 'Activity completed. The steering committee approved the deliverables.',
    },
  ],
  on_track: [
    {
      fr: 'Réunion de suivi tenue avec les services concernés ; le calendrier est respecté.',
      ar: 'عقد اجتماع للتتبع مع المصالح المعنية؛ الجدول الزمني محترم.',
      en: 'Follow-up meeting held with the departments concerned; the schedule holds.',
    },
    {
      fr: 'Les termes de référence sont rédigés et partagés avec les membres du comité.',
      ar: 'تمت صياغة دفتر التحملات وتقاسمه مع أعضاء اللجنة.',
      en: 'Terms of reference drafted and shared with the committee members.',
    },
  ],
  at_risk: [
    {
      fr: 'Avancement plus lent que prévu : les contributions de plusieurs administrations sont en attente.',
      ar: 'التقدم أبطأ من المتوقع: مساهمات عدة إدارات ما تزال في الانتظار.',
      en: 'Slower than planned: contributions from several administrations are still pending.',
    },
  ],
  late: [
    {
      fr: "Échéance dépassée. Un plan de rattrapage sera présenté à la prochaine réunion du comité.",
      ar: 'تم تجاوز الأجل. سيعرض مخطط للتدارك خلال الاجتماع المقبل للجنة.',
      en: 'Deadline missed. A catch-up plan will be presented at the next committee meeting.',
    },
  ],
  cancelled: [
    {
      fr: "Activité annulée par le comité de pilotage : elle est reprise dans une autre mesure.",
      ar: 'ألغت لجنة القيادة هذا النشاط: تم إدراجه ضمن إجراء آخر.',
      en: 'Cancelled by the steering committee: the work moved to another measure.',
    },
  ],
};

const MILESTONE_TITLES: Record<'kickoff' | 'review' | 'delivery', LocalizedText> = {
  kickoff: { fr: 'Lancement', ar: 'الانطلاق', en: 'Kick-off' },
  review: { fr: 'Revue à mi-parcours', ar: 'مراجعة منتصف المدة', en: 'Mid-term review' },
  delivery: { fr: 'Livraison', ar: 'التسليم', en: 'Delivery' },
};

const AUTHORS = ['Salma Bennani', 'Youssef El Idrissi', 'Nadia Alaoui', 'Karim Tazi'];

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** A deterministic number in [0, 1) from a string, so the demo looks the same everywhere. */
function unit(seed: string): number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 10_000) / 10_000;
}

/** A one-page PDF, so the demo shows an uploaded file as evidence. */
function demoPdf(title: string): Buffer {
  const stream = `BT /F1 14 Tf 72 720 Td (${title.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * Illustrative progress for a new installation: dates around today, updates,
 * milestones and evidence, every row marked as demo. Loaded once: a second run
 * changes nothing.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: StorageService,
  ) {}

  async run(today = todayInMorocco()): Promise<{ loaded: boolean }> {
    const storedKeys: string[] = [];
    try {
      const loaded = await this.dataSource.transaction(async (manager) => {
        const settings = manager.getRepository(AppSetting);
        // Lock-free check is enough: the key's primary key makes a concurrent second load fail and roll back.
        if (await settings.existsBy({ key: DEMO_DATA_KEY })) return false;
        await settings.insert({ key: DEMO_DATA_KEY, value: { loadedOn: today } });
        await this.load(manager, today, storedKeys);
        return true;
      });
      if (loaded) this.logger.log('Demo data loaded (marked as demo in the UI)');
      await this.ensureDemoAccounts();
      await this.ensureDemoAppointments(today);
      await this.ensureDemoPortalMapping();
      return { loaded };
    } catch (error) {
      await Promise.all(storedKeys.map((key) => this.storage.remove(key)));
      throw error;
    }
  }

  /** Creates the demo accounts that do not exist yet; never touches existing ones. */
  async ensureDemoAccounts(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(User);
      const existing = new Set((await users.findBy({ email: In(DEMO_ACCOUNTS.map((a) => a.email)) })).map((u) => u.email));
      const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.email));
      if (missing.length === 0) return 0;
      const institutions = await manager.getRepository(Institution).find();
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      for (const account of missing) {
        const institution = institutions.find((i) => i.code === account.institution) ?? null;
        await users.insert({
          email: account.email,
          displayName: account.displayName,
          role: account.role,
          institutionId: institution?.id ?? null,
          preferredLocale: 'fr',
          active: true,
          passwordHash,
        });
      }
      this.logger.log(`Demo accounts created: ${missing.length} (password in the README)`);
      return missing.length;
    });
  }

  /**
   * Maps administrations to organisations of the demo catalogue, so scorecards
   * have figures after the first harvest. Once; never replaces a portal name set by a person.
   */
  async ensureDemoPortalMapping(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const settings = manager.getRepository(AppSetting);
      if (await settings.existsBy({ key: DEMO_PORTAL_KEY })) return false;
      await settings.insert({ key: DEMO_PORTAL_KEY, value: { organizations: Object.keys(DEMO_PORTAL_ORGANIZATIONS).length } });
      for (const [code, organization] of Object.entries(DEMO_PORTAL_ORGANIZATIONS)) {
        await manager.query(
          `UPDATE institutions SET portal_org_name = $2 WHERE code = $1 AND portal_org_name IS NULL
              AND NOT EXISTS (SELECT 1 FROM institutions WHERE portal_org_name = $2)`,
          [code, organization],
        );
      }
      return true;
    });
  }

  /**
   * After the first demo harvest: inventories for the mapped administrations, so the
   * inventory funnel has something to show. Datasets already on the portal are inventoried
   * under their title (half confirmed as published, on time or late; the rest left for the
   * matcher to suggest), plus items not yet published and one restricted item. Once.
   */
  async ensureDemoInventory(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const settings = manager.getRepository(AppSetting);
      if (await settings.existsBy({ key: DEMO_INVENTORY_KEY })) return false;
      const institutions: { id: string; code: string; org: string }[] = await manager.query(
        `SELECT id, code, portal_org_name AS org FROM institutions WHERE code = ANY($1) AND portal_org_name IS NOT NULL ORDER BY code`,
        [Object.keys(DEMO_PORTAL_ORGANIZATIONS)],
      );
      const items: Partial<InventoryItem>[] = [];
      for (const institution of institutions) {
        const datasets: { ckan_id: string; title: string; frequency: Frequency | null; formats: string[]; created: string | null }[] = await manager.query(
          `SELECT ckan_id, title, frequency, formats, to_char(metadata_created, 'YYYY-MM-DD') AS created
             FROM portal_datasets WHERE organization_name = $1 AND deleted_at IS NULL ORDER BY name LIMIT 12`,
          [institution.org],
        );
        datasets.forEach((dataset, index) => {
          const r = unit(`inventory-${institution.code}-${dataset.ckan_id}`);
          if (r >= 0.8) return;
          const confirmed = r < 0.45;
          const created = dataset.created ?? todayInMorocco();
          items.push({
            institutionId: institution.id,
            reference: `${institution.code}-DS-${String(index + 1).padStart(3, '0')}`,
            title: { fr: dataset.title, ar: `${dataset.title} (مجموعة بيانات)` },
            classification: 'open',
            priority: r < 0.3 ? 'high' : 'medium',
            plannedDate: addDays(created, r < 0.3 ? 30 : -45),
            frequency: dataset.frequency,
            formats: dataset.formats,
            status: confirmed ? 'published' : 'in_preparation',
            public: r < 0.6,
            matchState: confirmed ? 'confirmed' : 'none',
            matchCkanId: confirmed ? dataset.ckan_id : null,
            matchBasis: confirmed ? 'title' : null,
          });
        });
        const today = todayInMorocco();
        const planned: [string, string, number, 'identified' | 'in_preparation'][] = [
          ['Registre des marchés publics attribués', 'سجل الصفقات العمومية الممنوحة', -60, 'in_preparation'],
          ['Indicateurs de qualité de service', 'مؤشرات جودة الخدمة', 90, 'identified'],
          ['Budget détaillé par programme', 'الميزانية المفصلة حسب البرنامج', 180, 'identified'],
        ];
        planned.forEach(([fr, ar, days, status], index) =>
          items.push({
            institutionId: institution.id,
            reference: `${institution.code}-PL-${index + 1}`,
            title: { fr, ar },
            classification: 'open',
            priority: index === 0 ? 'high' : 'medium',
            plannedDate: addDays(today, days),
            frequency: 'annual',
            formats: ['CSV'],
            status,
            public: true,
          }),
        );
        items.push({
          institutionId: institution.id,
          reference: `${institution.code}-RS-1`,
          title: { fr: 'Dossiers individuels des agents', ar: 'الملفات الفردية للموظفين' },
          classification: 'restricted',
          legalBasis: 'Loi 09-08 relative à la protection des données à caractère personnel',
          priority: 'low',
          status: 'withheld',
          public: false,
        });
      }
      const repo = manager.getRepository(InventoryItem);
      for (const item of items) item.searchText = inventorySearchText(item as InventoryItem);
      for (let i = 0; i < items.length; i += 500) await repo.insert(items.slice(i, i + 500));
      await settings.insert({ key: DEMO_INVENTORY_KEY, value: { items: items.length } });
      this.logger.log(`Demo inventory: ${items.length} items`);
      return true;
    });
  }

  /**
   * Officers named across the registry, so the coverage dashboard shows something on a new
   * installation: the committee bodies, most regions, some provinces and communes. Loaded once.
   */
  async ensureDemoAppointments(today = todayInMorocco()): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const settings = manager.getRepository(AppSetting);
      if (await settings.existsBy({ key: DEMO_OFFICERS_KEY })) return false;
      await settings.insert({ key: DEMO_OFFICERS_KEY, value: { loadedOn: today } });
      const institutions = await manager.getRepository(Institution).find({ order: { code: 'ASC' } });
      const share: Record<string, number> = { region: 0.75, province: 0.45, commune: 0.12 };
      const rows: Partial<OfficerAppointment>[] = [];
      for (const institution of institutions) {
        const r = unit(`officers-${institution.code}`);
        const committee = !['region', 'province', 'commune'].includes(institution.type);
        if (!committee && r >= (share[institution.type] ?? 0)) continue;
        const named = DEMO_ACCOUNTS.find((a) => a.role === 'OFFICER' && a.institution === institution.code);
        // An independent draw for the date, so appointments spread over about two and a half years.
        const appointedOn = addDays(today, -30 - Math.round(unit(`appointed-${institution.code}`) * 900));
        rows.push({
          institutionId: institution.id,
          role: 'ROD',
          status: r < 0.04 ? 'interim' : 'active',
          fullName: { fr: named?.displayName ?? `ROD ${institution.name.fr}` },
          email: named?.email ?? `rod.${institution.code.toLowerCase()}@demo.marsad.ma`,
          publicConsent: r < 0.5,
          appointedOn,
        });
        // About two thirds also have a data manager.
        if (committee || r < (share[institution.type] ?? 0) * 0.66) {
          rows.push({
            institutionId: institution.id,
            role: 'GDD',
            status: 'active',
            fullName: { fr: `GdD ${institution.name.fr}` },
            email: `gdd.${institution.code.toLowerCase()}@demo.marsad.ma`,
            publicConsent: false,
            appointedOn: addDays(appointedOn, 20),
          });
        }
      }
      for (let i = 0; i < rows.length; i += 500) await manager.getRepository(OfficerAppointment).insert(rows.slice(i, i + 500));
      this.logger.log(`Demo appointments: ${rows.length}`);
      return true;
    });
  }

  private async load(manager: EntityManager, today: string, storedKeys: string[]): Promise<void> {
    // Contributors come from the steering committee, not the territorial registry.
    const committee = await manager
      .getRepository(Institution)
      .find({ where: { code: In(actionPlan.governance.steeringCommittee.members.map((m) => m.code)) }, order: { code: 'ASC' } });
    const activities = await manager.getRepository(Activity).find({ relations: { measure: true } });
    activities.sort((a, b) => (a.measure?.number ?? 0) - (b.measure?.number ?? 0) || a.position - b.position);

    for (const [index, activity] of activities.entries()) {
      const profile: Profile = activity.code === CANCELLED_ACTIVITY ? 'cancelled' : PROFILES[index % PROFILES.length];
      const r = unit(activity.code);
      const length = 240 + Math.round(r * 480); // 8 to 24 months
      let start: string;
      let progress: number;
      let status: ActivityStatus;
      switch (profile) {
        case 'completed':
          start = addDays(today, -(length + 60 + Math.round(r * 200)));
          progress = 100;
          status = 'completed';
          break;
        case 'on_track': {
          start = addDays(today, -Math.round(length * (0.3 + r * 0.4)));
          const elapsed = (Date.parse(today) - Date.parse(start)) / DAY_MS / length;
          progress = Math.min(95, Math.round(elapsed * 100) + 5);
          status = 'in_progress';
          break;
        }
        case 'at_risk': {
          start = addDays(today, -Math.round(length * 0.7));
          progress = 25;
          status = 'in_progress';
          break;
        }
        case 'late':
          start = addDays(today, -(length + 45));
          progress = 70 + Math.round(r * 15);
          status = 'delayed';
          break;
        case 'not_started':
          start = addDays(today, 30 + Math.round(r * 90));
          progress = 0;
          status = 'not_started';
          break;
        case 'cancelled':
          start = addDays(today, -400);
          progress = 10;
          status = 'cancelled';
          break;
      }
      const due = addDays(start, length);
      activity.startDate = start;
      activity.dueDate = due;
      activity.status = status;
      activity.progress = progress;
      activity.contributors = [committee[index % committee.length], committee[(index + 3) % committee.length]].filter(
        (institution) => institution.code !== 'ADD',
      );
      await manager.save(activity);

      await this.milestones(manager, activity, start, due, today, profile);
      if (profile !== 'not_started') await this.updates(manager, activity, start, today, profile, progress, status, storedKeys);
    }
  }

  private async milestones(manager: EntityManager, activity: Activity, start: string, due: string, today: string, profile: Profile) {
    const middle = addDays(start, Math.round((Date.parse(due) - Date.parse(start)) / DAY_MS / 2));
    const rows = [
      { key: 'kickoff', dueDate: start, doneOn: start <= today && profile !== 'not_started' ? start : null },
      { key: 'review', dueDate: middle, doneOn: middle <= today && profile !== 'at_risk' && profile !== 'not_started' ? middle : null },
      { key: 'delivery', dueDate: due, doneOn: profile === 'completed' ? due : null },
    ] as const;
    await manager.save(
      rows.map((row) =>
        manager.create(Milestone, {
          activityId: activity.id,
          key: row.key,
          title: MILESTONE_TITLES[row.key],
          dueDate: row.dueDate,
          doneOn: row.doneOn,
          isDemo: true,
        }),
      ),
    );
  }

  private async updates(
    manager: EntityManager,
    activity: Activity,
    start: string,
    today: string,
    profile: Exclude<Profile, 'not_started'>,
    progress: number,
    status: ActivityStatus,
    storedKeys: string[],
  ) {
    const latest = profile === 'completed' ? addDays(activity.dueDate as string, -3) : addDays(today, -Math.round(unit(activity.id) * 20) - 2);
    const steps = [
      { on: addDays(start, 20), progress: Math.round(progress * 0.3), status: 'in_progress' as ActivityStatus, text: NARRATIVES.on_track[1] },
      { on: latest, progress, status, text: NARRATIVES[profile][0] },
    ].filter((step) => step.on <= today && step.on >= start);
    for (const [index, step] of steps.entries()) {
      const update = await manager.save(
        manager.create(ProgressUpdate, {
          activityId: activity.id,
          reportedOn: step.on,
          authorName: AUTHORS[(activity.position + index) % AUTHORS.length],
          status: step.status,
          progress: step.progress,
          narrative: step.text,
          isDemo: true,
        }),
      );
      if (index === steps.length - 1) {
        await manager.save(
          manager.create(Evidence, {
            progressUpdateId: update.id,
            kind: 'link',
            title: 'data.gov.ma',
            url: 'https://www.data.gov.ma/',
            isDemo: true,
          }),
        );
        if (profile === 'completed') {
          const bytes = demoPdf(`Marsad demo - activity ${activity.code} - report`);
          const stored = await this.storage.put('evidence', bytes);
          storedKeys.push(stored.key);
          await manager.save(
            manager.create(Evidence, {
              progressUpdateId: update.id,
              kind: 'file',
              title: `rapport-${activity.code}.pdf`,
              storageKey: stored.key,
              contentType: 'application/pdf',
              sizeBytes: stored.sizeBytes,
              sha256: stored.sha256,
              isDemo: true,
            }),
          );
        }
      }
    }
  }
}
