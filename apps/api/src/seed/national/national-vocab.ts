/**
 * Word lists of the national data set. Every person is fictional: names are drawn from common
 * Moroccan first and family names, in Latin and Arabic script, and every address is under the
 * reserved domain of NATIONAL_DOMAIN.
 */

/** [French spelling, Arabic spelling, e-mail slug]. */
export const FIRST_NAMES: readonly (readonly [string, string, string])[] = [
  ['Mohammed', 'محمد', 'mohammed'],
  ['Fatima', 'فاطمة', 'fatima'],
  ['Ahmed', 'أحمد', 'ahmed'],
  ['Khadija', 'خديجة', 'khadija'],
  ['Youssef', 'يوسف', 'youssef'],
  ['Aicha', 'عائشة', 'aicha'],
  ['Omar', 'عمر', 'omar'],
  ['Meryem', 'مريم', 'meryem'],
  ['Hicham', 'هشام', 'hicham'],
  ['Nadia', 'نادية', 'nadia'],
  ['Karim', 'كريم', 'karim'],
  ['Salma', 'سلمى', 'salma'],
  ['Rachid', 'رشيد', 'rachid'],
  ['Imane', 'إيمان', 'imane'],
  ['Mehdi', 'مهدي', 'mehdi'],
  ['Samira', 'سميرة', 'samira'],
  ['Abdelali', 'عبد العالي', 'abdelali'],
  ['Hajar', 'هاجر', 'hajar'],
  ['Said', 'سعيد', 'said'],
  ['Laila', 'ليلى', 'laila'],
  ['Hassan', 'حسن', 'hassan'],
  ['Zineb', 'زينب', 'zineb'],
  ['Mustapha', 'مصطفى', 'mustapha'],
  ['Asmae', 'أسماء', 'asmae'],
  ['Anas', 'أنس', 'anas'],
  ['Ghizlane', 'غزلان', 'ghizlane'],
  ['Driss', 'إدريس', 'driss'],
  ['Souad', 'سعاد', 'souad'],
  ['Hamza', 'حمزة', 'hamza'],
  ['Naima', 'نعيمة', 'naima'],
  ['Abdelkader', 'عبد القادر', 'abdelkader'],
  ['Loubna', 'لبنى', 'loubna'],
  ['Yassine', 'ياسين', 'yassine'],
  ['Houda', 'هدى', 'houda'],
  ['Jamal', 'جمال', 'jamal'],
  ['Sanae', 'سناء', 'sanae'],
  ['Adil', 'عادل', 'adil'],
  ['Wafae', 'وفاء', 'wafae'],
  ['Tarik', 'طارق', 'tarik'],
  ['Btissam', 'ابتسام', 'btissam'],
];

export const LAST_NAMES: readonly (readonly [string, string, string])[] = [
  ['Alaoui', 'العلوي', 'alaoui'],
  ['Bennani', 'بناني', 'bennani'],
  ['Tazi', 'التازي', 'tazi'],
  ['El Idrissi', 'الإدريسي', 'elidrissi'],
  ['Berrada', 'برادة', 'berrada'],
  ['Chraibi', 'الشرايبي', 'chraibi'],
  ['Fassi', 'الفاسي', 'fassi'],
  ['Amrani', 'العمراني', 'amrani'],
  ['Kettani', 'الكتاني', 'kettani'],
  ['Lahlou', 'لحلو', 'lahlou'],
  ['Benjelloun', 'بنجلون', 'benjelloun'],
  ['Squalli', 'السقلي', 'squalli'],
  ['Ouazzani', 'الوزاني', 'ouazzani'],
  ['Benkirane', 'بنكيران', 'benkirane'],
  ['Sebti', 'السبتي', 'sebti'],
  ['Tahiri', 'الطاهري', 'tahiri'],
  ['Zniber', 'زنيبر', 'zniber'],
  ['Mansouri', 'المنصوري', 'mansouri'],
  ['Ziani', 'الزياني', 'ziani'],
  ['Haddad', 'الحداد', 'haddad'],
  ['Bouzidi', 'البوزيدي', 'bouzidi'],
  ['Naciri', 'الناصري', 'naciri'],
  ['El Amrani', 'العمراني', 'elamrani'],
  ['Skalli', 'السقالي', 'skalli'],
  ['Guessous', 'كسوس', 'guessous'],
  ['Belhaj', 'بلحاج', 'belhaj'],
  ['Cherkaoui', 'الشرقاوي', 'cherkaoui'],
  ['Hajji', 'الحجي', 'hajji'],
  ['Rami', 'رامي', 'rami'],
  ['Ouali', 'الوالي', 'ouali'],
  ['Filali', 'الفيلالي', 'filali'],
  ['Lamrani', 'اللمراني', 'lamrani'],
  ['Bakkali', 'البقالي', 'bakkali'],
  ['Jebli', 'الجبلي', 'jebli'],
  ['Soussi', 'السوسي', 'soussi'],
  ['Doukkali', 'الدكالي', 'doukkali'],
  ['Sahraoui', 'الصحراوي', 'sahraoui'],
  ['Benali', 'بنعلي', 'benali'],
  ['Regragui', 'الركراكي', 'regragui'],
  ['Ait Lahcen', 'آيت لحسن', 'aitlahcen'],
];

