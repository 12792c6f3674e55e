import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CLASSIFICATIONS,
  DATA_THEMES,
  FREQUENCIES,
  INVENTORY_LIMITS,
  INVENTORY_PRIORITIES,
  INVENTORY_REFERENCE,
  INVENTORY_STATUSES,
  normaliseFrequency,
  type Classification,
  type DataTheme,
  type ImportPreview,
  type ImportResult,
  type InventoryPriority,
  type InventoryQuery,
  type InventoryStatus,
  type Locale,
} from '@marsad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffOf, type AuditChange } from '../audit/audit.service';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { isIsoDate } from '../common/validation/validators';
import {
  IMPORT_CHUNK,
  checkRows,
  columnOf,
  commitImport,
  previewImport,
  readImportTable,
  yesNo,
  type CheckedFile,
  type ImportSteps,
} from '../imports/import-pipeline';
import { writeTable, type ColumnSpec, type TableFormat } from '../imports/table-file.util';
import type { Institution } from '../institutions/entities/institution.entity';
import { InventoryItem } from './entities/inventory-item.entity';
import {
  InventoryService,
  assertMayManageInventory,
  auditSnapshot,
  inventoryFilterSql,
  mayReadInventory,
} from './inventory.service';
import {
  inventoryInvariantViolations,
  inventorySearchText,
  inventorySnapshot,
  normaliseFormats,
  type InventoryFields,
} from './inventory.rules';

export const INVENTORY_COLUMNS: ColumnSpec[] = [
  { key: 'reference', label: { fr: 'Référence', ar: 'المرجع' } },
  { key: 'title_fr', label: { fr: 'Intitulé (français)', ar: 'العنوان (بالفرنسية)' } },
  { key: 'title_ar', label: { fr: 'Intitulé (arabe)', ar: 'العنوان (بالعربية)' } },
  { key: 'description', label: { fr: 'Description', ar: 'الوصف' } },
  { key: 'theme', label: { fr: 'Thème (AGRI, ECON, EDUC…)', ar: 'المجال (AGRI, ECON, EDUC…)' } },
  { key: 'owning_unit', label: { fr: 'Entité détentrice', ar: 'الوحدة الحائزة' } },
  {
    key: 'classification',
    label: {
      fr: 'Classification (open, restricted, not_disclosable)',
      ar: 'التصنيف (open, restricted, not_disclosable)',
    },
  },
  { key: 'legal_basis', label: { fr: 'Fondement juridique', ar: 'السند القانوني' } },
  { key: 'priority', label: { fr: 'Priorité (high, medium, low)', ar: 'الأولوية (high, medium, low)' } },
  {
    key: 'planned_date',
    label: { fr: "Date d'ouverture prévue (AAAA-MM-JJ)", ar: 'التاريخ المتوقع للفتح (YYYY-MM-DD)' },
  },
  { key: 'frequency', label: { fr: 'Fréquence de mise à jour', ar: 'وتيرة التحيين' } },
  { key: 'formats', label: { fr: 'Formats (séparés par des virgules)', ar: 'الصيغ (مفصولة بفواصل)' } },
  {
    key: 'status',
    label: {
      fr: 'Statut (identified, in_preparation, published, withheld)',
      ar: 'الحالة (identified, in_preparation, published, withheld)',
    },
  },
  { key: 'public', label: { fr: 'Visible du public (oui/non)', ar: 'مرئي للعموم (نعم/لا)' } },
];

const EXPORT_COLUMNS: ColumnSpec[] = [
  ...INVENTORY_COLUMNS,
  { key: 'match_state', label: { fr: 'Correspondance sur le portail', ar: 'المطابقة في البوابة' } },
  { key: 'match_dataset', label: { fr: 'Jeu de données du portail', ar: 'مجموعة المعطيات في البوابة' } },
];

const REQUIRED = ['reference', 'title_fr', 'title_ar', 'classification'];
const PUBLIC = columnOf(INVENTORY_COLUMNS, 'public');
const INVARIANT_COLUMNS = { legalBasis: 'legal_basis', public: 'public', status: 'status' };

type ValidRow = InventoryFields & { row: number };
type ExportRow = InventoryFields & { matchState: string; dataset: string | null };
type AuditSnapshot = ReturnType<typeof auditSnapshot>;

interface InventoryPlan {
  creates: ValidRow[];
  updates: { existing: InventoryItem; row: ValidRow }[];
  unchanged: number;
}

/**
 * An administration's inventory from a spreadsheet, keyed on (administration, reference):
 * a preview that checks every row and writes nothing, then a commit that applies the whole
 * file in one transaction or nothing. Rows already as in the file are left alone, so
 * importing the same file again changes nothing. Items the file does not name are kept.
 */
