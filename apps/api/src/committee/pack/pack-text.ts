import type { Locale } from '@marsad/contracts';

type Catalogue = Record<Locale, string>;

/** The meeting pack's words, in the three languages (the type keeps them in step). */
export const PACK_TEXT = {
  committee: {
    ar: 'لجنة القيادة الوطنية للمعطيات المفتوحة',
    fr: 'Comité de pilotage national de l’Open Data',
    en: 'National Open Data Steering Committee',
  },
  title: { ar: 'ملف الاجتماع رقم {n}', fr: 'Dossier de la réunion n° {n}', en: 'Pack for meeting no. {n}' },
  plan: {
    ar: 'مخطط العمل الوطني للمعطيات المفتوحة',
    fr: 'Plan d’action national des données ouvertes',
    en: 'National open-data action plan',
  },
  online: { ar: 'عن بعد', fr: 'En ligne', en: 'Online' },
  asOf: {
    ar: 'الأرقام بتاريخ {date}، من التقارير المصادق عليها من طرف الوكالة',
    fr: 'Chiffres au {date}, issus des rapports validés par l’ADD',
    en: 'Figures as of {date}, from reports validated by ADD',
  },
  asOfSnapshot: {
    ar: 'الأرقام كما كانت يوم {date} (اللقطة اليومية)',
    fr: 'Chiffres tels qu’au {date} (instantané quotidien)',
    en: 'Figures as they stood on {date} (daily snapshot)',
  },
  comparedWith: {
    ar: 'مقارنة بالاجتماع رقم {n} بتاريخ {date}',
    fr: 'Comparés à la réunion n° {n} du {date}',
    en: 'Compared with meeting no. {n} of {date}',
  },
  noPrevious: {
    ar: 'لا يوجد اجتماع سابق للمقارنة',
    fr: 'Aucune réunion précédente pour comparer',
    en: 'No earlier meeting to compare with',
  },
  produced: { ar: 'أُنتج في {date}', fr: 'Produit le {date}', en: 'Produced on {date}' },
  keyFigures: { ar: 'الأرقام الرئيسية', fr: 'Chiffres clés', en: 'Key figures' },
  planProgress: { ar: 'تقدم المخطط', fr: 'Avancement du plan', en: 'Plan progress' },
  lateActivities: { ar: 'أنشطة تجاوزت أجلها', fr: 'Activités en retard', en: 'Activities past due' },
  atRiskActivities: { ar: 'أنشطة معرضة للتأخر', fr: 'Activités à risque', en: 'Activities at risk' },
  overdueItems: { ar: 'إجراءات متأخرة', fr: 'Actions en retard', en: 'Overdue action items' },
  coverage: { ar: 'الإدارات التي عينت مسؤولا', fr: 'Administrations avec un ROD', en: 'Administrations with a ROD' },
  publication: { ar: 'مؤشر النشر الوطني', fr: 'Score national de publication', en: 'National publication score' },
  change: { ar: 'التغير', fr: 'Évolution', en: 'Change' },
  points: { ar: 'نقطة', fr: 'pts', en: 'pts' },
  since: { ar: 'منذ الاجتماع السابق', fr: 'depuis la réunion précédente', en: 'since the previous meeting' },
  measures: { ar: 'التقدم حسب الإجراء', fr: 'Avancement par mesure', en: 'Progress by measure' },
  measure: { ar: 'الإجراء', fr: 'Mesure', en: 'Measure' },
  now: { ar: 'الآن', fr: 'Maintenant', en: 'Now' },
  before: { ar: 'الاجتماع السابق', fr: 'Réunion précédente', en: 'Previous meeting' },
  late: { ar: 'التأخر', fr: 'Retard', en: 'Late' },
  daysLate: { ar: '{n} يوم تأخر', fr: '{n} j de retard', en: '{n} days late' },
  activity: { ar: 'النشاط', fr: 'Activité', en: 'Activity' },
  lead: { ar: 'الجهة المكلفة', fr: 'Pilote', en: 'Lead' },
  due: { ar: 'الأجل', fr: 'Échéance', en: 'Due' },
  progress: { ar: 'التقدم', fr: 'Avancement', en: 'Progress' },
  none: { ar: 'لا شيء', fr: 'Aucun', en: 'None' },
  missedMilestones: { ar: 'مراحل فات أجلها', fr: 'Jalons manqués', en: 'Missed milestones' },
  milestone: { ar: 'المرحلة', fr: 'Jalon', en: 'Milestone' },
  blockers: { ar: 'العوائق حسب الفئة', fr: 'Blocages par catégorie', en: 'Blockers by category' },
  activitiesCount: { ar: 'عدد الأنشطة', fr: 'Activités', en: 'Activities' },
  actionItems: { ar: 'الإجراءات المفتوحة', fr: 'Actions ouvertes', en: 'Open action items' },
  doneSince: {
    ar: '{n} إجراء أُنجز منذ الاجتماع السابق',
    fr: '{n} action(s) réalisée(s) depuis la réunion précédente',
    en: '{n} item(s) done since the previous meeting',
  },
  reference: { ar: 'المرجع', fr: 'Réf.', en: 'Ref.' },
  owner: { ar: 'الجهة المسؤولة', fr: 'Responsable', en: 'Owner' },
  status: { ar: 'الوضع', fr: 'Statut', en: 'Status' },
  agenda: { ar: 'جدول الأعمال', fr: 'Ordre du jour', en: 'Agenda' },
  followUp: { ar: 'تتبع الإجراء {ref}', fr: 'Suivi de l’action {ref}', en: 'Follow-up of {ref}' },
  officers: { ar: 'تغطية المسؤولين', fr: 'Couverture des responsables', en: 'Officer coverage' },
  withRod: { ar: 'مع مسؤول المعطيات المفتوحة', fr: 'Avec un ROD', en: 'With a ROD' },
  withGdd: { ar: 'مع مدبر المعطيات', fr: 'Avec un GdD', en: 'With a data manager' },
  administrations: { ar: 'من أصل {n} إدارة', fr: 'sur {n} administrations', en: 'of {n} administrations' },
  source: {
    ar: 'المصدر: مرصد، منصة تتبع مخطط العمل. الأرقام المصادق عليها فقط.',
    fr: 'Source : Marsad, tableau de suivi du plan d’action. Chiffres validés uniquement.',
    en: 'Source: Marsad, the action plan tracker. Validated figures only.',
  },
  publicationSource: {
    ar: 'من آخر عملية جمع للبوابة بتاريخ {date}',
    fr: 'D’après la dernière moisson du portail, au {date}',
    en: 'From the latest portal harvest, as of {date}',
  },
  demo: {
    ar: 'معطيات توضيحية (وضع العرض)',
    fr: 'Données de démonstration',
    en: 'Demonstration data',
  },
  unknown: { ar: 'غير متوفر', fr: 'Non disponible', en: 'Not available' },
} satisfies Record<string, Catalogue>;

