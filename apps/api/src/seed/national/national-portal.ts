import { FRESHNESS_THRESHOLDS, type IsoDate } from '@marsad/contracts';
import { addDays } from '../../common/time/today';
import { MetricsService } from '../../metrics/metrics.service';
import { datasetProfiles, slug as slugify } from './national-catalogue';
import { at, type NationalContext } from './national-context';

/** The portal harvested: its address as the runs record it. */
export const NATIONAL_PORTAL_URL = 'https://data.gov.ma/data';

/** Dataset profiles: generated CKAN records read by the harvest's normaliser (national-catalogue.ts). */
const PROFILES = 512;

/** Share of each kind of administration with an organisation on the portal. */
const MAPPED_SHARE: Record<string, number> = {
  ministry: 0.85,
  public_institution: 0.8,
  public_enterprise: 0.8,
  independent_authority: 0.7,
  other: 0.8,
  region: 1,
  province: 0.6,
  commune: 0.15,
};

interface Organisation {
  name: string;
  title: string;
  institutionId: string | null;
  weight: number;
  datasets: number;
  start: number;
}

export interface HarvestRunRow {
  id: string;
  day: IsoDate;
  mode: 'full' | 'incremental';
  trigger: 'schedule' | 'manual';
  status: 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string;
}

/**
 * The portal's organisations (mapped to most central administrations, every region, many provinces
 * and a few communes, plus some partners mapped to none), a skewed spread of datasets over them (a
 * few ministries with thousands, most communes with a handful), a harvest run every night of the
 * year (full on Sundays, a few failures retried by hand) and the datasets as the last run left them.
 */
export class NationalPortal {
  runs: HarvestRunRow[] = [];
  organisations: Organisation[] = [];

  constructor(
    private readonly ctx: NationalContext,
    private readonly coordinatorId: string,
  ) {}

  /** The run that left the data as they are: the as-of day's. */
  get lastRun(): HarvestRunRow {
    return this.runs.filter((r) => r.status === 'succeeded').at(-1) as HarvestRunRow;
  }

  async organisationsAndMapping(priority: string[]): Promise<void> {
    const ctx = this.ctx;
    const taken = new Set<string>();
    const orgs: Organisation[] = [];
    const unique = (slug: string, suffix: string) => {
      // CKAN names are at most 100 characters: cut long ones between words.
      let name = slug.length > 90 ? slug.slice(0, 91).replace(/-[^-]*$/, '') : slug;
      if (taken.has(name)) name = `${name}-${suffix}`.slice(0, 100);
      taken.add(name);
      return name;
    };
    for (const institution of ctx.institutions.values()) {
      const share = MAPPED_SHARE[institution.type] ?? 0;
      if (!priority.includes(institution.code) && ctx.h(`org-mapped:${institution.code}`) >= share) continue;
      const fr = institution.name.fr;
      const code = slugify(institution.code);
      const name =
        institution.type === 'region'
          ? unique(`region-${slugify(fr)}`, code)
          : institution.type === 'province'
            ? unique(`province-${slugify(fr)}-${code}`, code)
            : institution.type === 'commune'
              ? unique(`commune-${slugify(fr)}-${code}`, code)
              : unique(slugify(fr), code);
      const u = ctx.h(`org-weight:${institution.code}`);
      const weight =
        institution.type === 'ministry'
          ? 1000 * u * u + 50
          : institution.type === 'region'
            ? 150 * u + 20
            : institution.type === 'province'
              ? 30 * u + 2
              : institution.type === 'commune'
                ? 2 * u + 0.2
                : 300 * u * u + 10;
      orgs.push({ name, title: fr, institutionId: institution.id, weight, datasets: 0, start: 0 });
    }
    for (let k = 1; k <= 20; k++)
      orgs.push({
        name: unique(`organisme-partenaire-${k}`, String(k)),
        title: `Organisme partenaire n° ${k}`,
        institutionId: null,
        weight: 20 * ctx.h(`org-weight:partner:${k}`),
        datasets: 0,
        start: 0,
      });
    // Exact counts by largest remainder, then consecutive dataset numbers per organisation.
    const total = ctx.volumes.datasets;
    const sum = orgs.reduce((s, o) => s + o.weight, 0);
    const shares = orgs.map((o) => (total * o.weight) / sum);
    orgs.forEach((o, i) => (o.datasets = Math.floor(shares[i])));
    const left = total - orgs.reduce((s, o) => s + o.datasets, 0);
    orgs
      .map((o, i) => ({ o, r: shares[i] - Math.floor(shares[i]), i }))
      .sort((a, b) => b.r - a.r || a.i - b.i)
      .slice(0, left)
      .forEach(({ o }) => (o.datasets += 1));
    let start = 0;
    for (const o of orgs) {
      o.start = start;
      start += o.datasets;
    }
    this.organisations = orgs;
    await ctx.query(
      `CREATE TEMP TABLE nat_orgs (name text PRIMARY KEY, title text, institution_id uuid, datasets int, start int) ON COMMIT DROP`,
    );
    await ctx.insertJson(
      'nat_orgs',
      orgs.map((o) => ({
        name: o.name,
        title: o.title,
        institution_id: o.institutionId,
        datasets: o.datasets,
        start: o.start,
      })),
    );
    // Coordinators mapped the administrations to their organisations just before the year began.
    await ctx.query(
      `UPDATE institutions i SET portal_org_name = o.name, version = i.version + 1, updated_at = $1
         FROM nat_orgs o WHERE o.institution_id = i.id`,
      [at(addDays(ctx.firstDay, -10), '11:00')],
    );
  }

