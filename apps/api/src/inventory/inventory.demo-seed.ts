import type { Frequency } from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { addDays, todayInMorocco } from '../common/time/today';
import { DEMO_PORTAL_ORGANIZATIONS } from '../portal/portal.demo-seed';
import { demoUnit, isDemoLoaded, markDemoLoaded } from '../seed/demo-seed.util';
import { InventoryItem } from './entities/inventory-item.entity';
import { inventorySearchText } from './inventory.rules';

const DEMO_INVENTORY_KEY = 'demo_inventory';

/**
 * After the first demo harvest: inventories for the mapped administrations, so the
 * inventory funnel has something to show. Datasets already on the portal are inventoried
 * under their title (half confirmed as published, on time or late; the rest left for the
 * matcher to suggest), plus items not yet published and one restricted item. Once: returns
 * how many items were made, or null when they already were.
 */
export async function seedDemoInventory(dataSource: DataSource, today = todayInMorocco()): Promise<number | null> {
  return dataSource.transaction(async (manager) => {
    if (await isDemoLoaded(manager, DEMO_INVENTORY_KEY)) return null;
    const institutions: { id: string; code: string; org: string }[] = await manager.query(
      `SELECT id, code, portal_org_name AS org FROM institutions WHERE code = ANY($1) AND portal_org_name IS NOT NULL ORDER BY code`,
      [Object.keys(DEMO_PORTAL_ORGANIZATIONS)],
    );
    const items: Partial<InventoryItem>[] = [];
    for (const institution of institutions) {
      const datasets: {
        ckan_id: string;
        title: string;
        frequency: Frequency | null;
        formats: string[];
        created: string | null;
      }[] = await manager.query(
        `SELECT ckan_id, title, frequency, formats, to_char(metadata_created, 'YYYY-MM-DD') AS created
           FROM portal_datasets WHERE organization_name = $1 AND deleted_at IS NULL ORDER BY name LIMIT 12`,
        [institution.org],
      );
      datasets.forEach((dataset, index) => {
        const r = demoUnit(`inventory-${institution.code}-${dataset.ckan_id}`);
        if (r >= 0.8) return;
        const confirmed = r < 0.45;
        const created = dataset.created ?? today;
        items.push({
          institutionId: institution.id,
          reference: `${institution.code}-DS-${String(index + 1).padStart(3, '0')}`,
          title: { fr: dataset.title, ar: `${dataset.title} (مجموعة معطيات)` },
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
    await markDemoLoaded(manager, DEMO_INVENTORY_KEY, { items: items.length });
    return items.length;
  });
}
