import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InstitutionType } from '@marsad/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { normalizeForSearch } from '../common/text/search-normalize.util';
import { parseCsvText } from '../imports/csv-text.util';

interface DivisionRow {
  code: string;
  nameFr: string;
  nameAr: string;
  type: InstitutionType;
  subtype: string | null;
  parentCode: string | null;
  regionCode: string;
}

export interface ImportReport {
  regions: number;
  provinces: number;
  communes: number;
  inserted: number;
  updated: number;
}

/** The CSVs ship as assets beside the bundle (dist) or the sources (tests). */
function divisionsDir(): string {
  const candidates = [join(__dirname, 'assets', 'divisions'), join(__dirname, '..', 'assets', 'divisions')];
  const found = candidates.find((dir) => existsSync(join(dir, 'regions.csv')));
  if (!found) throw new Error(`Administrative divisions not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** UTF-8 CSV, header first (see assets/divisions/SOURCE.md); a quoted cell may hold commas. */
export function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = parseCsvText(readFileSync(path, 'utf8'));
  const columns = header.map((column) => column.trim());
  return lines.map((cells, index) => {
    if (cells.length !== columns.length)
      throw new Error(`${path}:${index + 2}: ${cells.length} cells, expected ${columns.length}`);
    return Object.fromEntries(columns.map((column, i) => [column, cells[i].trim()]));
  });
}

export function loadDivisions(dir = divisionsDir()): DivisionRow[] {
  const regions = readCsv(join(dir, 'regions.csv')).map((r) => ({
    code: r['code'],
    nameFr: r['name_fr'],
    nameAr: r['name_ar'],
    type: 'region' as const,
    subtype: 'region',
    parentCode: null,
    regionCode: r['code'],
  }));
  const provinces = readCsv(join(dir, 'provinces.csv')).map((r) => ({
    code: r['code'],
    nameFr: r['name_fr'],
    nameAr: r['name_ar'],
    type: 'province' as const,
    subtype: r['type'],
    parentCode: r['region_code'],
    regionCode: r['region_code'],
  }));
  const communes = readCsv(join(dir, 'communes.csv')).map((r) => ({
    code: r['code'],
    nameFr: r['name_fr'],
    nameAr: r['name_ar'],
    type: 'commune' as const,
    subtype: r['type'],
    parentCode: r['province_code'],
    regionCode: r['region_code'],
  }));
  return [...regions, ...provinces, ...communes];
}

const CHUNK = 400;

/**
 * Morocco's 12 regions, 83 provinces and prefectures and 1,503 communes (HCP,
 * RGPH 2024; CC BY 4.0), keyed on their official codes. Idempotent: a row is
 * written only when it is new or its names, kind or parent changed.
 */
@Injectable()
export class DivisionsImportService {
  private readonly logger = new Logger(DivisionsImportService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run(): Promise<ImportReport> {
    return this.dataSource.transaction((manager) => this.importInto(manager, loadDivisions()));
  }

  async importInto(manager: EntityManager, rows: DivisionRow[]): Promise<ImportReport> {
    const report: ImportReport = {
      regions: rows.filter((r) => r.type === 'region').length,
      provinces: rows.filter((r) => r.type === 'province').length,
      communes: rows.filter((r) => r.type === 'commune').length,
      inserted: 0,
      updated: 0,
    };
    // Parents first (regions, then provinces, then communes), so each level can point to the one above.
    for (const level of ['region', 'province', 'commune'] as const) {
      const levelRows = rows.filter((row) => row.type === level);
      for (let i = 0; i < levelRows.length; i += CHUNK) {
        const chunk = levelRows.slice(i, i + CHUNK);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => {
          const name = { ar: row.nameAr, fr: row.nameFr, en: row.nameFr };
          const search = normalizeForSearch(`${row.nameFr} ${row.nameAr} ${row.code}`);
          values.push(row.code, JSON.stringify(name), row.type, row.subtype, row.parentCode, row.regionCode, search);
          const n = values.length;
          return `($${n - 6}, $${n - 5}::jsonb, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
        });
        const result: { inserted: boolean }[] = await manager.query(
          `INSERT INTO institutions (code, name, type, subtype, parent_id, region_code, search_text)
           SELECT v.code, v.name, v.type, v.subtype, p.id, v.region_code, v.search_text
           FROM (VALUES ${tuples.join(', ')}) AS v(code, name, type, subtype, parent_code, region_code, search_text)
           LEFT JOIN institutions p ON p.code = v.parent_code
           ON CONFLICT (code) DO UPDATE SET
             name = EXCLUDED.name, type = EXCLUDED.type, subtype = EXCLUDED.subtype, parent_id = EXCLUDED.parent_id,
             region_code = EXCLUDED.region_code, search_text = EXCLUDED.search_text, updated_at = now(), version = institutions.version + 1
           WHERE (institutions.name, institutions.type, institutions.subtype, institutions.parent_id, institutions.region_code, institutions.search_text)
             IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.type, EXCLUDED.subtype, EXCLUDED.parent_id, EXCLUDED.region_code, EXCLUDED.search_text)
           RETURNING (xmax = 0) AS inserted`,
          values,
        );
        for (const row of result) {
          if (row.inserted) report.inserted++;
          else report.updated++;
        }
      }
    }
    this.logger.log(
      `Administrative divisions: ${report.regions} regions, ${report.provinces} provinces and prefectures, ${report.communes} communes (${report.inserted} inserted, ${report.updated} updated)`,
    );
    return report;
  }
}