export const ROD_POSITIONS = [
  'Chef de la division des systèmes d’information',
  'Chef du service de la statistique',
  'Directeur des études et de la planification',
  'Chef du service de la communication',
  'Chargé de mission auprès du secrétaire général',
  'Chef de la division de la transformation digitale',
  'Chef du service informatique',
];

export const GDD_POSITIONS = [
  'Ingénieur d’État, service des systèmes d’information',
  'Administrateur, service de la statistique',
  'Analyste de données',
  'Technicien principal, cellule des données',
  'Ingénieur en chef, division des études',
];

export const END_REASONS = [
  'Mutation dans une autre administration',
  'Départ à la retraite',
  'Nomination à une autre fonction',
  'Fin de mission',
  'Démission',
];

export const NARRATIVES: readonly { fr: string; ar: string }[] = [
  {
    fr: 'Les travaux se poursuivent selon le calendrier arrêté ; les livrables du trimestre sont en cours de validation interne.',
    ar: 'تتواصل الأشغال وفق الجدول الزمني المحدد؛ وتوجد مخرجات الفصل قيد المصادقة الداخلية.',
  },
  {
    fr: 'Réunion de coordination tenue avec les directions concernées ; la liste des jeux de données prioritaires a été arrêtée.',
    ar: 'عقد اجتماع تنسيقي مع المديريات المعنية؛ وتم حصر لائحة مجموعات المعطيات ذات الأولوية.',
  },
  {
    fr: 'Publication de nouveaux jeux de données sur le portail national et mise à jour des métadonnées existantes.',
    ar: 'نشر مجموعات معطيات جديدة على البوابة الوطنية وتحيين المعطيات الوصفية الموجودة.',
  },
  {
    fr: 'Le retard s’explique par la mobilisation des équipes sur d’autres chantiers ; un plan de rattrapage est proposé.',
    ar: 'يعزى التأخر إلى انشغال الفرق بأوراش أخرى؛ ويقترح مخطط للتدارك.',
  },
  {
    fr: 'Formation des agents effectuée ; l’inventaire des données détenues est achevé à plus de moitié.',
    ar: 'تم تكوين الأطر؛ وأنجز جرد المعطيات المتوفرة بأكثر من النصف.',
  },
  {
    fr: 'Activité achevée : les livrables sont publiés et la documentation est accessible en ligne.',
    ar: 'أنجز النشاط: نشرت المخرجات وأصبحت الوثائق متاحة على الإنترنت.',
  },
];

export const RETURN_COMMENTS = [
  'Merci de joindre un justificatif (lien vers les jeux de données publiés).',
  'L’avancement déclaré ne correspond pas aux livrables transmis ; merci de le corriger.',
  'Le récit est trop succinct : précisez ce qui a été fait ce trimestre.',
  'Les difficultés mentionnées doivent être détaillées pour que le comité puisse les examiner.',
];

export const BLOCKERS: readonly { category: string; text: string }[] = [
  { category: 'human_resources', text: 'Absence de gestionnaire de données désigné dans deux directions.' },
  { category: 'technical', text: 'Les données sont dans une application ancienne sans export automatique.' },
  { category: 'legal', text: 'Avis juridique attendu sur la diffusion des données à caractère personnel.' },
  { category: 'budget', text: 'Crédits de l’hébergement non encore engagés.' },
  { category: 'data_quality', text: 'Séries incomplètes avant 2019, à reconstituer.' },
  { category: 'coordination', text: 'Les services déconcentrés transmettent leurs données avec retard.' },
];

