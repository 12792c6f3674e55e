import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Provenance,
  GroupFigures,
  InstitutionMetrics,
  InstitutionType,
  LocalizedText,
  MetricsHistoryPoint,
  NationalMetrics,
  Page,
  PublicationFigures,
  RankingEntry,
  RankingQuery,
} from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { StampedCache } from '../common/cache/stamped-cache';
import { AppException } from '../common/errors/app-exception';
import { todayInMorocco } from '../common/time/today';
import { HarvestRun } from '../portal/entities/harvest-run.entity';
import { toRunView } from '../portal/harvest-run-lifecycle.service';
import { PortalDatasetsService } from '../portal/portal-datasets.service';
import { SettingsService } from '../settings/settings.service';

const HISTORY_DAYS = 400;
const OVERDUE_LISTED = 50;

interface RankingRow {
  rank: number;
  tied: boolean;
  code: string;
  name: LocalizedText;
  type: InstitutionType;
  region_code: string | null;
  score: string;
  datasets: number;
  figures: PublicationFigures;
  total: number;
}

const toRanking = (row: RankingRow): RankingEntry => ({
  rank: Number(row.rank),
  tied: row.tied,
  institution: { code: row.code, name: row.name, type: row.type },
  regionCode: row.region_code,
  score: Number(row.score),
  datasets: row.datasets,
  meanStars: row.figures.openness.meanStars,
  completeness: row.figures.completeness.mean,
  upToDateShare: row.figures.freshness.upToDateShare,
});

const toHistory = (row: {
  day: string;
  datasets: number;
  score: string | null;
  figures: PublicationFigures;
}): MetricsHistoryPoint => ({
  day: typeof row.day === 'string' ? row.day : new Date(row.day).toISOString().slice(0, 10),
  datasets: row.datasets,
  score: row.score === null ? null : Number(row.score),
  meanStars: row.figures.openness.meanStars,
  upToDateShare: row.figures.freshness.upToDateShare,
  completeness: row.figures.completeness.mean,
});

/**
 * Reads the snapshots: national figures, rankings, an administration's scorecard. Public.
 * Answers are kept in memory until the data they come from changes (a new snapshot,
 * a registry edit, a run ending) or the hour turns (the overdue list counts days).
 */
