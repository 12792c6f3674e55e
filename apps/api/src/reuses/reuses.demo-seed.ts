import type { ReuseOrigin, ReuserType, ReuseStatus } from '@marsad/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { markDemoLoaded } from '../seed/demo-seed.util';

const DEMO_REUSES_KEY = 'demo_reuses';

interface DemoReuse {
  title: { ar: string; fr: string };
  description: { ar: string; fr: string };
  reuserType: ReuserType;
  origin: ReuseOrigin;
  url: string;
  /** A group (theme) of the demo catalogue (libs/testing/ckan-fixture-server, vocab.ts). */
  theme: string;
  status: ReuseStatus;
  /** Days before today it was proposed (published a week later). */
  daysAgo: number;
  contactEmail?: string;
}

/** The showcase of the demo: reuses by different kinds of reusers, and one waiting for moderation. */
const DEMO_REUSES: DemoReuse[] = [
  {
    title: { fr: 'Carte de l’offre de soins', ar: 'خريطة العرض الصحي' },
    description: {
      fr: 'Une carte interactive des établissements de santé par province, construite à partir des données ouvertes du ministère. Elle aide les familles à trouver le centre le plus proche.',
      ar: 'خريطة تفاعلية للمؤسسات الصحية حسب الإقليم، مبنية على المعطيات المفتوحة للوزارة. تساعد الأسر على إيجاد أقرب مركز صحي.',
    },
    reuserType: 'civil_society',
    origin: 'spontaneous',
    url: 'https://carte-sante.example.org',
    theme: 'sante',
    status: 'published',
    daysAgo: 200,
  },
  {
    title: { fr: 'Le budget en clair', ar: 'الميزانية بوضوح' },
    description: {
      fr: 'Une série d’articles et de graphiques qui expliquent les recettes et les dépenses de l’État à partir des jeux de données publiés sur le portail.',
      ar: 'سلسلة مقالات ورسوم بيانية تشرح مداخيل الدولة ونفقاتها انطلاقا من مجموعات المعطيات المنشورة على البوابة.',
    },
    reuserType: 'media',
    origin: 'spontaneous',
    url: 'https://budget-en-clair.example.com',
    theme: 'economie-et-finances',
    status: 'published',
    daysAgo: 150,
  },
  {
    title: { fr: 'Atlas scolaire régional', ar: 'الأطلس المدرسي الجهوي' },
    description: {
      fr: 'Un mémoire de master qui croise les effectifs scolaires et la population pour repérer les communes où manquent des places.',
      ar: 'بحث لنيل الماستر يقارن أعداد التلاميذ بالسكان لتحديد الجماعات التي تنقصها مقاعد دراسية.',
    },
    reuserType: 'student',
    origin: 'spontaneous',
    url: 'https://atlas-scolaire.example.ma',
    theme: 'education',
    status: 'published',
    daysAgo: 110,
  },
  {
    title: { fr: 'Observatoire de la qualité de l’air', ar: 'مرصد جودة الهواء' },
    description: {
      fr: 'Une plateforme de recherche, menée en partenariat avec l’administration, qui publie des indicateurs environnementaux mensuels et leurs méthodes.',
      ar: 'منصة بحثية، بشراكة مع الإدارة، تنشر مؤشرات بيئية شهرية ومناهج حسابها.',
    },
    reuserType: 'researcher',
    origin: 'partnership',
    url: 'https://observatoire-air.example.net',
    theme: 'environnement',
    status: 'published',
    daysAgo: 75,
  },
  {
    title: { fr: 'Tableau de bord de l’énergie', ar: 'لوحة قيادة الطاقة' },
    description: {
      fr: 'Un service en ligne, né d’un partenariat, qui suit la production et la consommation d’énergie par région pour les entreprises industrielles.',
      ar: 'خدمة إلكترونية، وليدة شراكة، تتبع إنتاج الطاقة واستهلاكها حسب الجهة لفائدة المقاولات الصناعية.',
    },
    reuserType: 'company',
    origin: 'partnership',
    url: 'https://energie-dashboard.example.com',
    theme: 'energie',
    status: 'published',
    daysAgo: 40,
  },
  {
    title: { fr: 'Rihla : itinéraires touristiques', ar: 'رحلة: مسارات سياحية' },
    description: {
      fr: 'Une application mobile qui propose des circuits touristiques à partir des données sur l’hébergement et les sites classés.',
      ar: 'تطبيق محمول يقترح مسارات سياحية انطلاقا من معطيات الإيواء والمواقع المصنفة.',
    },
    reuserType: 'startup',
    origin: 'spontaneous',
    url: 'https://rihla.example.ma',
    theme: 'tourisme',
    status: 'submitted',
    daysAgo: 3,
    contactEmail: 'equipe@rihla.example.ma',
  },
];

/** Up to three datasets of the theme published by a mapped administration; any mapped ones otherwise. */
async function datasetsFor(manager: EntityManager, theme: string): Promise<string[]> {
  const pick = async (themed: boolean): Promise<string[]> =>
    (
      (await manager.query(
        `SELECT d.ckan_id FROM portal_datasets d JOIN institutions i ON i.portal_org_name = d.organization_name
          WHERE d.deleted_at IS NULL AND ($1::text IS NULL OR $1 = ANY(d.groups))
          ORDER BY d.stars DESC, d.ckan_id LIMIT 3`,
        [themed ? theme : null],
      )) as { ckan_id: string }[]
    ).map((row) => row.ckan_id);
  const themed = await pick(true);
  return themed.length ? themed : pick(false);
}

/**
 * The demo showcase: five published reuses of the demo portal's datasets and one waiting for a
 * coordinator. Runs once datasets were harvested (null before, and once loaded).
 */
export async function seedDemoReuses(dataSource: DataSource): Promise<number | null> {
  return dataSource.transaction(async (manager) => {
    const [{ mapped }] = await manager.query(
      `SELECT count(*)::int AS mapped FROM portal_datasets d JOIN institutions i ON i.portal_org_name = d.organization_name
        WHERE d.deleted_at IS NULL`,
    );
    if (mapped === 0) return null;
    if (!(await markDemoLoaded(manager, DEMO_REUSES_KEY, { reuses: DEMO_REUSES.length }))) return null;
    for (const demo of DEMO_REUSES) {
      await manager.query(
        `INSERT INTO reuses (title, description, reuser_type, url, origin, status, dataset_ids, contact_email,
                             published_at, created_at, updated_at, is_demo)
         VALUES ($1::jsonb, $2::jsonb, $3, $4, $5, $6::text, $7::text[], $8,
                 CASE WHEN $6::text = 'published' THEN now() - make_interval(days => $9::int - 7) END,
                 now() - make_interval(days => $9::int), now() - make_interval(days => $9::int), true)`,
        [
          JSON.stringify(demo.title),
          JSON.stringify(demo.description),
          demo.reuserType,
          demo.url,
          demo.origin,
          demo.status,
          await datasetsFor(manager, demo.theme),
          demo.contactEmail ?? null,
          demo.daysAgo,
        ],
      );
    }
    return DEMO_REUSES.length;
  });
}
