import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  InstitutionType,
  LocalizedText,
  Page,
  PortalOrganizationQuery,
  PortalOrganizationView,
} from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { ActorContext } from '../auth/actor';
import { AppException } from '../common/errors/app-exception';
import { normalizeForSearch } from '../common/text/search-normalize.util';
import { MetricsService } from '../metrics/metrics.service';

interface Row {
  name: string;
  title: string;
  datasets: number;
  code: string | null;
  iname: LocalizedText | null;
  itype: InstitutionType | null;
  iversion: number | null;
  last_seen_at: Date;
  removed_at: Date | null;
  total: number;
}

const SELECT_ORGANIZATIONS = `
  SELECT o.name, o.title, o.last_seen_at, o.removed_at,
         (SELECT count(*)::int FROM portal_datasets d WHERE d.organization_name = o.name AND d.deleted_at IS NULL) AS datasets,
         i.code, i.name AS iname, i.type AS itype, i.version AS iversion, count(*) OVER ()::int AS total
    FROM portal_organizations o LEFT JOIN institutions i ON i.portal_org_name = o.name`;

/** Portal organisations, and their mapping to administrations (institutions.portal_org_name). */
@Injectable()
export class PortalOrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly metrics: MetricsService,
  ) {}

  async list(query: PortalOrganizationQuery): Promise<Page<PortalOrganizationView>> {
    const page = Math.max(1, query.page ?? 1);
    const pageSize = Math.min(100, Math.max(1, query.pageSize ?? 25));
    const params: unknown[] = [];
    const where = ['true'];
    if (query.mapped !== undefined)
      where.push(query.mapped ? 'i.id IS NOT NULL' : 'i.id IS NULL AND o.removed_at IS NULL');
    if (query.q) {
      params.push(`%${normalizeForSearch(query.q)}%`);
      where.push(`(o.name ILIKE $${params.length} OR lower(o.title) LIKE $${params.length})`);
    }
    params.push(pageSize, (page - 1) * pageSize);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT_ORGANIZATIONS}
        WHERE ${where.join(' AND ')}
        ORDER BY datasets DESC, o.name
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map(toView), total: rows[0]?.total ?? 0, page, pageSize };
  }

  /**
   * Maps an organisation to an administration (or unmaps it), then recomputes
   * the metrics so the scorecards follow at once.
   */
  async map(caller: ActorContext, name: string, institutionCode: string | null): Promise<PortalOrganizationView> {
    await this.dataSource.transaction(async (manager) => {
      const [org] = await manager.query(`SELECT name FROM portal_organizations WHERE name = $1`, [name]);
      if (!org) throw AppException.notFound('portalOrganization', name);
      const previous: { id: string; code: string }[] = await manager.query(
        `SELECT id, code FROM institutions WHERE portal_org_name = $1`,
        [name],
      );
      let target: { id: string; code: string; portal_org_name: string | null } | undefined;
      if (institutionCode !== null) {
        [target] = await manager.query(`SELECT id, code, portal_org_name FROM institutions WHERE code = $1`, [
          institutionCode,
        ]);
        if (!target) throw AppException.notFound('institution', institutionCode);
        if (target.portal_org_name && target.portal_org_name !== name) {
          throw AppException.validation([{ field: 'institutionCode', rule: 'hasOtherPortalOrganization' }]);
        }
        if (target.portal_org_name === name) return;
      }
      for (const old of previous) {
        await manager.query(
          `UPDATE institutions SET portal_org_name = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
          [old.id],
        );
        await this.audit.record(manager, caller, {
          action: 'institution.update',
          entityType: 'institution',
          entityId: old.id,
          diff: { portalOrgName: { before: name, after: null } },
        });
      }
      if (target) {
        await manager.query(
          `UPDATE institutions SET portal_org_name = $2, version = version + 1, updated_at = now() WHERE id = $1`,
          [target.id, name],
        );
        await this.audit.record(manager, caller, {
          action: 'institution.update',
          entityType: 'institution',
          entityId: target.id,
          diff: { portalOrgName: { before: null, after: name } },
        });
      }
      await this.metrics.recompute(manager, { runId: null });
    });
    return this.one(name);
  }

  private async one(name: string): Promise<PortalOrganizationView> {
    const rows: Row[] = await this.dataSource.query(`${SELECT_ORGANIZATIONS} WHERE o.name = $1`, [name]);
    if (!rows[0]) throw AppException.notFound('portalOrganization', name);
    return toView(rows[0]);
  }
}

function toView(row: Row): PortalOrganizationView {
  return {
    name: row.name,
    title: row.title,
    datasets: row.datasets,
    institution: row.code && row.iname && row.itype ? { code: row.code, name: row.iname, type: row.itype } : null,
    institutionVersion: row.iversion,
    lastSeenAt: new Date(row.last_seen_at).toISOString(),
    removedAt: row.removed_at ? new Date(row.removed_at).toISOString() : null,
  };
}