@Injectable()
export class MetricsQueryService {
  private readonly cache = new StampedCache(async () => {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT max(computed_at) FROM metric_snapshots WHERE institution_id IS NULL)::text AS snapshot,
              (SELECT max(updated_at) FROM institutions)::text AS registry,
              (SELECT max(finished_at) FROM harvest_runs)::text AS run`,
    );
    return `${row.snapshot}|${row.registry}|${row.run}|${new Date().toISOString().slice(0, 13)}`;
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly datasets: PortalDatasetsService,
    private readonly settings: SettingsService,
  ) {}

  /** Where the snapshot of `day` comes from: the harvest run that produced it (a demo run for demo data). */
  private async provenanceOf(day: string | null, institutionId: string | null): Promise<Provenance> {
    if (!day) return { source: 'automated', asOf: null, by: null };
    const [row] = await this.dataSource.query(
      `SELECT s.computed_at, s.run_id, r.trigger, r.portal_url FROM metric_snapshots s
         LEFT JOIN harvest_runs r ON r.id = s.run_id
        WHERE s.day = $1 AND s.institution_id IS NOT DISTINCT FROM $2::uuid`,
      [day, institutionId],
    );
    const demo =
      row?.trigger === 'demo' || row?.portal_url === 'demo' || (!row?.run_id && (await this.settings.demoLoaded()));
    return {
      source: demo ? 'demo' : 'automated',
      asOf: row ? new Date(row.computed_at).toISOString() : null,
      by: row?.run_id ?? null,
    };
  }

  /** The day of the newest snapshot, or null before the first good harvest. */
  async latestDay(): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM metric_snapshots WHERE institution_id IS NULL`,
    );
    return row?.day ?? null;
  }

  rankings(query: RankingQuery): Promise<Page<RankingEntry>> {
    return this.cache.get(`rankings:${JSON.stringify(query)}`, () => this.rankingsOf(query));
  }

  national(): Promise<NationalMetrics> {
    return this.cache.get('national', () => this.nationalNow());
  }

  institution(code: string): Promise<InstitutionMetrics> {
    return this.cache.get(`institution:${code}`, () => this.institutionNow(code));
  }

  private async rankingsOf(query: RankingQuery, day?: string | null): Promise<Page<RankingEntry>> {
    const page = Math.max(1, query.page ?? 1);
    const pageSize = Math.min(5000, Math.max(1, query.pageSize ?? 50));
    const latest = day === undefined ? await this.latestDay() : day;
    if (!latest) return { items: [], total: 0, page, pageSize };
    const params: unknown[] = [latest];
    const where = ['s.day = $1', 's.institution_id IS NOT NULL', 's.score IS NOT NULL'];
    if (query.type) {
      params.push(query.type);
      where.push(`i.type = $${params.length}`);
    }
    if (query.region) {
      params.push(query.region);
      where.push(`i.region_code = $${params.length}`);
    }
    params.push(pageSize, (page - 1) * pageSize);
    const rows: RankingRow[] = await this.dataSource.query(
      `SELECT rank() OVER (ORDER BY s.score DESC)::int AS rank,
              (count(*) OVER (PARTITION BY s.score) > 1) AS tied,
              i.code, i.name, i.type, i.region_code, s.score, s.datasets, s.figures,
              count(*) OVER ()::int AS total
         FROM metric_snapshots s JOIN institutions i ON i.id = s.institution_id
        WHERE ${where.join(' AND ')}
        ORDER BY s.score DESC, i.name->>'fr', i.code
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map(toRanking), total: rows[0]?.total ?? 0, page, pageSize };
  }

  private async nationalNow(): Promise<NationalMetrics> {
    const day = await this.latestDay();
    const lastGood = await this.dataSource
      .getRepository(HarvestRun)
      .findOne({ where: { status: 'succeeded' }, order: { startedAt: 'DESC' } });
    const [mapped] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM institutions WHERE portal_org_name IS NOT NULL AND active`,
    );
    const empty: NationalMetrics = {
      asOf: null,
      lastGoodRun: lastGood ? toRunView(lastGood) : null,
      figures: null,
      distribution: [],
      top: [],
      bottom: [],
      byType: [],
      byRegion: [],
      history: [],
      institutionsMapped: mapped.n,
      institutionsScored: 0,
      provenance: await this.provenanceOf(day, null),
    };
    if (!day) return empty;
    const [national] = await this.dataSource.query(
      `SELECT figures FROM metric_snapshots WHERE day = $1 AND institution_id IS NULL`,
      [day],
    );
    const all = await this.rankingsOf({ pageSize: 5000 }, day);
    const distribution = Array.from({ length: 10 }, (_, i) => ({
      from: i * 10,
      to: i === 9 ? 100 : i * 10 + 10,
      institutions: all.items.filter((r) => (i === 9 ? r.score >= 90 : r.score >= i * 10 && r.score < i * 10 + 10))
        .length,
    }));
    const groups = async (column: 'type' | 'region_code'): Promise<GroupFigures[]> => {
      const rows: {
        key: string;
        institutions: number;
        scored: number;
        datasets: number;
        mean_score: string | null;
        code: string | null;
        name: LocalizedText | null;
        rtype: InstitutionType | null;
      }[] = await this.dataSource.query(
        `SELECT g.key, g.institutions, g.scored, g.datasets, g.mean_score, r.code, r.name, r.type AS rtype FROM (
             SELECT i.${column} AS key, count(*)::int AS institutions, count(s.score)::int AS scored,
                    coalesce(sum(s.datasets), 0)::int AS datasets, round(avg(s.score), 1) AS mean_score
               FROM metric_snapshots s JOIN institutions i ON i.id = s.institution_id
              WHERE s.day = $1 AND i.${column} IS NOT NULL
              GROUP BY i.${column}) g
           LEFT JOIN institutions r ON ${column === 'region_code' ? "r.code = g.key AND r.type = 'region'" : 'false'}
           ORDER BY g.mean_score DESC NULLS LAST, g.key`,
        [day],
      );
      return rows.map((row) => ({
        key: row.key,
        label: row.code && row.name && row.rtype ? { code: row.code, name: row.name, type: row.rtype } : null,
        institutions: row.institutions,
        scored: row.scored,
        datasets: row.datasets,
        meanScore: row.mean_score === null ? null : Number(row.mean_score),
      }));
    };
    const history = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, datasets, score, figures FROM metric_snapshots
        WHERE institution_id IS NULL AND day > $1::date - $2::int ORDER BY day`,
      [day, HISTORY_DAYS],
    );
    return {
      ...empty,
      asOf: day,
      figures: national?.figures ?? null,
      distribution,
      top: all.items.slice(0, 5),
      bottom: all.items.length > 5 ? all.items.slice(-5).reverse() : [],
      byType: await groups('type'),
      byRegion: await groups('region_code'),
      history: history.map(toHistory),
      institutionsScored: all.total,
    };
  }

  private async institutionNow(code: string): Promise<InstitutionMetrics> {
    const [institution] = await this.dataSource.query(
      `SELECT id, code, name, type, portal_org_name FROM institutions WHERE code = $1`,
      [code],
    );
    if (!institution) throw AppException.notFound('institution', code);
    const day = await this.latestDay();
    const ref = { code: institution.code, name: institution.name, type: institution.type };
    const history = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, datasets, score, figures FROM metric_snapshots
        WHERE institution_id = $1 AND day > $2::date - $3::int ORDER BY day`,
      [institution.id, day ?? todayInMorocco(), HISTORY_DAYS],
    );
    const [current] = day
      ? await this.dataSource.query(
          `SELECT s.figures, s.score, r.above + 1 AS rank, r.same > 1 AS tied, r.of
             FROM metric_snapshots s
             CROSS JOIN LATERAL (
               SELECT count(*) FILTER (WHERE o.score > s.score)::int AS above, count(*) FILTER (WHERE o.score = s.score)::int AS same, count(*)::int AS of
                 FROM metric_snapshots o WHERE o.day = s.day AND o.institution_id IS NOT NULL AND o.score IS NOT NULL) r
            WHERE s.day = $1 AND s.institution_id = $2`,
          [day, institution.id],
        )
      : [];
    const overdue = institution.portal_org_name
      ? (await this.datasets.overdue(institution.portal_org_name, OVERDUE_LISTED)).map(
          ({ ckanId, name, title, portalUrl, frequency, lastUpdatedAt, ageDays, freshness }) => ({
            ckanId,
            name,
            title,
            portalUrl,
            frequency,
            lastUpdatedAt,
            ageDays,
            freshness,
          }),
        )
      : [];
    return {
      institution: ref,
      portalOrgName: institution.portal_org_name,
      asOf: current ? day : null,
      figures: current?.figures ?? null,
      rank: current && current.score !== null ? { rank: current.rank, tied: current.tied, of: current.of } : null,
      history: history.map(toHistory),
      overdue,
      benchmark: day ? await this.benchmark(day, institution.type) : null,
      provenance: await this.provenanceOf(current ? day : null, institution.id),
    };
  }

  /** Median scores on `day`: of every scored administration, and of those of one type. */
  private async benchmark(day: string, type: InstitutionType): Promise<InstitutionMetrics['benchmark']> {
    const [row] = await this.dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s.score) AS national,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY s.score) FILTER (WHERE i.type = $2) AS by_type
         FROM metric_snapshots s JOIN institutions i ON i.id = s.institution_id
        WHERE s.day = $1 AND s.score IS NOT NULL`,
      [day, type],
    );
    const round1 = (value: string | number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);
    return { nationalMedian: round1(row?.national ?? null), typeMedian: round1(row?.by_type ?? null) };
  }
}
