import { INSTITUTION_TYPES, type InstitutionType } from '@marsad/contracts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { readCsv } from './divisions-import.service';
import { searchTextOf } from './institutions.service';

/** One row of assets/central-administrations/administrations.csv (see SOURCE.md beside it). */
export interface CentralAdministrationRow {
  code: string;
  acronym: string | null;
  type: InstitutionType;
  parentCode: string | null;
  name: { ar: string; fr: string; en: string };
  website: string | null;
}

const CENTRAL_TYPES: readonly InstitutionType[] = INSTITUTION_TYPES.filter(
  (type) => !['region', 'province', 'commune'].includes(type),
);

function centralDir(): string {
  const candidates = [
    join(__dirname, 'assets', 'central-administrations'),
    join(__dirname, '..', 'assets', 'central-administrations'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'administrations.csv')));
  if (!found) throw new Error(`Central administrations not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * The 130 ministries, directorates, public institutions and enterprises and independent
 * authorities. Checked on load: a known type, a parent that is in the file, no duplicate code.
 */
export function loadCentralAdministrations(dir = centralDir()): CentralAdministrationRow[] {
  const rows = readCsv(join(dir, 'administrations.csv')).map((r, index) => {
    const type = r['type'] as InstitutionType;
    if (!CENTRAL_TYPES.includes(type)) throw new Error(`administrations.csv:${index + 2}: unknown type ${r['type']}`);
    return {
      code: r['code'],
      acronym: r['acronym'] || null,
      type,
      parentCode: r['parent_code'] || null,
      // English falls back to French where the file has no translation.
      name: { ar: r['name_ar'], fr: r['name_fr'], en: r['name_en'] || r['name_fr'] },
      website: r['website'] || null,
    };
  });
  const codes = new Set(rows.map((row) => row.code));
  if (codes.size !== rows.length) throw new Error('administrations.csv: duplicate code');
  const orphan = rows.find((row) => row.parentCode && !codes.has(row.parentCode));
  if (orphan) throw new Error(`administrations.csv: ${orphan.code} has unknown parent ${orphan.parentCode}`);
  return rows;
}

/**
 * Upserts the central administrations keyed on `code`: names, acronym, type, website and
 * supervising ministry follow the file; what people set (portal organisation, active) is kept.
 * Two statements: the rows, then their parents (a parent may come later in the file).
 */
export async function importCentralAdministrations(
  manager: EntityManager,
  rows: CentralAdministrationRow[],
): Promise<{ inserted: number; updated: number }> {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const search = searchTextOf({ name: row.name, acronym: row.acronym, code: row.code });
    values.push(row.code, JSON.stringify(row.name), row.acronym, row.type, row.website, search);
    const n = values.length;
    return `($${n - 5}, $${n - 4}::jsonb, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
  });
  const result: { inserted: boolean }[] = await manager.query(
    `INSERT INTO institutions (code, name, acronym, type, website, search_text)
     SELECT v.code, v.name, v.acronym, v.type, v.website, v.search_text
     FROM (VALUES ${tuples.join(', ')}) AS v(code, name, acronym, type, website, search_text)
     ON CONFLICT (code) DO UPDATE SET
       name = EXCLUDED.name, acronym = EXCLUDED.acronym, type = EXCLUDED.type, website = EXCLUDED.website,
       search_text = EXCLUDED.search_text, updated_at = now(), version = institutions.version + 1
     WHERE (institutions.name, institutions.acronym, institutions.type, institutions.website, institutions.search_text)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.acronym, EXCLUDED.type, EXCLUDED.website, EXCLUDED.search_text)
     RETURNING (xmax = 0) AS inserted`,
    values,
  );
  const parents = rows.filter((row) => row.parentCode);
  if (parents.length) {
    const links: string[] = [];
    const params: string[] = [];
    for (const row of parents) {
      params.push(row.code, row.parentCode as string);
      links.push(`($${params.length - 1}, $${params.length})`);
    }
    await manager.query(
      `UPDATE institutions c SET parent_id = p.id
       FROM (VALUES ${links.join(', ')}) AS v(code, parent_code)
       JOIN institutions p ON p.code = v.parent_code
       WHERE c.code = v.code AND c.parent_id IS DISTINCT FROM p.id`,
      params,
    );
  }
  const inserted = result.filter((row) => row.inserted).length;
  return { inserted, updated: result.length - inserted };
}