  /** A run every night at 02:00, full on Sundays; a failed night is retried by a coordinator at 09:00. */
  async harvestRuns(): Promise<void> {
    const ctx = this.ctx;
    const runs: HarvestRunRow[] = [];
    const fullMinutes = 10 + Math.ceil(ctx.volumes.datasets / 8000);
    for (let day = ctx.firstDay; day <= ctx.asOf; day = addDays(day, 1)) {
      const full = new Date(`${day}T12:00:00Z`).getUTCDay() === 0;
      const mode = full ? 'full' : 'incremental';
      const minutes = full ? fullMinutes : ctx.int(`run-minutes:${day}`, 1, 4);
      const failed = day !== ctx.asOf && ctx.h(`run-fail:${day}`) < 0.012;
      const started = at(day, '02:00');
      runs.push({
        id: ctx.uid(`run:${day}`),
        day,
        mode,
        trigger: 'schedule',
        status: failed ? 'failed' : 'succeeded',
        startedAt: started,
        finishedAt: new Date(
          Date.parse(started) + (failed ? 3 : minutes) * 60_000 + ctx.int(`run-s:${day}`, 0, 59) * 1000,
        ).toISOString(),
      });
      if (failed) {
        const retry = at(day, '09:00');
        runs.push({
          id: ctx.uid(`run:${day}:retry`),
          day,
          mode,
          trigger: 'manual',
          status: 'succeeded',
          startedAt: retry,
          finishedAt: new Date(Date.parse(retry) + minutes * 60_000 + 17_000).toISOString(),
        });
      }
    }
    this.runs = runs;
    let previous: HarvestRunRow | null = null;
    const rows = runs.map((run) => {
      const row = {
        id: run.id,
        mode: run.mode,
        trigger: run.trigger,
        triggered_by: run.trigger === 'manual' ? this.coordinatorId : null,
        status: run.status,
        portal_url: NATIONAL_PORTAL_URL,
        started_at: run.startedAt,
        heartbeat_at: run.finishedAt,
        finished_at: run.finishedAt,
        since: run.mode === 'incremental' && previous ? previous.startedAt : null,
        issues:
          run.status === 'failed'
            ? [
                {
                  at: run.finishedAt,
                  kind: 'failure',
                  message: 'The portal answered 503 Service Unavailable three times in a row',
                  action: 'package_search',
                  start: 0,
                },
              ]
            : [],
        issue_count: run.status === 'failed' ? 1 : 0,
        failure: run.status === 'failed' ? 'package_search failed: 503 Service Unavailable after 3 attempts' : null,
      };
      if (run.status === 'succeeded') previous = run;
      return row;
    });
    await ctx.insertJson('harvest_runs', rows);
    await ctx.query(
      `CREATE TEMP TABLE nat_runs ON COMMIT DROP AS
       SELECT r.id, pg_temp.mday(r.started_at) AS day, r.started_at, r.finished_at, r.mode, r.status
         FROM harvest_runs r`,
    );
  }

