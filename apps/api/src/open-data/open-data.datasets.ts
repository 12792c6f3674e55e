import type { Frequency, LocalizedText, OpenDatasetId } from '@marsad/contracts';
import type { ColumnSpec } from '../imports/table-file.util';

/**
 * The tracker's own open data, declared once: what each dataset is (titles and descriptions in
 * Arabic, French and English), how often it changes, its columns, and the SQL that says when the
 * data it is made of last changed (dct:modified). OpenDataTablesService builds the rows;
 * OpenDataService turns this list into the DCAT-AP catalogue and the downloads.
 */
export interface OpenDatasetSpec {
  id: OpenDatasetId;
  title: LocalizedText;
  description: LocalizedText;
  frequency: Frequency;
  /** EU data theme (http://publications.europa.eu/resource/authority/data-theme/…). */
  theme: string;
  keywords: LocalizedText[];
  /** A scalar subquery giving the newest change (timestamptz) of the underlying data; NULL when there is none. */
  modifiedSql: string;
  columns: ColumnSpec[];
}

/** ADD, the publisher of the catalogue and of every dataset in it. */
export const PUBLISHER = {
  name: {
    ar: 'وكالة التنمية الرقمية',
    fr: 'Agence de Développement du Digital',
    en: 'Digital Development Agency',
  } satisfies LocalizedText,
  homepage: 'https://www.add.gov.ma',
  /** ADMS publisher type. */
  type: 'http://purl.org/adms/publishertype/NationalAuthority',
};

/**
 * The licence, as the national portal's CKAN declares it (license_id / license_url): Creative
 * Commons Attribution, so Marsad's data can be reused on the same terms as the portal's.
 */
export const LICENCE = {
  id: 'cc-by',
  title: 'Creative Commons Attribution',
  url: 'http://www.opendefinition.org/licenses/cc-by',
};

export const CATALOGUE_TEXT = {
  title: {
    ar: 'مرصد — المعطيات المفتوحة لتتبع مخطط العمل الوطني للمعطيات المفتوحة',
    fr: 'Marsad — données ouvertes du suivi du plan d’action national pour les données ouvertes',
    en: 'Marsad — open data of the National Open Data Action Plan tracker',
  } satisfies LocalizedText,
  description: {
    ar: 'ما ينشره مرصد عن مخطط العمل الوطني للمعطيات المفتوحة: التدابير والأنشطة وتقدمها المصادق عليه، نقط النشر، تغطية المسؤولين، التظاهرات ومدى وصولها، إعادة الاستعمالات وقرارات لجنة القيادة. يحمل كل رقم مصدره وتاريخه.',
    fr: 'Ce que Marsad publie sur le plan d’action national pour les données ouvertes : mesures et activités avec leur avancement validé, scores de publication, couverture des responsables, événements et leur portée, réutilisations et décisions du comité de pilotage. Chaque chiffre porte sa source et sa date.',
    en: 'What Marsad publishes about the National Open Data Action Plan: measures and activities with their validated progress, publication scores, officer coverage, events and their reach, reuses and the steering committee’s decisions. Every figure carries its source and date.',
  } satisfies LocalizedText,
};

const col = (key: string, fr: string, ar: string): ColumnSpec => ({ key, label: { fr, ar } });

/** Every row says where its figures come from and as of when. */
const PROVENANCE_COLUMNS = [col('source', 'Source', 'المصدر'), col('as_of', 'Données au', 'المعطيات بتاريخ')];

const PLAN_MODIFIED = `(SELECT greatest(
    (SELECT max(updated_at) FROM plans), (SELECT max(updated_at) FROM measures), (SELECT max(updated_at) FROM activities)))`;

const EVENTS_MODIFIED = `(SELECT greatest(
    (SELECT max(updated_at) FROM plan_events), (SELECT max(created_at) FROM event_participants),
    (SELECT max(submitted_at) FROM event_feedback)))`;

const APPROVED_MINUTES = `(SELECT max(minutes_approved_at) FROM committee_meetings WHERE minutes_state = 'approved')`;