export const DECISION_TEXTS: readonly { fr: string; ar: string; en: string }[] = [
  {
    fr: 'Accélérer la publication des jeux de données prioritaires de la mesure {m}.',
    ar: 'تسريع نشر مجموعات المعطيات ذات الأولوية في إطار الإجراء {m}.',
    en: 'Speed up publishing the priority datasets of measure {m}.',
  },
  {
    fr: 'Présenter au prochain comité un plan de rattrapage de la mesure {m}.',
    ar: 'تقديم مخطط لتدارك تأخر الإجراء {m} خلال الاجتماع المقبل للجنة.',
    en: 'Present a catch-up plan for measure {m} at the next meeting.',
  },
  {
    fr: 'Généraliser la désignation des responsables open data dans les administrations concernées par la mesure {m}.',
    ar: 'تعميم تعيين المسؤولين عن المعطيات المفتوحة في الإدارات المعنية بالإجراء {m}.',
    en: 'Have every administration concerned by measure {m} appoint its open-data officers.',
  },
  {
    fr: 'Lancer l’inventaire des données dans les administrations contributrices de la mesure {m}.',
    ar: 'إطلاق جرد المعطيات لدى الإدارات المساهمة في الإجراء {m}.',
    en: 'Launch the data inventory in the administrations contributing to measure {m}.',
  },
  {
    fr: 'Adopter le rapport d’étape de la mesure {m} et le transmettre au Chef du Gouvernement.',
    ar: 'المصادقة على التقرير المرحلي للإجراء {m} ورفعه إلى رئيس الحكومة.',
    en: 'Adopt the progress report of measure {m} and send it to the Head of Government.',
  },
];

export const ACTION_TEXTS: readonly { fr: string; ar: string; en: string }[] = [
  {
    fr: 'Transmettre la liste des jeux de données à publier d’ici l’échéance.',
    ar: 'موافاة الوكالة بلائحة مجموعات المعطيات المراد نشرها قبل الأجل.',
    en: 'Send the list of datasets to publish by the due date.',
  },
  {
    fr: 'Désigner le ROD et le GdD et transmettre l’acte de désignation.',
    ar: 'تعيين المسؤول عن المعطيات المفتوحة ومدبر المعطيات وموافاة الوكالة بقرار التعيين.',
    en: 'Appoint the ROD and data manager and send the appointing act.',
  },
  {
    fr: 'Mettre à jour les jeux de données en retard sur leur fréquence déclarée.',
    ar: 'تحيين مجموعات المعطيات المتأخرة عن وتيرتها المعلنة.',
    en: 'Update the datasets that are late against their declared frequency.',
  },
  {
    fr: 'Compléter l’inventaire des données détenues et le transmettre à l’ADD.',
    ar: 'استكمال جرد المعطيات المتوفرة وموافاة وكالة التنمية الرقمية به.',
    en: 'Complete the inventory of the data held and send it to ADD.',
  },
  {
    fr: 'Organiser une session de formation pour les gestionnaires de données.',
    ar: 'تنظيم دورة تكوينية لفائدة مدبري المعطيات.',
    en: 'Hold a training session for the data managers.',
  },
  {
    fr: 'Présenter l’état d’avancement au prochain comité.',
    ar: 'تقديم وضعية التقدم خلال الاجتماع المقبل للجنة.',
    en: 'Report on progress at the next meeting.',
  },
];

export const CLOSING_EVIDENCE = [
  'Liste transmise par courrier n° {n} ; jeux de données publiés sur data.gov.ma.',
  'Décision de désignation n° {n} transmise à l’ADD.',
  'Compte rendu de la session de formation du {d} (liste de présence jointe).',
  'Inventaire transmis le {d} (référence {n}).',
];

export const NOTE_BODIES = [
  'Premier jet partagé avec les directions concernées.',
  'Les données de deux directions sont encore attendues.',
  'Réunion de suivi tenue ; échéance confirmée.',
  'Travaux terminés, justificatif transmis.',
  'Difficultés techniques signalées au prestataire.',
];

