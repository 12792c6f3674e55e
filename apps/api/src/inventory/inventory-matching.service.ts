import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, InventoryItemView, InventoryMatchCandidate, MatchState } from '@marsad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, SYSTEM_CALLER, diffOf } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { normalizeForSearch } from '../common/text/search-normalize.util';
import type { ConfirmMatchDto } from './dto/inventory.dto';
import { InventoryItem } from './entities/inventory-item.entity';
import { InventoryService, assertMayManageInventory, mayReadInventory } from './inventory.service';
import type { SignedInContext } from '../auth/actor';

const MAX_CANDIDATES = 10;
/** Words too common in titles to say two titles are alike. */
const STOP_WORDS = new Set([
  'des',
  'les',
  'par',
  'pour',
  'dans',
  'sur',
  'aux',
  'avec',
  'and',
  'the',
  'for',
  'from',
  'with',
  'في',
  'من',
  'على',
  'الى',
  'عن',
  'حسب',
]);

/** The live datasets of the portal organisation mapped to the item's administration. */
const ORG_DATASETS = `portal_datasets d JOIN institutions i ON i.portal_org_name = d.organization_name AND d.deleted_at IS NULL`;

/** The basis on which dataset `d` is the item: $1 reference, $2 and $3 the normalised titles. */
const BASIS_SQL = `CASE WHEN lower(d.name) = lower($1) OR lower(d.ckan_id) = lower($1) THEN 'identifier'
  WHEN d.title_key <> '' AND (d.title_key = $2 OR d.title_key = $3) THEN 'title' END`;

const matchSnapshot = (item: Pick<InventoryItem, 'matchState' | 'matchCkanId' | 'matchBasis' | 'status'>) => ({
  matchState: item.matchState,
  matchCkanId: item.matchCkanId,
  matchBasis: item.matchBasis,
  status: item.status,
});

/**
 * Inventory items and the portal datasets they became: candidates for a person to pick,
 * a confirmation, and the automatic suggestions made after every harvest.
 */