const keywords = (...list: [string, string, string][]): LocalizedText[] => list.map(([ar, fr, en]) => ({ ar, fr, en }));
const PLAN_KEYWORDS = keywords(
  ['مخطط العمل', 'plan d’action', 'action plan'],
  ['المعطيات المفتوحة', 'données ouvertes', 'open data'],
);

export const OPEN_DATASETS: OpenDatasetSpec[] = [
  {
    id: 'plan-measures',
    title: {
      ar: 'تدابير مخطط العمل الوطني للمعطيات المفتوحة',
      fr: 'Mesures du plan d’action national pour les données ouvertes',
      en: 'Measures of the National Open Data Action Plan',
    },
    description: {
      ar: 'كل تدبير من تدابير المخطط: الإدارة المسؤولة، الوزن، الحالة، التقدم المرجح والوضعية المحتسبة انطلاقا من التقارير المصادق عليها من طرف الوكالة فقط، التأخير والأجل المقبل. يبين عمود source مصدر الأرقام (validated: تقرير مصادق عليه، reference: المخطط كما تم تحميله، demo: معطيات تجريبية) ويبين عمود as_of تاريخها.',
      fr: 'Chaque mesure du plan : pilote, poids, statut, avancement pondéré et santé calculés à partir des seuls rapports validés par l’ADD, retard et prochaine échéance. La colonne source dit d’où viennent les chiffres (validated : rapport validé, reference : plan tel que chargé, demo : données de démonstration) et as_of quand ils ont été arrêtés.',
      en: 'Each measure of the plan: lead administration, weight, status, weighted progress and health computed from reports validated by ADD only, lateness and next due date. The source column says where the figures come from (validated: a validated report, reference: the plan as loaded, demo: demonstration data) and as_of when they were set.',
    },
    frequency: 'daily',
    theme: 'GOVE',
    keywords: PLAN_KEYWORDS,
    modifiedSql: PLAN_MODIFIED,
    columns: [
      col('plan', 'Plan', 'المخطط'),
      col('measure', 'Mesure', 'التدبير'),
      col('title_fr', 'Intitulé', 'العنوان (بالفرنسية)'),
      col('title_ar', 'Intitulé (arabe)', 'العنوان'),
      col('title_en', 'Intitulé (anglais)', 'العنوان (بالإنجليزية)'),
      col('lead', 'Pilote (code)', 'الإدارة المسؤولة (الرمز)'),
      col('weight', 'Poids', 'الوزن'),
      col('status', 'Statut', 'الحالة'),
      col('progress', 'Avancement (%)', 'التقدم (%)'),
      col('health', 'Santé', 'الوضعية'),
      col('activities', 'Activités', 'الأنشطة'),
      col('completed', 'Activités achevées', 'الأنشطة المنجزة'),
      col('overdue_since', 'En retard depuis', 'متأخر منذ'),
      col('days_late', 'Jours de retard', 'أيام التأخير'),
      col('next_due_date', 'Prochaine échéance', 'الأجل المقبل'),
      col('figures_on', 'Calculé le', 'محتسب بتاريخ'),
      ...PROVENANCE_COLUMNS,
    ],
  },
  {
    id: 'plan-activities',
    title: {
      ar: 'أنشطة مخطط العمل وتقدمها المصادق عليه',
      fr: 'Activités du plan d’action et leur avancement validé',
      en: 'Activities of the action plan and their validated progress',
    },
    description: {
      ar: 'كل نشاط: التدبير، الإدارة المسؤولة والمساهمون، التواريخ، الوزن، الحالة والتقدم المصادق عليهما، الوضعية وأيام التأخير في يوم الاحتساب (figures_on)، مع مصدر الأرقام (source) وتاريخها (as_of).',
      fr: 'Chaque activité : mesure, pilote et contributeurs, dates, poids, statut et avancement validés, santé et jours de retard au jour du calcul (figures_on), avec la source des chiffres (source) et leur date (as_of).',
      en: 'Each activity: measure, lead and contributing administrations, dates, weight, validated status and progress, health and days late on the day they were computed (figures_on), with the figures’ source (source) and date (as_of).',
    },
    frequency: 'daily',
    theme: 'GOVE',
    keywords: PLAN_KEYWORDS,
    modifiedSql: PLAN_MODIFIED,
    columns: [
      col('plan', 'Plan', 'المخطط'),
      col('measure', 'Mesure', 'التدبير'),
      col('activity', 'Activité', 'النشاط'),
      col('title_fr', 'Intitulé', 'العنوان (بالفرنسية)'),
      col('title_ar', 'Intitulé (arabe)', 'العنوان'),
      col('title_en', 'Intitulé (anglais)', 'العنوان (بالإنجليزية)'),
      col('lead', 'Pilote (code)', 'الإدارة المسؤولة (الرمز)'),
      col('contributors', 'Contributeurs (codes)', 'المساهمون (الرموز)'),
      col('start_date', 'Début', 'البداية'),
      col('due_date', 'Échéance', 'الأجل'),
      col('weight', 'Poids', 'الوزن'),
      col('status', 'Statut', 'الحالة'),
      col('progress', 'Avancement (%)', 'التقدم (%)'),
      col('health', 'Santé', 'الوضعية'),
      col('days_late', 'Jours de retard', 'أيام التأخير'),
      col('figures_on', 'Calculé le', 'محتسب بتاريخ'),
      ...PROVENANCE_COLUMNS,
    ],
  },
  {
    id: 'plan-progress-history',
    title: {
      ar: 'سجل تقارير التقدم المصادق عليها',
      fr: 'Historique des rapports d’avancement validés',
      en: 'History of validated progress reports',
    },
    description: {
      ar: 'كل تقرير تقدم صادقت عليه الوكالة، من الأقدم إلى الأحدث: النشاط، تاريخ التقرير، الحالة والتقدم المصرح بهما، الإدارة التي قدمته، فئات العوائق المبلغ عنها والسرد. لا تظهر التقارير قيد الانتظار أو المرجعة، ولا أسماء الأشخاص.',
      fr: 'Chaque rapport d’avancement validé par l’ADD, du plus ancien au plus récent : activité, date du rapport, statut et avancement déclarés, administration qui l’a présenté, catégories d’obstacles signalés et récit. Les rapports en attente ou renvoyés n’y figurent pas, ni les noms des personnes.',
      en: 'Every progress report validated by ADD, oldest first: activity, report date, status and progress reported, the administration that made it, categories of blockers named and narrative. Reports awaiting validation or returned are left out, and so are people’s names.',
    },
    frequency: 'continuous',
    theme: 'GOVE',
    keywords: PLAN_KEYWORDS,
    modifiedSql: `(SELECT max(decided_at) FROM progress_updates WHERE state = 'validated')`,
    columns: [
      col('plan', 'Plan', 'المخطط'),
      col('measure', 'Mesure', 'التدبير'),
      col('activity', 'Activité', 'النشاط'),
      col('reported_on', 'Date du rapport', 'تاريخ التقرير'),
      col('status', 'Statut', 'الحالة'),
      col('progress', 'Avancement (%)', 'التقدم (%)'),
      col('reported_by', 'Administration (code)', 'الإدارة (الرمز)'),
      col('blockers', 'Obstacles (catégories)', 'العوائق (الفئات)'),
      col('narrative_fr', 'Récit', 'السرد (بالفرنسية)'),
      col('narrative_ar', 'Récit (arabe)', 'السرد'),
      ...PROVENANCE_COLUMNS,
    ],
  },
  {
    id: 'publication-scores',
    title: {
      ar: 'نقط النشر وترتيب الإدارات',
      fr: 'Scores de publication et classement des administrations',
      en: 'Publication scores and ranking of administrations',
    },
    description: {
      ar: 'بطاقة نقط كل إدارة تنشر على data.gov.ma، مستخلصة من آخر حصاد للبوابة: الرتبة (مع الإشارة إلى التعادل)، النقطة المركبة، مجموعات المعطيات، متوسط النجوم، اكتمال المعطيات الوصفية ونسبة المحين منها. المنهجية منشورة في صفحة المنهجية.',
      fr: 'La fiche de score de chaque administration publiant sur data.gov.ma, issue de la dernière moisson du portail : rang (ex aequo signalés), score composite, jeux de données, étoiles moyennes, complétude des métadonnées et part à jour. La méthode est publiée sur la page Méthodologie.',
      en: 'The scorecard of each administration publishing on data.gov.ma, from the latest harvest of the portal: rank (ties marked), composite score, datasets, mean stars, metadata completeness and share up to date. The method is published on the Methodology page.',
    },
    frequency: 'daily',
    theme: 'GOVE',
    keywords: keywords(
      ['نقطة النشر', 'score de publication', 'publication score'],
      ['data.gov.ma', 'data.gov.ma', 'data.gov.ma'],
    ),
    modifiedSql: `(SELECT max(computed_at) FROM metric_snapshots)`,
    columns: [
      col('day', 'Jour', 'اليوم'),
      col('rank', 'Rang', 'الرتبة'),
      col('tied', 'Ex aequo', 'متعادل'),
      col('code', 'Code', 'الرمز'),
      col('name_fr', 'Administration', 'الإدارة (بالفرنسية)'),
      col('name_ar', 'Administration (arabe)', 'الإدارة'),
      col('type', 'Type', 'النوع'),
      col('region', 'Région', 'الجهة'),
      col('score', 'Score de publication', 'نقطة النشر'),
      col('datasets', 'Jeux de données', 'مجموعات المعطيات'),
      col('mean_stars', 'Étoiles (moyenne)', 'النجوم (المتوسط)'),
      col('completeness', 'Complétude des métadonnées (%)', 'اكتمال المعطيات الوصفية (%)'),
      col('up_to_date', 'À jour (%)', 'محينة (%)'),
      ...PROVENANCE_COLUMNS,
    ],
  },
  {
    id: 'officer-coverage',
    title: {
      ar: 'تغطية المسؤولين عن المعطيات المفتوحة (معطيات مجمعة)',
      fr: 'Couverture des responsables des données ouvertes (agrégats)',
      en: 'Coverage of open data officers (aggregates)',
    },
    description: {
      ar: 'عدد الإدارات النشيطة التي عينت مسؤولا عن المعطيات المفتوحة (ROD) أو مدبرا للمعطيات (GdD) أو هما معا: إجمالا، حسب النوع وحسب الجهة. أعداد فقط، دون أي اسم أو وسيلة اتصال.',
      fr: 'Combien d’administrations actives ont nommé un responsable des données ouvertes (ROD), un gestionnaire des données (GdD) ou les deux : au total, par type et par région. Des comptes seulement, aucun nom ni contact.',
      en: 'How many active administrations have appointed an open data officer (ROD), a data manager (GdD) or both: overall, by type and by region. Counts only, no names or contacts.',
    },
    frequency: 'continuous',
    theme: 'GOVE',
    keywords: keywords(['المسؤولون عن المعطيات', 'responsables des données', 'data officers']),
    modifiedSql: `(SELECT greatest((SELECT max(updated_at) FROM officer_appointments), (SELECT max(updated_at) FROM institutions)))`,
    columns: [
      col('group', 'Regroupement', 'التجميع'),
      col('code', 'Code', 'الرمز'),
      col('name_fr', 'Libellé', 'التسمية (بالفرنسية)'),
      col('name_ar', 'Libellé (arabe)', 'التسمية'),
      col('administrations', 'Administrations actives', 'الإدارات النشيطة'),
      col('with_rod', 'Avec un ROD', 'بمسؤول عن المعطيات المفتوحة'),
      col('with_gdd', 'Avec un GdD', 'بمدبر للمعطيات'),
      col('with_both', 'Avec les deux', 'بهما معا'),
      col('share_both', 'Part avec les deux (%)', 'النسبة بهما معا (%)'),
      ...PROVENANCE_COLUMNS,
    ],
  },
  {
    id: 'events',
    title: {
      ar: 'تظاهرات ودورات تكوين المخطط',
      fr: 'Événements et formations du plan',
      en: 'Events and trainings of the plan',
    },
    description: {
      ar: 'كل تظاهرة (تكوين، ورشة، هاكاثون…): النوع، التواريخ، الصيغة، الحالة، الجهة المنظمة والمكان، عدد المشاركين (المسؤولون المسجلون وباقي المشاركين المحصيين حسب الفئة)، الآراء المتوصل بها ومتوسط الرضا. دون أي اسم مشارك.',
      fr: 'Chaque événement (formation, atelier, hackathon…) : type, dates, format, statut, organisateur et lieu, nombre de participants (responsables inscrits et autres participants comptés par catégorie), avis reçus et satisfaction moyenne. Aucun nom de participant.',
      en: 'Each event (training, workshop, hackathon…): type, dates, format, status, organiser and place, number of participants (registered officers and other participants counted by category), feedback received and mean satisfaction. No participant’s name.',
    },
    frequency: 'continuous',
    theme: 'GOVE',
    keywords: keywords(['تكوين', 'formation', 'training'], ['تظاهرات', 'événements', 'events']),
    modifiedSql: EVENTS_MODIFIED,
    columns: [
      col('id', 'Identifiant', 'المعرف'),
      col('type', 'Type', 'النوع'),
      col('measure', 'Mesure', 'التدبير'),
      col('title_fr', 'Titre', 'العنوان (بالفرنسية)'),
      col('title_ar', 'Titre (arabe)', 'العنوان'),
      col('starts_on', 'Début', 'البداية'),
      col('ends_on', 'Fin', 'النهاية'),
      col('format', 'Format', 'الصيغة'),
      col('status', 'Statut', 'الحالة'),
      col('organiser', 'Organisateur (code)', 'الجهة المنظمة (الرمز)'),
      col('place', 'Lieu (code)', 'المكان (الرمز)'),
      col('audiences', 'Publics', 'الفئات المستهدفة'),
      col('registered_participants', 'Responsables inscrits', 'المسؤولون المسجلون'),
      col('other_participants', 'Autres participants', 'مشاركون آخرون'),
      col('participants', 'Participants', 'المشاركون'),
      col('feedback_responses', 'Avis reçus', 'الآراء المتوصل بها'),
      col('satisfaction', 'Satisfaction (1–5)', 'الرضا (1–5)'),
      col('activities', 'Activités du plan', 'أنشطة المخطط'),
      ...PROVENANCE_COLUMNS,
    ],
  },
  {
    id: 'events-reach',
    title: {
      ar: 'مدى وصول التظاهرات (مؤشرات مجمعة)',
      fr: 'Portée des événements (indicateurs agrégés)',
      en: 'Reach of events (aggregate indicators)',
    },
    description: {
      ar: 'مؤشرات مدى الوصول في صيغة طويلة: نسبة المسؤولين المزاولين الذين استفادوا من تكوين خلال الاثني عشر شهرا الأخيرة (إجمالا، حسب نوع الإدارة وحسب الجهة)، المشاركون حسب الفصل والفئة، التظاهرات حسب النوع مع مستوى الرضا، الأهداف السنوية والإنجازات، وعدد الإدارات التي لم يتم الوصول إليها قط.',
      fr: 'Indicateurs de portée en format long : part des responsables en poste formés au cours des 12 derniers mois (au total, par type d’administration et par région), participants par trimestre et catégorie, événements par type avec leur satisfaction, objectifs annuels et réalisations, et nombre d’administrations jamais atteintes.',
      en: 'Reach indicators in long format: share of officers in office trained in the last 12 months (overall, by type of administration and by region), participants per quarter and category, events per type with their satisfaction, yearly targets and achievements, and the number of administrations never reached.',
    },
    frequency: 'daily',
    theme: 'GOVE',
    keywords: keywords(['مدى الوصول', 'portée', 'reach'], ['تكوين', 'formation', 'training']),
    modifiedSql: `(SELECT greatest(${EVENTS_MODIFIED}, (SELECT max(updated_at) FROM reach_targets), (SELECT max(updated_at) FROM officer_appointments)))`,
    columns: [
      col('indicator', 'Indicateur', 'المؤشر'),
      col('period', 'Période', 'الفترة'),
      col('dimension', 'Dimension', 'البعد'),
      col('group', 'Groupe', 'المجموعة'),
      col('value', 'Valeur', 'القيمة'),
      col('total', 'Total', 'المجموع'),
      col('share', 'Part (%)', 'النسبة (%)'),
      ...PROVENANCE_COLUMNS,
    ],
  },
  {
    id: 'reuses',
    title: {
      ar: 'إعادة استعمالات معطيات البوابة',
      fr: 'Réutilisations des données du portail',
      en: 'Reuses of the portal’s data',
    },
    description: {
      ar: 'إعادة الاستعمالات المنشورة (تطبيقات، تمثيلات مرئية، مقالات…) لمجموعات معطيات data.gov.ma: نوع المستعمل، المصدر، العنوان الإلكتروني، مجموعات المعطيات والمواضيع والإدارات المعنية، تاريخ النشر. إعادة الاستعمالات المنشورة فقط، دون وسيلة اتصال صاحب الاقتراح.',
      fr: 'Les réutilisations publiées (applications, visualisations, articles…) des jeux de données de data.gov.ma : type de réutilisateur, origine, adresse, jeux de données, thèmes et administrations concernés, date de publication. Seules les réutilisations publiées, sans le contact de qui les a proposées.',
      en: 'Published reuses (applications, visualisations, articles…) of data.gov.ma datasets: reuser type, origin, address, datasets, themes and administrations concerned, date published. Published reuses only, without the proposer’s contact.',
    },
    frequency: 'continuous',
    theme: 'GOVE',
    keywords: keywords(['إعادة الاستعمال', 'réutilisation', 'reuse']),
    modifiedSql: `(SELECT max(updated_at) FROM reuses WHERE published_at IS NOT NULL)`,
    columns: [
      col('id', 'Identifiant', 'المعرف'),
      col('title_fr', 'Titre', 'العنوان (بالفرنسية)'),
      col('title_ar', 'Titre (arabe)', 'العنوان'),
      col('description_fr', 'Description', 'الوصف (بالفرنسية)'),
      col('description_ar', 'Description (arabe)', 'الوصف'),
      col('reuser_type', 'Type de réutilisateur', 'نوع المستعمل'),
      col('origin', 'Origine', 'المصدر الأصلي'),
      col('url', 'Adresse', 'العنوان الإلكتروني'),
      col('datasets', 'Jeux de données (portail)', 'مجموعات المعطيات (البوابة)'),
      col('themes', 'Thèmes', 'المواضيع'),
      col('administrations', 'Administrations (codes)', 'الإدارات (الرموز)'),
      col('published_at', 'Publiée le', 'تاريخ النشر'),
      ...PROVENANCE_COLUMNS,
    ],
  },
  {
    id: 'committee-decisions',
    title: {
      ar: 'قرارات لجنة القيادة',
      fr: 'Décisions du comité de pilotage',
      en: 'Decisions of the steering committee',
    },
    description: {
      ar: 'قرارات اجتماعات اللجنة التي تمت المصادقة على محاضرها: الاجتماع، التاريخ، النص، التدابير والأنشطة المعنية. لا تظهر الاجتماعات التي لا تزال محاضرها في طور المشروع.',
      fr: 'Les décisions des réunions du comité dont le procès-verbal est approuvé : réunion, date, texte, mesures et activités concernées. Les réunions dont le procès-verbal est encore en projet n’y figurent pas.',
      en: 'Decisions of committee meetings whose minutes are approved: meeting, date, text, measures and activities concerned. Meetings whose minutes are still a draft are left out.',
    },
    frequency: 'irregular',
    theme: 'GOVE',
    keywords: keywords(['لجنة القيادة', 'comité de pilotage', 'steering committee']),
    modifiedSql: APPROVED_MINUTES,
    columns: [
      col('reference', 'Référence', 'المرجع'),
      col('meeting', 'Réunion', 'الاجتماع'),
      col('meeting_date', 'Date de la réunion', 'تاريخ الاجتماع'),
      col('decision', 'Décision', 'القرار'),
      col('decided_on', 'Décidée le', 'تاريخ القرار'),
      col('text_fr', 'Texte', 'النص (بالفرنسية)'),
      col('text_ar', 'Texte (arabe)', 'النص'),
      col('measures', 'Mesures', 'التدابير'),
      col('activities', 'Activités', 'الأنشطة'),
      col('minutes_approved_on', 'Procès-verbal approuvé le', 'تاريخ المصادقة على المحضر'),
      ...PROVENANCE_COLUMNS,
    ],
  },
  {
    id: 'committee-action-items',
    title: {
      ar: 'إجراءات تتبع قرارات لجنة القيادة',
      fr: 'Actions de suivi des décisions du comité',
      en: 'Action items of the committee’s decisions',
    },
    description: {
      ar: 'الإجراءات المقررة خلال الاجتماعات المصادق على محاضرها: المرجع، النص، الإدارة المسؤولة، الأجل، الحالة، تاريخ الإغلاق وأيام التأخير. دون ذكر أسماء الأشخاص.',
      fr: 'Les actions décidées lors des réunions au procès-verbal approuvé : référence, texte, administration responsable, échéance, statut, date de clôture et jours de retard. Sans nom de personne.',
      en: 'Action items decided at meetings whose minutes are approved: reference, text, administration responsible, due date, status, date closed and days overdue. No person’s name.',
    },
    frequency: 'continuous',
    theme: 'GOVE',
    keywords: keywords(['لجنة القيادة', 'comité de pilotage', 'steering committee']),
    modifiedSql: `(SELECT greatest(${APPROVED_MINUTES}, (SELECT max(i.updated_at) FROM committee_action_items i
        JOIN committee_decisions d ON d.id = i.decision_id
        JOIN committee_meetings m ON m.id = d.meeting_id AND m.minutes_state = 'approved')))`,
    columns: [
      col('reference', 'Référence', 'المرجع'),
      col('meeting', 'Réunion', 'الاجتماع'),
      col('decision', 'Décision', 'القرار'),
      col('text_fr', 'Texte', 'النص (بالفرنسية)'),
      col('text_ar', 'Texte (arabe)', 'النص'),
      col('owner', 'Administration responsable (code)', 'الإدارة المسؤولة (الرمز)'),
      col('owner_name_fr', 'Administration responsable', 'الإدارة المسؤولة (بالفرنسية)'),
      col('owner_name_ar', 'Administration responsable (arabe)', 'الإدارة المسؤولة'),
      col('due_on', 'Échéance', 'الأجل'),
      col('status', 'Statut', 'الحالة'),
      col('closed_on', 'Clôturée le', 'تاريخ الإغلاق'),
      col('days_overdue', 'Jours de retard', 'أيام التأخير'),
      ...PROVENANCE_COLUMNS,
    ],
  },
];

/** EU frequency vocabulary (dct:accrualPeriodicity) for the portal's frequency codes. */
export const EU_FREQUENCY: Record<Frequency, string> = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  fortnightly: 'BIWEEKLY',
  monthly: 'MONTHLY',
  bimonthly: 'BIMONTHLY',
  quarterly: 'QUARTERLY',
  semiannual: 'ANNUAL_2',
  annual: 'ANNUAL',
  biennial: 'BIENNIAL',
  irregular: 'IRREG',
  continuous: 'UPDATE_CONT',
  never: 'NEVER',
};