export const MINUTES = {
  fr: 'Le comité a examiné l’état d’avancement du plan d’action, les résultats de la campagne de suivi et les actions en cours, et a pris les décisions consignées ci-après.',
  ar: 'تدارست اللجنة تقدم تنفيذ مخطط العمل ونتائج حملة التتبع والإجراءات الجارية، واتخذت المقررات المدونة أدناه.',
  en: 'The committee reviewed the action plan’s progress, the results of the reporting round and the open action items, and took the decisions recorded below.',
};

export const EVENT_TITLES: Record<string, readonly { fr: string; ar: string }[]> = {
  training: [
    { fr: 'Formation des responsables open data à la publication', ar: 'تكوين مسؤولي المعطيات المفتوحة حول النشر' },
    {
      fr: 'Formation : qualité des métadonnées et formats ouverts',
      ar: 'تكوين: جودة المعطيات الوصفية والصيغ المفتوحة',
    },
    { fr: 'Formation régionale open data', ar: 'تكوين جهوي حول المعطيات المفتوحة' },
    { fr: 'Formation à l’inventaire des données', ar: 'تكوين حول جرد المعطيات' },
  ],
  workshop: [
    { fr: 'Atelier de coordination des responsables open data', ar: 'ورشة تنسيق مسؤولي المعطيات المفتوحة' },
    { fr: 'Atelier : plan de publication et priorités', ar: 'ورشة: مخطط النشر والأولويات' },
    { fr: 'Atelier sectoriel sur les données de référence', ar: 'ورشة قطاعية حول المعطيات المرجعية' },
  ],
  promotion: [
    { fr: 'Journée des données ouvertes', ar: 'يوم المعطيات المفتوحة' },
    { fr: 'Rencontre avec les réutilisateurs de données publiques', ar: 'لقاء مع معيدي استعمال المعطيات العمومية' },
    { fr: 'Présentation du portail national aux étudiants', ar: 'تقديم البوابة الوطنية لفائدة الطلبة' },
  ],
  hackathon: [{ fr: 'Hackathon des données ouvertes', ar: 'هاكاثون المعطيات المفتوحة' }],
  other: [{ fr: 'Webinaire open data', ar: 'ندوة رقمية حول المعطيات المفتوحة' }],
};

export const PARTNERS = [
  'Université Mohammed V',
  'Technopark',
  'École des Sciences de l’Information',
  'Université Hassan II',
  'Université Cadi Ayyad',
  'Conseil régional',
];

export const FEEDBACK_COMMENTS = [
  'Très utile, surtout les exercices pratiques sur le portail.',
  'Il faudrait une deuxième session pour les formats ouverts.',
  'ورشة مفيدة، نرجو تنظيم دورات جهوية أكثر.',
  'Bonne organisation, mais la salle était trop petite.',
  'أتمنى توفير العروض التقديمية بعد التكوين.',
];

export const REUSE_SUBJECTS: readonly { fr: string; ar: string; slug: string }[] = [
  { fr: 'Carte de l’offre de soins', ar: 'خريطة العرض الصحي', slug: 'carte-sante' },
  { fr: 'Le budget en clair', ar: 'الميزانية بوضوح', slug: 'budget-clair' },
  { fr: 'Atlas scolaire', ar: 'الأطلس المدرسي', slug: 'atlas-scolaire' },
  { fr: 'Observatoire de la qualité de l’air', ar: 'مرصد جودة الهواء', slug: 'qualite-air' },
  { fr: 'Tableau de bord de l’énergie', ar: 'لوحة قيادة الطاقة', slug: 'energie' },
  { fr: 'Itinéraires touristiques', ar: 'مسارات سياحية', slug: 'tourisme' },
  { fr: 'Suivi des marchés publics', ar: 'تتبع الصفقات العمومية', slug: 'marches' },
  { fr: 'Indicateurs de l’emploi par région', ar: 'مؤشرات التشغيل حسب الجهة', slug: 'emploi' },
  { fr: 'Barrages et ressources en eau', ar: 'السدود والموارد المائية', slug: 'eau' },
  { fr: 'Accidents de la route', ar: 'حوادث السير', slug: 'securite-routiere' },
];

export const REJECT_REASONS = [
  'Le lien ne mène à aucune réutilisation des données du portail.',
  'Doublon d’une réutilisation déjà publiée.',
  'Contenu publicitaire sans rapport avec les données publiques.',
];

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
];