  async datasets(): Promise<void> {
    const ctx = this.ctx;
    const lastStart = at(ctx.asOf, '02:00');
    const profiles: Record<string, unknown>[] = [];
    for (const d of datasetProfiles(ctx, PROFILES, NATIONAL_PORTAL_URL)) {
      const resources = d.resources.map((r, k) => ({
        id: `@@RID@@${String(k + 1).padStart(12, '0')}`,
        name: r.name,
        format: r.format,
        formatRaw: r.formatRaw,
        url: r.url ? `${NATIONAL_PORTAL_URL}/dataset/@@NAME@@/resource/${k + 1}${extensionOf(r.url)}` : null,
        lastModified: r.lastModified ? '@@LM@@' : null,
      }));
      profiles.push({
        idx: profiles.length + 1,
        name: d.name.slice(0, 150),
        title: d.title,
        license_id: d.licenseId,
        open_licence: d.openLicence,
        frequency: d.frequency,
        frequency_raw: d.frequencyRaw,
        formats: d.formats,
        resources: JSON.stringify(resources),
        resource_count: d.resourceCount,
        stars: d.stars,
        machine_readable: d.machineReadable,
        completeness: d.completeness,
        completeness_filled: d.completenessFilled,
        tags: d.tags,
        groups: d.groups,
        title_key: d.titleKey,
      });
    }
    await ctx.query(
      `CREATE TEMP TABLE nat_profiles (idx int PRIMARY KEY, name text, title text, license_id text, open_licence boolean,
         frequency text, frequency_raw text, formats text[], resources text, resource_count int, stars int,
         machine_readable boolean, completeness int, completeness_filled text[], tags text[], groups text[], title_key text)
       ON COMMIT DROP`,
    );
    await ctx.insertJson('nat_profiles', profiles, 200);
    await ctx.query(`CREATE TEMP TABLE nat_fresh (frequency text PRIMARY KEY, due int) ON COMMIT DROP`);
    await ctx.insertJson(
      'nat_fresh',
      Object.entries(FRESHNESS_THRESHOLDS).map(([frequency, t]) => ({ frequency, due: t?.due ?? 0 })),
    );
    // Dates: created over eight years (more recently more often); updated by their rhythm; a few deleted.
    // Each draw is computed once (materialised steps): an inlined md5 would be evaluated at every use.
    await ctx.query(
      `CREATE TEMP TABLE nat_ds ON COMMIT DROP AS
       WITH keyed AS MATERIALIZED (
         SELECT n, o.name AS org, pg_temp.m('ds1:' || n) AS m1, pg_temp.m('ds2:' || n) AS m2
           FROM nat_orgs o CROSS JOIN LATERAL generate_series(o.start + 1, o.start + o.datasets) n
       ), drawn AS MATERIALIZED (
         SELECT k.n, k.org, k.m2, 1 + floor(pg_temp.u(k.m1, 0) * $2)::int AS profile,
                $1::timestamptz - (floor(2920 * power(pg_temp.u(k.m1, 1), 1.6)) * interval '1 day')
                  - (1 + floor(pg_temp.u(k.m1, 2) * 900)) * interval '1 minute' AS created,
                pg_temp.u(k.m1, 3) AS age_r
           FROM keyed k
       ), updated AS MATERIALIZED (
         SELECT d.*, greatest(d.created, $1::timestamptz - (1 + floor(pg_temp.u(d.m2, 1) * 600)) * interval '1 minute'
                  - floor(CASE WHEN f.due IS NOT NULL THEN f.due * 2.5 * power(d.age_r, 1.4) ELSE 700 * power(d.age_r, 1.5) END)
                    * interval '1 day') AS updated
           FROM drawn d JOIN nat_profiles p ON p.idx = d.profile LEFT JOIN nat_fresh f ON f.frequency = p.frequency
       )
       SELECT u.n, u.org, u.m2, u.profile, u.created, u.updated,
              least($1::timestamptz - interval '1 minute', u.updated + floor(pg_temp.u(u.m2, 2) * 3) * interval '1 day') AS modified
         FROM updated u`,
      [lastStart, profiles.length],
    );
    await ctx.query(
      `INSERT INTO portal_datasets (ckan_id, name, title, organization_name, metadata_created, metadata_modified, last_updated_at,
          license_id, open_licence, frequency, frequency_raw, formats, resources, resource_count, stars, machine_readable,
          completeness, completeness_filled, tags, groups, title_key, deleted_at, first_seen_at, last_run_id)
       SELECT x.uid, left(p.name, 180) || '-' || d.n, p.title, d.org, d.created, d.modified, d.updated,
              p.license_id, p.open_licence, p.frequency, p.frequency_raw, p.formats,
              replace(replace(replace(p.resources, '@@NAME@@', left(p.name, 180) || '-' || d.n), '@@RID@@', left(x.uid, 24)),
                      '@@LM@@', to_char(d.updated AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'))::jsonb,
              p.resource_count, p.stars, p.machine_readable, p.completeness, p.completeness_filled, p.tags, p.groups, p.title_key,
              CASE WHEN pg_temp.u(d.m2, 0) < 0.01 THEN least($1::timestamptz + interval '20 minutes',
                     greatest(d.modified + interval '7 days', pg_temp.ts($2::date - (1 + floor(pg_temp.u(d.m2, 3) * 300))::int, '02:20'))) END,
              least(pg_temp.ts($2::date, '02:05'), greatest(pg_temp.ts($3::date, '02:05'), pg_temp.ts(pg_temp.mday(d.created) + 1, '02:05'))),
              r.id
         FROM nat_ds d
         CROSS JOIN LATERAL (SELECT pg_temp.uid('dataset:' || d.n)::text AS uid OFFSET 0) x
         JOIN nat_profiles p ON p.idx = d.profile
         -- The run that last wrote it: the successful run the night after its last change.
         JOIN (SELECT DISTINCT ON (day) day, id FROM nat_runs WHERE status = 'succeeded' ORDER BY day, started_at DESC) r
           ON r.day = greatest($3::date, least($2::date, pg_temp.mday(d.modified) + 1))`,
      [lastStart, ctx.asOf, ctx.firstDay],
    );
    // What each run saw, from the datasets' dates.
    await ctx.query(
      `CREATE TEMP TABLE nat_seen ON COMMIT DROP AS
       SELECT pg_temp.mday(first_seen_at) AS day, count(*) AS n FROM portal_datasets GROUP BY 1`,
    );
    await ctx.query(
      `CREATE TEMP TABLE nat_gone ON COMMIT DROP AS
       SELECT pg_temp.mday(deleted_at) AS day, count(*) AS n FROM portal_datasets WHERE deleted_at IS NOT NULL GROUP BY 1`,
    );
    await ctx.query(
      `UPDATE harvest_runs h SET
              created = s.created, updated = s.updated, deleted = s.deleted,
              seen = CASE WHEN h.mode = 'full' THEN s.live ELSE s.created + s.updated END,
              pages = ceil(CASE WHEN h.mode = 'full' THEN s.live ELSE s.created + s.updated END / 1000.0)::int,
              organizations = CASE WHEN h.mode = 'full' THEN $1::int ELSE 0 END,
              requests = 1 + CASE WHEN h.mode = 'full' THEN 1 ELSE 0 END
                         + ceil(CASE WHEN h.mode = 'full' THEN s.live ELSE s.created + s.updated END / 1000.0)::int
         FROM (
           SELECT r.id, coalesce(w.created, 0) AS created, coalesce(w.updated, 0) AS updated, coalesce(x.deleted, 0) AS deleted,
                  (SELECT coalesce(sum(f.n), 0)::int FROM nat_seen f WHERE f.day <= r.day) -
                  (SELECT coalesce(sum(g.n), 0)::int FROM nat_gone g WHERE g.day < r.day) AS live
             FROM nat_runs r
             LEFT JOIN (SELECT d.last_run_id, count(*) FILTER (WHERE pg_temp.mday(d.first_seen_at) = n.day)::int AS created,
                               count(*) FILTER (WHERE pg_temp.mday(d.first_seen_at) <> n.day)::int AS updated
                          FROM portal_datasets d JOIN nat_runs n ON n.id = d.last_run_id GROUP BY d.last_run_id) w
                    ON w.last_run_id = r.id
             LEFT JOIN (SELECT pg_temp.mday(deleted_at) AS day, count(*)::int AS deleted
                          FROM portal_datasets WHERE deleted_at IS NOT NULL GROUP BY 1) x
                    ON x.day = r.day AND r.mode = 'full'
            WHERE r.status = 'succeeded' AND (r.mode = 'full' OR r.id = $2)
           UNION ALL
           SELECT r.id, coalesce(w.created, 0), coalesce(w.updated, 0), 0, 0
             FROM nat_runs r
             LEFT JOIN (SELECT d.last_run_id, count(*) FILTER (WHERE pg_temp.mday(d.first_seen_at) = n.day)::int AS created,
                               count(*) FILTER (WHERE pg_temp.mday(d.first_seen_at) <> n.day)::int AS updated
                          FROM portal_datasets d JOIN nat_runs n ON n.id = d.last_run_id GROUP BY d.last_run_id) w
                    ON w.last_run_id = r.id
            WHERE r.status = 'succeeded' AND r.mode = 'incremental' AND r.id <> $2
         ) s
        WHERE s.id = h.id`,
      [this.organisations.filter((o) => o.datasets > 0).length, this.lastRun.id],
    );
    await ctx.query(
      `INSERT INTO portal_organizations (name, ckan_id, title, package_count, first_seen_at, last_seen_at, removed_at)
       SELECT o.name, pg_temp.uid('org:' || o.name)::text, o.title,
              (SELECT count(*)::int FROM portal_datasets d WHERE d.organization_name = o.name AND d.deleted_at IS NULL),
              $1::timestamptz, $2::timestamptz, NULL
         FROM nat_orgs o`,
      [
        at(ctx.firstDay, '02:01'),
        this.runs.filter((r) => r.mode === 'full' && r.status === 'succeeded').at(-1)?.startedAt,
      ],
    );
  }