@Injectable()
export class InventoryImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inventory: InventoryService,
    private readonly audit: AuditService,
  ) {}

  template(format: TableFormat): Promise<Buffer> {
    return writeTable(format, 'inventory', INVENTORY_COLUMNS, [
      [
        'DEP-2026-01',
        'Dépenses publiques par fonction',
        'النفقات العمومية حسب الوظيفة',
        'Exécution annuelle du budget général',
        'ECON',
        'Direction du Budget',
        'open',
        '',
        'high',
        '2026-06-30',
        'annual',
        'CSV, XLSX',
        'in_preparation',
        'oui',
      ],
    ]);
  }

  async preview(caller: SignedInContext, code: string, bytes: Buffer, locale: Locale): Promise<ImportPreview> {
    const manager = this.dataSource.manager;
    const institution = await this.institutionFor(manager, caller, code);
    return previewImport(manager, this.steps(institution, bytes), locale);
  }

  /** Applies the file. Any invalid row refuses the whole file; any failure while writing undoes it all. */
  async commit(caller: SignedInContext, code: string, bytes: Buffer): Promise<ImportResult> {
    // The administration is checked first, so a caller who may not import learns nothing of the file.
    const institution = await this.institutionFor(this.dataSource.manager, caller, code);
    return commitImport((work) => this.inventory.write(work), this.audit, caller, this.steps(institution, bytes));
  }

  private steps(institution: Institution, bytes: Buffer): ImportSteps<ValidRow, InventoryPlan> {
    return {
      check: () => this.validate(bytes),
      plan: (manager, valid) => this.plan(manager, institution, valid),
      apply: (manager, plan) => this.apply(manager, institution, plan),
    };
  }

  private async apply(
    manager: EntityManager,
    institution: Institution,
    { creates, updates }: InventoryPlan,
  ): Promise<AuditChange[]> {
    const repo = manager.getRepository(InventoryItem);
    const events: AuditChange[] = [];
    const event = (entityId: string, before: AuditSnapshot | null, after: AuditSnapshot) =>
      events.push({
        action: 'inventory.import',
        entityType: 'inventory_item',
        entityId,
        diff: { ...diffOf(before, after), via: { before: null, after: 'import' } },
      });
    for (let i = 0; i < creates.length; i += IMPORT_CHUNK) {
      const chunk = creates.slice(i, i + IMPORT_CHUNK).map((row) => {
        const entity = repo.create({
          reference: row.reference,
          ...inventorySnapshot(row),
          institutionId: institution.id,
        });
        entity.searchText = inventorySearchText(entity);
        return entity;
      });
      const inserted = await repo.insert(chunk);
      chunk.forEach((entity, index) => event(inserted.identifiers[index]['id'], null, auditSnapshot(entity)));
    }
    for (const { existing, row } of updates) {
      const before = auditSnapshot(existing);
      Object.assign(existing, inventorySnapshot(row));
      existing.searchText = inventorySearchText(existing);
      await repo.save(existing);
      event(existing.id, before, auditSnapshot(existing));
    }
    return events;
  }

  /** The items the list shows for the same filters (all pages): public ones only for outsiders. */
  async export(caller: ActorContext, code: string, format: TableFormat, filters: InventoryQuery): Promise<Buffer> {
    const manager = this.dataSource.manager;
    const institution = await this.inventory.institution(manager, code);
    const params: unknown[] = [];
    const where = inventoryFilterSql(
      institution.id,
      filters,
      mayReadInventory(caller.actor, institution.id),
      (value) => `$${params.push(value)}`,
    );
    const rows: ExportRow[] = await manager.query(
      `SELECT it.reference, it.title, it.description, it.theme, it.owning_unit AS "owningUnit", it.classification, it.legal_basis AS "legalBasis",
              it.priority, to_char(it.planned_date, 'YYYY-MM-DD') AS "plannedDate", it.frequency, it.formats, it.status, it.public,
              it.match_state AS "matchState", coalesce(d.name, it.match_ckan_id) AS dataset
       FROM inventory_items it LEFT JOIN portal_datasets d ON d.ckan_id = it.match_ckan_id
       ${where} ORDER BY it.reference`,
      params,
    );
    return writeTable(
      format,
      'inventory',
      EXPORT_COLUMNS,
      rows.map((r) => [
        r.reference,
        r.title.fr,
        r.title.ar,
        r.description,
        r.theme,
        r.owningUnit,
        r.classification,
        r.legalBasis,
        r.priority,
        r.plannedDate,
        r.frequency,
        r.formats.join(', '),
        r.status,
        r.public ? 'oui' : 'non',
        r.matchState,
        r.dataset,
      ]),
    );
  }

  /** Coordinators import into any administration; officers and data managers into their own only. */
  private async institutionFor(manager: EntityManager, caller: SignedInContext, code: string): Promise<Institution> {
    const institution = await this.inventory.institution(manager, code);
    assertMayManageInventory(caller.actor, institution.id);
    return institution;
  }

  private async validate(bytes: Buffer): Promise<CheckedFile<ValidRow>> {
    const table = await readImportTable(bytes, INVENTORY_COLUMNS, REQUIRED);
    const seen = new Map<string, number>();
    return checkRows<ValidRow>(table, ({ row, cell, flag, problems }) => {
      const reference = cell('reference');
      if (!INVENTORY_REFERENCE.test(reference)) flag('reference', 'matches');
      else if (seen.has(reference)) flag('reference', 'duplicateReference', [seen.get(reference)]);
      else seen.set(reference, row);
      const title = { fr: cell('title_fr'), ar: cell('title_ar') };
      for (const [key, text] of [
        ['title_fr', title.fr],
        ['title_ar', title.ar],
      ] as const) {
        if (!text) flag(key, 'isNotEmpty');
        else if (text.length > INVENTORY_LIMITS.title) flag(key, 'maxLength', [INVENTORY_LIMITS.title]);
      }
      const lengths: [string, number][] = [
        ['description', INVENTORY_LIMITS.description],
        ['owning_unit', INVENTORY_LIMITS.owningUnit],
        ['legal_basis', INVENTORY_LIMITS.legalBasis],
      ];
      for (const [key, max] of lengths) if (cell(key).length > max) flag(key, 'maxLength', [max]);
      const theme = cell('theme').toUpperCase();
      if (theme && !(DATA_THEMES as readonly string[]).includes(theme)) flag('theme', 'isIn', [DATA_THEMES.join(', ')]);
      const classification = cell('classification').toLowerCase();
      if (!(CLASSIFICATIONS as readonly string[]).includes(classification))
        flag('classification', 'isIn', [CLASSIFICATIONS.join(', ')]);
      const priority = cell('priority').toLowerCase() || 'medium';
      if (!(INVENTORY_PRIORITIES as readonly string[]).includes(priority))
        flag('priority', 'isIn', [INVENTORY_PRIORITIES.join(', ')]);
      const plannedDate = cell('planned_date');
      if (plannedDate && !isIsoDate(plannedDate)) flag('planned_date', 'isIsoDate');
      const frequency = cell('frequency') ? normaliseFrequency(cell('frequency')) : null;
      if (cell('frequency') && !frequency) flag('frequency', 'isIn', [FREQUENCIES.join(', ')]);
      const formats = normaliseFormats(cell('formats').split(/[,;|]/));
      if (formats.length > INVENTORY_LIMITS.formats) flag('formats', 'arrayMaxSize', [INVENTORY_LIMITS.formats]);
      const status = cell('status').toLowerCase() || 'identified';
      if (!(INVENTORY_STATUSES as readonly string[]).includes(status))
        flag('status', 'isIn', [INVENTORY_STATUSES.join(', ')]);
      const visible = yesNo(cell('public'), PUBLIC);
      if (visible === null) flag('public', 'isBoolean');
      const item: ValidRow = {
        row,
        reference,
        title,
        description: cell('description') || null,
        theme: (theme || null) as DataTheme | null,
        owningUnit: cell('owning_unit') || null,
        classification: classification as Classification,
        legalBasis: cell('legal_basis') || null,
        priority: priority as InventoryPriority,
        plannedDate: plannedDate || null,
        frequency,
        formats,
        status: status as InventoryStatus,
        public: visible === true,
      };
      if (!problems.some((p) => p.field === 'classification'))
        problems.push(...inventoryInvariantViolations(item, INVARIANT_COLUMNS));
      return item;
    });
  }

  /** What the file would do: items to create, items whose values changed, items already as in the file. */
  private async plan(manager: EntityManager, institution: Institution, rows: ValidRow[]): Promise<InventoryPlan> {
    const existing = rows.length
      ? await manager.getRepository(InventoryItem).findBy({ institutionId: institution.id })
      : [];
    const byReference = new Map(existing.map((item) => [item.reference, item]));
    const creates: ValidRow[] = [];
    const updates: { existing: InventoryItem; row: ValidRow }[] = [];
    let unchanged = 0;
    for (const row of rows) {
      const current = byReference.get(row.reference);
      if (!current) creates.push(row);
      else if (Object.keys(diffOf(inventorySnapshot(current), inventorySnapshot(row))).length > 0)
        updates.push({ existing: current, row });
      else unchanged += 1;
    }
    return { creates, updates, unchanged };
  }
}