@Injectable()
export class InventoryMatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inventory: InventoryService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Up to 10 live datasets of the administration's portal organisation: same identifier
   * first (dataset name or id = the reference), then same normalised title, then by the
   * number of title words they share (datasets sharing none are left out).
   */
  async candidates(caller: SignedInContext, id: string): Promise<InventoryMatchCandidate[]> {
    const manager = this.dataSource.manager;
    const item = await manager.getRepository(InventoryItem).findOneBy({ id });
    if (!item) throw AppException.notFound('inventoryItem', id);
    if (!mayReadInventory(caller.actor, item.institutionId))
      throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
    const fr = normalizeForSearch(item.title.fr);
    const ar = normalizeForSearch(item.title.ar);
    const words = [...new Set(`${fr} ${ar}`.split(' ').filter((w) => w.length >= 3 && !STOP_WORDS.has(w)))];
    const rows: { ckan_id: string; name: string; title: string; basis: 'identifier' | 'title' | null }[] =
      await manager.query(
        `SELECT c.ckan_id, c.name, c.title, c.basis FROM (
         SELECT d.ckan_id, d.name, d.title, ${BASIS_SQL} AS basis,
                (SELECT count(DISTINCT w) FROM unnest(string_to_array(d.title_key, ' ')) w WHERE w = ANY($5::text[])) AS shared
         FROM ${ORG_DATASETS} WHERE i.id = $4) c
       WHERE c.basis IS NOT NULL OR c.shared > 0
       ORDER BY CASE c.basis WHEN 'identifier' THEN 0 WHEN 'title' THEN 1 ELSE 2 END, c.shared DESC, c.title, c.ckan_id
       LIMIT ${MAX_CANDIDATES}`,
        [item.reference, fr, ar, item.institutionId, words],
      );
    return rows.map((row) => ({
      ckanId: row.ckan_id,
      name: row.name,
      title: row.title,
      portalUrl: this.inventory.portalUrl(row.name),
      basis: row.basis,
    }));
  }

  /**
   * A person says which dataset the item became (or that none is, with null). The match is
   * then `confirmed`, on the basis it was suggested with (or would be: same identifier or
   * title), else `manual`. An open item still `identified` or `in_preparation` becomes
   * `published`: it is on the portal. Clearing leaves the status as it is.
   */
  confirm(caller: SignedInContext, id: string, dto: ConfirmMatchDto): Promise<InventoryItemView> {
    return this.inventory.write(async (manager) => {
      const row = await this.inventory.locked(manager, id);
      assertMayManageInventory(caller.actor, row.institutionId);
      if (row.version !== dto.version)
        throw AppException.versionConflict(
          'inventoryItem',
          dto.version,
          (await this.inventory.views(manager, [row]))[0],
        );
      const before = matchSnapshot(row);
      if (dto.ckanId === null) {
        Object.assign(row, { matchState: 'none', matchCkanId: null, matchBasis: null });
      } else {
        const [dataset]: { ckan_id: string; basis: 'identifier' | 'title' | null }[] = await manager.query(
          `SELECT d.ckan_id, ${BASIS_SQL} AS basis FROM ${ORG_DATASETS} WHERE i.id = $4 AND d.ckan_id = $5`,
          [
            row.reference,
            normalizeForSearch(row.title.fr),
            normalizeForSearch(row.title.ar),
            row.institutionId,
            dto.ckanId,
          ],
        );
        if (!dataset) throw AppException.validation([{ field: 'ckanId', rule: 'unknownDataset' }]);
        const suggested = row.matchState === 'suggested' && row.matchCkanId === dataset.ckan_id ? row.matchBasis : null;
        Object.assign(row, {
          matchState: 'confirmed',
          matchCkanId: dataset.ckan_id,
          matchBasis: suggested ?? dataset.basis ?? 'manual',
        });
        if (row.classification === 'open' && (row.status === 'identified' || row.status === 'in_preparation'))
          row.status = 'published';
      }
      const diff = diffOf(before, matchSnapshot(row));
      if (Object.keys(diff).length > 0) {
        await manager.save(row);
        await this.audit.record(manager, caller, {
          action: 'inventory.match',
          entityType: 'inventory_item',
          entityId: row.id,
          diff,
        });
      }
      return (await this.inventory.views(manager, [row]))[0];
    });
  }

  /**
   * After a harvest, inside its merge transaction (pass its manager: the embedded database
   * has one connection). Two set-based statements, each followed by its audit events:
   * 1. a suggestion whose dataset is gone (deleted from the portal, or no longer in the
   *    organisation mapped to the item's administration) is cleared (`inventory.unsuggest`);
   * 2. every item with no match, of an administration mapped to a portal organisation, is
   *    `suggested` the one live dataset of that organisation with its reference as name or
   *    id, else the one whose portal address (…/dataset/<name>) its description quotes, else
   *    the one whose title_key is its normalised French or Arabic title; two or more
   *    candidates on the same basis suggest nothing (`inventory.suggest`).
   * Confirmed matches are never touched. Suggestions do not change an item's version: they
   * are an annotation, not an edit, so nobody's form goes stale. Returns how many items
   * changed (suggested plus cleared).
   */
  async suggestMatches(manager: EntityManager): Promise<number> {
    const cleared = await this.changeMatches(
      manager,
      'suggested',
      'none',
      'inventory.unsuggest',
      `target AS (
         SELECT it.id, it.match_ckan_id AS before_ckan, it.match_basis AS before_basis, NULL::varchar AS after_ckan, NULL::varchar AS after_basis
         FROM inventory_items it
         WHERE it.match_state = 'suggested' AND NOT EXISTS (
           SELECT 1 FROM ${ORG_DATASETS} WHERE d.ckan_id = it.match_ckan_id AND i.id = it.institution_id))`,
    );
    // Identifier and title candidates are each found by two equality joins (hash joins), never an OR.
    const suggested = await this.changeMatches(
      manager,
      'none',
      'suggested',
      'inventory.suggest',
      `items AS (
         SELECT it.id, lower(it.reference) AS ref, i.portal_org_name AS org,
                substring(lower(it.description) FROM '/dataset/([a-z0-9_-]+)') AS url_name,
                split_part(it.search_text, E'\\n', 1) AS fr_key, split_part(it.search_text, E'\\n', 2) AS ar_key
         FROM inventory_items it JOIN institutions i ON i.id = it.institution_id
         WHERE it.match_state = 'none' AND i.portal_org_name IS NOT NULL
       ), live AS (
         SELECT d.ckan_id, lower(d.name) AS name, lower(d.ckan_id) AS lower_id, d.title_key, d.organization_name AS org
         FROM portal_datasets d WHERE d.deleted_at IS NULL AND d.organization_name IS NOT NULL
       ), by_identifier AS (
         SELECT id, min(ckan_id) AS ckan_id, count(DISTINCT ckan_id) AS n FROM (
           SELECT items.id, live.ckan_id FROM items JOIN live ON live.org = items.org AND live.name = items.ref
           UNION ALL
           SELECT items.id, live.ckan_id FROM items JOIN live ON live.org = items.org AND live.lower_id = items.ref
         ) found GROUP BY id
       ), by_url AS (
         SELECT items.id, min(live.ckan_id) AS ckan_id, count(DISTINCT live.ckan_id) AS n
         FROM items JOIN live ON live.org = items.org AND live.name = items.url_name GROUP BY items.id
       ), by_title AS (
         SELECT id, min(ckan_id) AS ckan_id, count(DISTINCT ckan_id) AS n FROM (
           SELECT items.id, live.ckan_id FROM items JOIN live ON live.org = items.org AND live.title_key = items.fr_key WHERE items.fr_key <> ''
           UNION ALL
           SELECT items.id, live.ckan_id FROM items JOIN live ON live.org = items.org AND live.title_key = items.ar_key WHERE items.ar_key <> ''
         ) found GROUP BY id
       ), target AS (
         SELECT items.id, NULL::varchar AS before_ckan, NULL::varchar AS before_basis,
                CASE WHEN bi.n = 1 THEN bi.ckan_id WHEN bu.n = 1 THEN bu.ckan_id ELSE bt.ckan_id END AS after_ckan,
                CASE WHEN bi.n = 1 THEN 'identifier' WHEN bu.n = 1 THEN 'url' ELSE 'title' END AS after_basis
         FROM items LEFT JOIN by_identifier bi ON bi.id = items.id LEFT JOIN by_url bu ON bu.id = items.id
              LEFT JOIN by_title bt ON bt.id = items.id
         WHERE bi.n = 1 OR bu.n = 1 OR bt.n = 1)`,
    );
    return cleared + suggested;
  }

  /**
   * One statement: the CTEs in `selection` end with `target(id, before_ckan, before_basis,
   * after_ckan, after_basis)`; each target item still in state `from` moves to `to` with the
   * new dataset and basis. Its audit event (no actor: the harvest) is then recorded. Gives the count.
   */
  private async changeMatches(
    manager: EntityManager,
    from: MatchState,
    to: MatchState,
    action: AuditAction,
    selection: string,
  ): Promise<number> {
    const changed: {
      id: string;
      before_ckan: string | null;
      before_basis: string | null;
      after_ckan: string | null;
      after_basis: string | null;
    }[] = await manager.query(
      // A SELECT around the UPDATE, so the driver answers with the rows alone.
      `WITH ${selection}, changed AS (
         UPDATE inventory_items it SET match_state = '${to}', match_ckan_id = target.after_ckan, match_basis = target.after_basis
         FROM target WHERE it.id = target.id AND it.match_state = '${from}'
         RETURNING target.id::text AS id, target.before_ckan, target.before_basis, target.after_ckan, target.after_basis
       )
       SELECT * FROM changed`,
    );
    await this.audit.recordMany(
      manager,
      SYSTEM_CALLER,
      changed.map((row) => ({
        action,
        entityType: 'inventory_item',
        entityId: row.id,
        diff: {
          matchState: { before: from, after: to },
          matchCkanId: { before: row.before_ckan, after: row.after_ckan },
          matchBasis: { before: row.before_basis, after: row.after_basis },
        },
      })),
    );
    return changed.length;
  }
}