  /**
   * The as-of day's publication figures computed by the real MetricsService after the last run;
   * the 364 days before, each administration's and the national figures replayed: datasets and
   * new datasets counted from the datasets' dates, the score and headline shares drifting back
   * from today's. The distributions inside `figures` (stars, formats, criteria) are today's.
   */
  async metrics(metrics: MetricsService): Promise<void> {
    const ctx = this.ctx;
    const last = this.lastRun;
    await metrics.recompute(ctx.runner.manager, { runId: last.id, asOf: new Date(last.finishedAt) });
    await ctx.query(
      `UPDATE metric_snapshots SET id = pg_temp.uid('metric:' || day || ':' || coalesce(institution_id::text, 'national'))`,
    );
    await ctx.query(
      `INSERT INTO metric_snapshots (id, day, institution_id, datasets, score, figures, computed_at, run_id)
       WITH events AS (
         SELECT coalesce(i.id::text, '-') AS subject, greatest(pg_temp.mday(d.metadata_created), $1::date - 31) AS day, 1 AS created, 1 AS delta
           FROM portal_datasets d LEFT JOIN institutions i ON i.portal_org_name = d.organization_name
         UNION ALL
         SELECT 'national', greatest(pg_temp.mday(d.metadata_created), $1::date - 31), 1, 1 FROM portal_datasets d
         UNION ALL
         SELECT coalesce(i.id::text, '-'), pg_temp.mday(d.deleted_at), 0, -1
           FROM portal_datasets d LEFT JOIN institutions i ON i.portal_org_name = d.organization_name WHERE d.deleted_at IS NOT NULL
         UNION ALL
         SELECT 'national', pg_temp.mday(d.deleted_at), 0, -1 FROM portal_datasets d WHERE d.deleted_at IS NOT NULL
       ), daily AS (
         SELECT subject, day, sum(created)::int AS created, sum(delta)::int AS delta FROM events GROUP BY subject, day
       ), today AS (
         SELECT coalesce(s.institution_id::text, 'national') AS subject, s.institution_id, s.datasets, s.score, s.figures,
                (s.figures->'openness'->>'meanStars')::numeric AS ms, (s.figures->'completeness'->>'mean')::numeric AS cm,
                (s.figures->'freshness'->>'upToDateShare')::numeric AS us, (s.figures->>'resources')::numeric AS resources_today,
                pg_temp.h('drift:' || coalesce(s.institution_id::text, 'national'))::numeric AS dr,
                row_number() OVER (ORDER BY s.institution_id NULLS FIRST) AS sn,
                -- Today's figures taken apart: the history rows are rebuilt from the parts (cheaper than
                -- jsonb_set on the whole, or than parsing text).
                s.figures - 'datasets' - 'newDatasets' - 'resources' - 'score' - 'openness' - 'completeness' - 'freshness' AS rest,
                s.figures->'score' AS sc, s.figures->'openness' AS op, s.figures->'completeness' AS co, s.figures->'freshness' AS fr
           FROM metric_snapshots s WHERE s.day = $2::date
       ), grid AS (
         SELECT t.subject, g.day::date AS day,
                sum(coalesce(y.delta, 0)) OVER w AS datasets,
                sum(coalesce(y.created, 0)) OVER w AS created
           FROM today t CROSS JOIN generate_series($1::date - 31, $2::date - 1, interval '1 day') g(day)
           LEFT JOIN daily y ON y.subject = t.subject AND y.day = g.day::date
         WINDOW w AS (PARTITION BY t.subject ORDER BY g.day)
       ), counted AS (
         SELECT g.*, g.created - lag(g.created, 30, 0::bigint) OVER (PARTITION BY g.subject ORDER BY g.day) AS new_datasets
           FROM grid g
       ), drawn AS (
         SELECT c.subject, c.day, c.datasets::int, c.new_datasets::int, t.institution_id, t.rest, t.sc, t.op, t.co, t.fr,
                t.resources_today,
                t.score AS score_today, t.ms, t.cm, t.us, t.dr,
                t.datasets AS datasets_today, ($2::date - c.day) / 365.0 AS back,
                -- Day-to-day noise from integer arithmetic (an md5 per row and use costs more than the rest).
                (((c.day - $1::date) * 7919 + t.sn * 104729) % 1009) / 1009.0 AS nz
           FROM counted c JOIN today t ON t.subject = c.subject
          WHERE c.day >= $1::date AND c.datasets > 0
       ), valued AS (
         SELECT d.*,
                CASE WHEN d.score_today IS NULL THEN NULL
                     ELSE round(least(100, greatest(0, d.score_today - (10 * d.dr - 2) * d.back + (d.nz - 0.5) * 1.2)), 1) END AS score,
                CASE WHEN d.ms IS NOT NULL THEN round(least(5, greatest(0, d.ms - 0.4 * d.dr * d.back)), 1) END AS mean_stars,
                CASE WHEN d.cm IS NOT NULL THEN round(least(100, greatest(0, d.cm - 8 * d.dr * d.back)), 1) END AS completeness,
                CASE WHEN d.us IS NOT NULL THEN round(least(100, greatest(0, d.us - 6 * d.dr * d.back + (d.nz - 0.5) * 3)), 1) END
                  AS up_to_date
           FROM drawn d
       )
       SELECT pg_temp.uid('metric:' || v.day || ':' || coalesce(v.institution_id::text, 'national')), v.day, v.institution_id,
              v.datasets, v.score,
              v.rest || jsonb_build_object(
                'datasets', v.datasets,
                'newDatasets', v.new_datasets,
                'resources', round(v.resources_today * v.datasets / greatest(1, v.datasets_today))::int,
                'score', jsonb_set(v.sc, '{value}', coalesce(to_jsonb(v.score), 'null')),
                'openness', jsonb_set(v.op, '{meanStars}', coalesce(to_jsonb(v.mean_stars), 'null')),
                'completeness', jsonb_set(v.co, '{mean}', coalesce(to_jsonb(v.completeness), 'null')),
                'freshness', jsonb_set(v.fr, '{upToDateShare}', coalesce(to_jsonb(v.up_to_date), 'null'))),
              r.finished_at, r.id
         FROM valued v
         JOIN (SELECT DISTINCT ON (n.day) n.day, n.id, n.finished_at FROM nat_runs n WHERE n.status = 'succeeded'
                ORDER BY n.day, n.started_at DESC) r ON r.day = v.day`,
      [ctx.firstDay, ctx.asOf],
    );
  }
}

function extensionOf(url: string): string {
  const match = /\.([a-z0-9]{2,7})(?:[?#]|$)/i.exec(url);
  return match ? `.${match[1].toLowerCase()}` : '';
}