export const STATUS_TEXT: Record<string, Catalogue> = {
  open: { ar: 'مفتوح', fr: 'Ouverte', en: 'Open' },
  in_progress: { ar: 'قيد الإنجاز', fr: 'En cours', en: 'In progress' },
  done: { ar: 'منجز', fr: 'Réalisée', en: 'Done' },
  dropped: { ar: 'متخلى عنه', fr: 'Abandonnée', en: 'Dropped' },
  planned: { ar: 'مبرمج', fr: 'Prévue', en: 'Planned' },
  held: { ar: 'منعقد', fr: 'Tenue', en: 'Held' },
  cancelled: { ar: 'ملغى', fr: 'Annulée', en: 'Cancelled' },
};

export const BLOCKER_TEXT: Record<string, Catalogue> = {
  legal: { ar: 'قانوني', fr: 'Juridique', en: 'Legal' },
  technical: { ar: 'تقني', fr: 'Technique', en: 'Technical' },
  human_resources: { ar: 'الموارد البشرية', fr: 'Ressources humaines', en: 'Human resources' },
  budget: { ar: 'الميزانية', fr: 'Budget', en: 'Budget' },
  data_quality: { ar: 'جودة المعطيات', fr: 'Qualité des données', en: 'Data quality' },
  coordination: { ar: 'التنسيق', fr: 'Coordination', en: 'Coordination' },
  other: { ar: 'أخرى', fr: 'Autre', en: 'Other' },
};

export function packText(
  lang: Locale,
  key: keyof typeof PACK_TEXT,
  params: Record<string, string | number> = {},
): string {
  return PACK_TEXT[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
