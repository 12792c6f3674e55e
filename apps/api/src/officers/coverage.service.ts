import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CoverageCounts, CoverageReport, InstitutionType, LocalizedText, OfficerRole } from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { holdsRole } from '../institutions/institutions.service';

interface CountsRow {
  total: string;
  with_rod: string;
  with_gdd: string;
  with_both: string;
}

const counts = (row: CountsRow | undefined): CoverageCounts => ({
  total: Number(row?.total ?? 0),
  withRod: Number(row?.with_rod ?? 0),
  withGdd: Number(row?.with_gdd ?? 0),
  withBoth: Number(row?.with_both ?? 0),
});

/** Who has named their officers, by type and by region, with the vacancies and the pace of appointments. */
@Injectable()
export class CoverageService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(filters: { type?: InstitutionType; region?: string }): Promise<CoverageReport> {
    const params: unknown[] = [];
    const where = ['i.active'];
    if (filters.type) where.push(`i.type = $${params.push(filters.type)}`);
    if (filters.region) where.push(`i.region_code = $${params.push(filters.region)}`);
    const base = `WITH c AS (
        SELECT i.id, i.code, i.name, i.type, i.region_code, ${holdsRole('i', 'ROD')} AS has_rod, ${holdsRole('i', 'GDD')} AS has_gdd
        FROM institutions i WHERE ${where.join(' AND ')})`;
    const aggregate = `count(*) AS total, count(*) FILTER (WHERE has_rod) AS with_rod, count(*) FILTER (WHERE has_gdd) AS with_gdd,
        count(*) FILTER (WHERE has_rod AND has_gdd) AS with_both`;
    const [overall, byType, byRegion, vacancies, vacancyCount, months] = await Promise.all([
      this.dataSource.query(`${base} SELECT ${aggregate} FROM c`, params),
      this.dataSource.query(`${base} SELECT type, ${aggregate} FROM c GROUP BY type ORDER BY type`, params),
      this.dataSource.query(
        `${base} SELECT r.code, r.name, ${aggregate} FROM c JOIN institutions r ON r.code = c.region_code AND r.type = 'region'
         GROUP BY r.code, r.name ORDER BY r.code`,
        params,
      ),
      this.dataSource.query(
        `${base} SELECT code, name, type, has_rod, has_gdd FROM c WHERE NOT (has_rod AND has_gdd)
         ORDER BY array_position(ARRAY['ministry','public_institution','public_enterprise','independent_authority','region','province','commune','other']::varchar[], type), code
         LIMIT 200`,
        params,
      ),
      this.dataSource.query(`${base} SELECT count(*) AS n FROM c WHERE NOT (has_rod AND has_gdd)`, params),
      this.dataSource.query(
        `SELECT to_char(date_trunc('month', a.appointed_on), 'YYYY-MM') AS month,
                count(*) FILTER (WHERE a.role = 'ROD') AS rod, count(*) FILTER (WHERE a.role = 'GDD') AS gdd
         FROM officer_appointments a JOIN institutions i ON i.id = a.institution_id
         WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY 1`,
        params,
      ),
    ]);
    return {
      ...counts(overall[0]),
      byType: byType.map((row: CountsRow & { type: InstitutionType }) => ({ type: row.type, ...counts(row) })),
      byRegion: byRegion.map((row: CountsRow & { code: string; name: LocalizedText }) => ({
        region: { code: row.code, name: row.name, type: 'region' as const },
        ...counts(row),
      })),
      vacancies: {
        total: Number(vacancyCount[0]?.n ?? 0),
        items: vacancies.map(
          (row: { code: string; name: LocalizedText; type: InstitutionType; has_rod: boolean; has_gdd: boolean }) => ({
            institution: { code: row.code, name: row.name, type: row.type },
            missing: [...(row.has_rod ? [] : ['ROD']), ...(row.has_gdd ? [] : ['GDD'])] as OfficerRole[],
          }),
        ),
      },
      appointmentsByMonth: months.map((row: { month: string; rod: string; gdd: string }) => ({
        month: row.month,
        rod: Number(row.rod),
        gdd: Number(row.gdd),
      })),
    };
  }
}
