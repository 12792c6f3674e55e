import type { ErrorCode, Locale } from '@marsad/contracts';

type Catalogue = Record<Locale, string>;

/** Messages for each error code, in the caller's language. `{x}` is replaced by params.x. */
export const ERROR_MESSAGES: Record<ErrorCode, Catalogue> = {
  VALIDATION_FAILED: {
    en: 'The request is not valid: {details}',
    fr: "La requête n'est pas valide : {details}",
    ar: 'الطلب غير صالح: {details}',
  },
  NOT_FOUND: {
    en: 'No {entity} with the identifier "{id}".',
    fr: 'Aucun(e) {entity} avec l’identifiant « {id} ».',
    ar: 'لا يوجد {entity} بالمعرّف «{id}».',
  },
  ROUTE_NOT_FOUND: {
    en: 'There is no such address in the API: {method} {path}.',
    fr: "Cette adresse n'existe pas dans l'API : {method} {path}.",
    ar: 'هذا العنوان غير موجود في الواجهة البرمجية: {method} {path}.',
  },
  VERSION_CONFLICT: {
    en: 'This {entity} was changed by someone else since you read it (your version {sent}, current {current}). Reload it, compare, and apply your change again.',
    fr: "Cet(te) {entity} a été modifié(e) par quelqu'un d'autre depuis votre lecture (votre version {sent}, version actuelle {current}). Rechargez, comparez et réappliquez votre modification.",
    ar: 'تم تعديل {entity} من طرف شخص آخر منذ أن اطلعت عليه (نسختك {sent}، النسخة الحالية {current}). أعد التحميل وقارن ثم أعد تطبيق تعديلك.',
  },
  PAYLOAD_TOO_LARGE: {
    en: 'The file is too large: the limit is {limit}.',
    fr: 'Le fichier est trop volumineux : la limite est de {limit}.',
    ar: 'الملف كبير جدا: الحد الأقصى هو {limit}.',
  },
  UNSUPPORTED_FILE_TYPE: {
    en: 'This type of file is not accepted ({detected}). Accepted: PDF, PNG, JPEG, WebP, Word, Excel, PowerPoint.',
    fr: "Ce type de fichier n'est pas accepté ({detected}). Acceptés : PDF, PNG, JPEG, WebP, Word, Excel, PowerPoint.",
    ar: 'نوع الملف غير مقبول ({detected}). الأنواع المقبولة: PDF وPNG وJPEG وWebP وWord وExcel وPowerPoint.',
  },
  BAD_REQUEST: {
    en: 'The request could not be understood: {reason}',
    fr: 'La requête est incompréhensible : {reason}',
    ar: 'تعذر فهم الطلب: {reason}',
  },
  UNAUTHENTICATED: {
    en: 'Sign in to do this (or your session has ended).',
    fr: 'Connectez-vous pour faire cela (ou votre session a expiré).',
    ar: 'يرجى تسجيل الدخول للقيام بذلك (أو انتهت صلاحية جلستك).',
  },
  FORBIDDEN: {
    en: 'Your role does not allow this, or the data belongs to another administration.',
    fr: 'Votre rôle ne le permet pas, ou les données appartiennent à une autre administration.',
    ar: 'دورك لا يسمح بذلك، أو أن المعطيات تعود لإدارة أخرى.',
  },
  CSRF_REJECTED: {
    en: 'The request lacks its security token (X-CSRF-Token). Reload the page and try again.',
    fr: 'La requête ne porte pas son jeton de sécurité (X-CSRF-Token). Rechargez la page et réessayez.',
    ar: 'الطلب لا يتضمن رمز الأمان (X-CSRF-Token). أعد تحميل الصفحة وحاول مجددا.',
  },
  INVALID_CREDENTIALS: {
    en: 'Email or password is incorrect.',
    fr: 'Adresse e-mail ou mot de passe incorrect.',
    ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  },
  ACCOUNT_LOCKED: {
    en: 'Too many failed attempts: sign-in is blocked for this account for {minutes} minute(s).',
    fr: 'Trop de tentatives échouées : la connexion est bloquée pour ce compte pendant {minutes} minute(s).',
    ar: 'محاولات فاشلة كثيرة: تم حظر تسجيل الدخول لهذا الحساب لمدة {minutes} دقيقة.',
  },
  HARVEST_RUNNING: {
    en: 'A harvest of the portal is already running: wait for it to end.',
    fr: 'Une moisson du portail est déjà en cours : attendez qu’elle se termine.',
    ar: 'عملية جمع معطيات البوابة جارية بالفعل: انتظر حتى تنتهي.',
  },
  PORTAL_NOT_CONFIGURED: {
    en: 'No portal is configured: set PORTAL_URL to harvest one.',
    fr: 'Aucun portail n’est configuré : définissez PORTAL_URL pour le moissonner.',
    ar: 'لم يتم إعداد أي بوابة: حدّد PORTAL_URL لجمع معطياتها.',
  },
  TOO_MANY_REQUESTS: {
    en: 'Too many requests: wait a moment and try again.',
    fr: 'Trop de requêtes : patientez un instant puis réessayez.',
    ar: 'طلبات كثيرة جدا: انتظر قليلا ثم حاول مجددا.',
  },
  RESET_LINK_INVALID: {
    en: 'This link has expired or was already used. Ask the administrator for a new one.',
    fr: "Ce lien a expiré ou a déjà été utilisé. Demandez-en un nouveau à l'administrateur.",
    ar: 'انتهت صلاحية هذا الرابط أو سبق استعماله. اطلب رابطا جديدا من مدير المنصة.',
  },
  FILE_LIMIT_EXCEEDED: {
    en: 'The file goes beyond what an import may hold: {details}.',
    fr: 'Le fichier dépasse ce qu’un import peut contenir : {details}.',
    ar: 'الملف يتجاوز ما يمكن أن يتضمنه الاستيراد: {details}.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    en: 'The body of this request must be {expected} (received {received}).',
    fr: 'Le corps de cette requête doit être en {expected} (reçu : {received}).',
    ar: 'محتوى هذا الطلب يجب أن يكون بصيغة {expected} (المستلم: {received}).',
  },
  ORIGIN_REJECTED: {
    en: 'This request comes from another site ({origin}) and was refused. Use Marsad from its own address.',
    fr: 'Cette requête vient d’un autre site ({origin}) et a été refusée. Utilisez Marsad depuis sa propre adresse.',
    ar: 'هذا الطلب صادر عن موقع آخر ({origin}) وتم رفضه. استعمل مرصد من عنوانه الخاص.',
  },
  REPORT_STATE_CONFLICT: {
    en: 'This report is no longer waiting for this step: it has been validated, returned or submitted meanwhile. Reload it to see where it stands.',
    fr: "Ce rapport n'attend plus cette étape : il a été validé, renvoyé ou soumis entre-temps. Rechargez-le pour voir où il en est.",
    ar: 'لم يعد هذا التقرير في انتظار هذه الخطوة: فقد تمت المصادقة عليه أو إرجاعه أو تقديمه في الأثناء. أعد تحميله لمعرفة وضعه الحالي.',
  },
  ROUND_OVERLAP: {
    en: 'This round would overlap another one of the plan (from {opensOn} to {closesOn}). Rounds follow one another: choose other dates.',
    fr: 'Ce cycle chevaucherait un autre cycle du plan (du {opensOn} au {closesOn}). Les cycles se suivent : choisissez d’autres dates.',
    ar: 'ستتداخل هذه الدورة مع دورة أخرى للمخطط (من {opensOn} إلى {closesOn}). الدورات تتوالى: اختر تواريخ أخرى.',
  },
  ROUND_STATE_CONFLICT: {
    en: 'This step is not possible now: the round is not open (it opens later or has been closed). Reload it to see where it stands.',
    fr: 'Cette étape n’est pas possible maintenant : le cycle n’est pas ouvert (il ouvre plus tard ou a été clôturé). Rechargez-le pour voir où il en est.',
    ar: 'هذه الخطوة غير ممكنة الآن: الدورة ليست مفتوحة (تُفتح لاحقا أو تم إغلاقها). أعد تحميلها لمعرفة وضعها.',
  },
  MEETING_STATE_CONFLICT: {
    en: 'This step is not possible for this meeting now: it was cancelled, or its minutes are already approved. Reload it to see where it stands.',
    fr: 'Cette étape n’est pas possible pour cette réunion maintenant : elle a été annulée, ou son procès-verbal est déjà approuvé. Rechargez-la pour voir où elle en est.',
    ar: 'هذه الخطوة غير ممكنة لهذا الاجتماع الآن: لقد أُلغي أو تمت المصادقة على محضره. أعد تحميله لمعرفة وضعه.',
  },
  EMAIL_STATE_CONFLICT: {
    en: 'Only a failed e-mail can be sent again; this one is {state}. Reload the outbox to see where it stands.',
    fr: 'Seul un e-mail en échec peut être renvoyé ; celui-ci est « {state} ». Rechargez la file d’envoi pour voir où il en est.',
    ar: 'لا يمكن إعادة إرسال إلا رسالة فشل إرسالها؛ حالة هذه الرسالة «{state}». أعد تحميل صندوق الإرسال لمعرفة وضعها.',
  },
  ACTION_ITEM_STATE_CONFLICT: {
    en: 'This action item is closed (done or dropped): it can no longer change this way. Reload it to see where it stands.',
    fr: 'Cette action est close (réalisée ou abandonnée) : elle ne peut plus changer ainsi. Rechargez-la pour voir où elle en est.',
    ar: 'هذا الإجراء مغلق (منجز أو متخلى عنه): لم يعد بالإمكان تغييره بهذه الطريقة. أعد تحميله لمعرفة وضعه.',
  },
  PDF_UNAVAILABLE: {
    en: 'The PDF cannot be produced on this server: no Chromium is installed (see the README). The printable page (format=html) works.',
    fr: 'Le PDF ne peut pas être produit sur ce serveur : Chromium n’y est pas installé (voir le README). La page imprimable (format=html) fonctionne.',
    ar: 'لا يمكن إنتاج ملف PDF على هذا الخادم: متصفح Chromium غير مثبت (انظر README). الصفحة القابلة للطباعة (format=html) تعمل.',
  },
  FEEDBACK_LINK_USED: {
    en: 'This feedback link was used already: each link works once.',
    fr: 'Ce lien d’avis a déjà servi : chaque lien ne sert qu’une fois.',
    ar: 'سبق استعمال رابط إبداء الرأي هذا: كل رابط يُستعمل مرة واحدة.',
  },
  FEEDBACK_CLOSED: {
    en: 'Feedback on this event is not open: it opens on its first day and closes {days} days after its last; a cancelled event takes none.',
    fr: 'L’avis sur cet événement n’est pas ouvert : il s’ouvre le premier jour et se clôt {days} jours après le dernier ; un événement annulé n’en reçoit pas.',
    ar: 'إبداء الرأي في هذا النشاط غير مفتوح: يُفتح في أول يوم ويُغلق بعد {days} يوما من آخر يوم؛ ولا يُقبل في نشاط ملغى.',
  },
  AWARD_PHASE_CONFLICT: {
    en: 'Not at this stage of the edition ({phase}): {rule}',
    fr: 'Pas à cette étape de l’édition ({phase}) : {rule}',
    ar: 'غير ممكن في هذه المرحلة من الدورة ({phase}): {rule}',
  },
  INTERNAL_ERROR: {
    en: 'Something went wrong on our side. Quote the request id {requestId} when reporting it.',
    fr: "Une erreur s'est produite de notre côté. Indiquez l'identifiant de requête {requestId} en la signalant.",
    ar: 'حدث خطأ من جهتنا. اذكر معرّف الطلب {requestId} عند الإبلاغ عنه.',
  },
};

/** Entity names used inside messages. */
export const ENTITY_NAMES: Record<string, Catalogue> = {
  plan: { en: 'plan', fr: 'plan', ar: 'مخطط' },
  planSnapshot: { en: 'plan snapshot', fr: 'instantané du plan', ar: 'لقطة المخطط' },
  measure: { en: 'measure', fr: 'mesure', ar: 'إجراء' },
  activity: { en: 'activity', fr: 'activité', ar: 'نشاط' },
  progressUpdate: { en: 'progress update', fr: "point d'avancement", ar: 'تحيين للتقدم' },
  evidence: { en: 'evidence', fr: 'justificatif', ar: 'وثيقة إثبات' },
  institution: { en: 'institution', fr: 'institution', ar: 'مؤسسة' },
  user: { en: 'user', fr: 'utilisateur', ar: 'مستخدم' },
  officerAppointment: { en: 'appointment', fr: 'désignation', ar: 'تعيين' },
  inventoryItem: { en: 'inventory item', fr: "élément d'inventaire", ar: 'عنصر الجرد' },
  harvestRun: { en: 'portal harvest', fr: 'moisson du portail', ar: 'عملية جمع معطيات البوابة' },
  portalOrganization: { en: 'portal organisation', fr: 'organisation du portail', ar: 'منظمة البوابة' },
  reportingRound: { en: 'reporting round', fr: 'cycle de rapportage', ar: 'دورة التقارير' },
  committeeMember: { en: 'committee member', fr: 'membre du comité', ar: 'عضو اللجنة' },
  committeeRepresentative: { en: 'representative', fr: 'représentant', ar: 'ممثل' },
  committeeMeeting: { en: 'committee meeting', fr: 'réunion du comité', ar: 'اجتماع اللجنة' },
  committeeDocument: { en: 'meeting document', fr: 'document de réunion', ar: 'وثيقة الاجتماع' },
  actionItem: { en: 'action item', fr: 'action', ar: 'إجراء للتتبع' },
  notification: { en: 'message', fr: 'message', ar: 'رسالة' },
  event: { en: 'event', fr: 'événement', ar: 'فعالية' },
  hackathonChallenge: { en: 'hackathon challenge', fr: 'défi du hackathon', ar: 'تحدي الهاكاثون' },
  hackathonTeam: { en: 'hackathon team', fr: 'équipe du hackathon', ar: 'فريق الهاكاثون' },
  reuse: { en: 'reuse', fr: 'réutilisation', ar: 'إعادة استخدام' },
  openDataset: { en: 'open dataset', fr: 'jeu de données ouvertes', ar: 'مجموعة معطيات مفتوحة' },
  planComment: { en: 'comment', fr: 'commentaire', ar: 'تعليق' },
  feedbackLink: { en: 'feedback link', fr: 'lien d’avis', ar: 'رابط إبداء الرأي' },
  awardEdition: { en: 'Imtiaz award edition', fr: 'édition du prix Imtiaz', ar: 'دورة جائزة امتياز' },
  awardApplication: { en: 'Imtiaz award application', fr: 'candidature au prix Imtiaz', ar: 'ترشيح لجائزة امتياز' },
  awardFile: { en: 'application evidence file', fr: 'pièce justificative de candidature', ar: 'ملف إثبات الترشيح' },
  awardResults: { en: 'published results', fr: 'résultats publiés', ar: 'نتائج منشورة' },
};

/** Validation rules (class-validator constraint names) explained. `{field}` and rule params are filled in. */
export const RULE_MESSAGES: Record<string, Catalogue> = {
  whitelistValidation: {
    en: '{field} is not an accepted field',
    fr: "{field} n'est pas un champ accepté",
    ar: '{field} ليس حقلا مقبولا',
  },
  isDefined: { en: '{field} is required', fr: '{field} est obligatoire', ar: '{field} إلزامي' },
  isNotEmpty: {
    en: '{field} must not be empty',
    fr: '{field} ne doit pas être vide',
    ar: '{field} يجب ألا يكون فارغا',
  },
  isInt: {
    en: '{field} must be a whole number',
    fr: '{field} doit être un nombre entier',
    ar: '{field} يجب أن يكون عددا صحيحا',
  },
  isNumber: { en: '{field} must be a number', fr: '{field} doit être un nombre', ar: '{field} يجب أن يكون رقما' },
  isDecimal: {
    en: '{field} must be a number with at most {0} decimals',
    fr: '{field} doit être un nombre d’au plus {0} décimales',
    ar: '{field} يجب أن يكون رقما بما لا يتجاوز {0} أرقام عشرية',
  },
  min: { en: '{field} must be at least {0}', fr: '{field} doit être au moins {0}', ar: '{field} يجب ألا يقل عن {0}' },
  max: { en: '{field} must be at most {0}', fr: '{field} doit être au plus {0}', ar: '{field} يجب ألا يتجاوز {0}' },
  isIn: {
    en: '{field} must be one of: {0}',
    fr: "{field} doit être l'une des valeurs : {0}",
    ar: '{field} يجب أن يكون إحدى القيم: {0}',
  },
  isString: { en: '{field} must be text', fr: '{field} doit être du texte', ar: '{field} يجب أن يكون نصا' },
  maxLength: {
    en: '{field} must be at most {0} characters',
    fr: '{field} doit compter au plus {0} caractères',
    ar: '{field} يجب ألا يتجاوز {0} حرفا',
  },
  minLength: {
    en: '{field} must be at least {0} characters',
    fr: '{field} doit compter au moins {0} caractères',
    ar: '{field} يجب ألا يقل عن {0} حرفا',
  },
  isDateString: {
    en: '{field} must be a date (YYYY-MM-DD)',
    fr: '{field} doit être une date (AAAA-MM-JJ)',
    ar: '{field} يجب أن يكون تاريخا (YYYY-MM-DD)',
  },
  isIso8601: {
    en: '{field} must be a date and time (ISO 8601, e.g. 2026-12-15T10:00:00+01:00)',
    fr: '{field} doit être une date et une heure (ISO 8601, p. ex. 2026-12-15T10:00:00+01:00)',
    ar: '{field} يجب أن يكون تاريخا وساعة (ISO 8601، مثلا 2026-12-15T10:00:00+01:00)',
  },
  isIsoDate: {
    en: '{field} must be a date (YYYY-MM-DD)',
    fr: '{field} doit être une date (AAAA-MM-JJ)',
    ar: '{field} يجب أن يكون تاريخا (YYYY-MM-DD)',
  },
  isUrl: {
    en: '{field} must be a web address starting with http:// or https://',
    fr: '{field} doit être une adresse web commençant par http:// ou https://',
    ar: '{field} يجب أن يكون عنوانا إلكترونيا يبدأ بـ http:// أو https://',
  },
  isUuid: { en: '{field} must be a UUID', fr: '{field} doit être un UUID', ar: '{field} يجب أن يكون معرّفا UUID' },
  isArray: { en: '{field} must be a list', fr: '{field} doit être une liste', ar: '{field} يجب أن يكون قائمة' },
  arrayMinSize: {
    en: '{field} must hold at least {0} item(s)',
    fr: '{field} doit contenir au moins {0} élément(s)',
    ar: '{field} يجب أن يتضمن {0} عنصرا على الأقل',
  },
  arrayMaxSize: {
    en: '{field} must hold at most {0} items',
    fr: '{field} doit contenir au plus {0} éléments',
    ar: '{field} يجب ألا يتضمن أكثر من {0} عناصر',
  },
  isObject: { en: '{field} must be an object', fr: '{field} doit être un objet', ar: '{field} يجب أن يكون كائنا' },
  hasSomeLocale: {
    en: '{field} needs text in at least one language (ar, fr or en)',
    fr: '{field} doit contenir un texte dans au moins une langue (ar, fr ou en)',
    ar: '{field} يجب أن يتضمن نصا بلغة واحدة على الأقل (ar أو fr أو en)',
  },
  notAfter: {
    en: '{field} must not be after {0}',
    fr: '{field} ne doit pas être postérieur(e) à {0}',
    ar: '{field} يجب ألا يكون بعد {0}',
  },
  notInPast: {
    en: '{field} must not be before {0}',
    fr: '{field} ne doit pas être antérieur(e) au {0}',
    ar: '{field} يجب ألا يكون قبل {0}',
  },
  noOverlap: {
    en: '{field}: the dates overlap another round ({0} to {1})',
    fr: '{field} : les dates chevauchent un autre cycle (du {0} au {1})',
    ar: '{field}: التواريخ تتداخل مع دورة أخرى (من {0} إلى {1})',
  },
  unknownActivity: {
    en: '{field}: no activity of this plan has the id {0}',
    fr: '{field} : aucune activité de ce plan n’a l’identifiant {0}',
    ar: '{field}: لا يوجد نشاط في هذا المخطط بالمعرّف {0}',
  },
  alreadyMember: {
    en: '{field}: {0} already sits on the committee on that date',
    fr: '{field} : {0} siège déjà au comité à cette date',
    ar: '{field}: {0} عضو في اللجنة بالفعل في هذا التاريخ',
  },
  after: {
    en: '{field} must be after {0}',
    fr: '{field} doit être postérieur(e) au {0}',
    ar: '{field} يجب أن يكون بعد {0}',
  },
  accountWithEmail: {
    en: '{field}: no active account has the email {0}; create the account first',
    fr: '{field} : aucun compte actif n’a l’adresse {0} ; créez d’abord le compte',
    ar: '{field}: لا يوجد حساب نشط بالبريد {0}؛ أنشئ الحساب أولا',
  },
  memberOnDate: {
    en: '{field}: {0} does not sit on the committee on {1}',
    fr: '{field} : {0} ne siège pas au comité le {1}',
    ar: '{field}: {0} ليس عضوا في اللجنة بتاريخ {1}',
  },
  notYourAttendance: {
    en: '{field}: you do not sit on the committee at this meeting',
    fr: '{field} : vous ne siégez pas au comité lors de cette réunion',
    ar: '{field}: لست عضوا في اللجنة خلال هذا الاجتماع',
  },
  unknownMeasure: {
    en: '{field}: the plan has no measure {0}',
    fr: '{field} : le plan n’a pas de mesure {0}',
    ar: '{field}: لا يتضمن المخطط الإجراء {0}',
  },
  unknownActivityCode: {
    en: '{field}: the plan has no activity {0}',
    fr: '{field} : le plan n’a pas d’activité {0}',
    ar: '{field}: لا يتضمن المخطط النشاط {0}',
  },
  unknownActionItem: {
    en: '{field}: no open action item has the id {0}',
    fr: '{field} : aucune action ouverte n’a l’identifiant {0}',
    ar: '{field}: لا يوجد إجراء مفتوح بالمعرّف {0}',
  },
  evidenceToClose: {
    en: '{field}: closing an action item needs its evidence (what was done, a link or a reference)',
    fr: '{field} : clôturer une action demande sa preuve (ce qui a été fait, un lien ou une référence)',
    ar: '{field}: إغلاق إجراء يتطلب دليلا (ما تم إنجازه أو رابطا أو مرجعا)',
  },
  coordinatorsOnly: {
    en: '{field}: only ADD’s coordinators may change this',
    fr: '{field} : seuls les coordinateurs de l’ADD peuvent modifier ceci',
    ar: '{field}: وحدهم منسقو الوكالة يمكنهم تغيير هذا',
  },
  placeNotDivision: {
    en: '{field}: {0} is not a region, province or commune of the registry',
    fr: '{field} : {0} n’est pas une région, une province ou une commune du registre',
    ar: '{field}: {0} ليس جهة أو إقليما أو جماعة في السجل',
  },
  unknownAppointment: {
    en: '{field}: no appointment of the register has the id {0}',
    fr: '{field} : aucune désignation du registre n’a l’identifiant {0}',
    ar: '{field}: لا يوجد تعيين في السجل بالمعرّف {0}',
  },
  notHackathon: {
    en: '{field}: this event is not a hackathon (its type is {0})',
    fr: '{field} : cet événement n’est pas un hackathon (son type est {0})',
    ar: '{field}: هذه الفعالية ليست هاكاثونا (نوعها {0})',
  },
  tooManyChallenges: {
    en: '{field}: a hackathon has at most {0} challenges',
    fr: '{field} : un hackathon compte au plus {0} défis',
    ar: '{field}: لا يتجاوز عدد تحديات الهاكاثون {0}',
  },
  tooManyTeams: {
    en: '{field}: a hackathon has at most {0} teams',
    fr: '{field} : un hackathon compte au plus {0} équipes',
    ar: '{field}: لا يتجاوز عدد فرق الهاكاثون {0}',
  },
  duplicateTeamName: {
    en: '{field}: another team of this hackathon is already called {0}',
    fr: '{field} : une autre équipe de ce hackathon s’appelle déjà {0}',
    ar: '{field}: يوجد فريق آخر في هذا الهاكاثون يحمل الاسم {0}',
  },
  commentNotPublished: {
    en: '{field}: only a published comment can be answered (this one is {0})',
    fr: '{field} : seul un commentaire publié peut recevoir une réponse (celui-ci est {0})',
    ar: '{field}: لا يمكن الرد إلا على تعليق منشور (حالة هذا التعليق: {0})',
  },
  duplicateYear: {
    en: '{field}: there is already an edition of the Imtiaz award for {0}',
    fr: '{field} : il existe déjà une édition du prix Imtiaz pour {0}',
    ar: '{field}: توجد بالفعل دورة لجائزة امتياز لسنة {0}',
  },
  weightsSum100: {
    en: '{field}: the criteria’s weights must add up to 100 (they add up to {0})',
    fr: '{field} : les pondérations des critères doivent totaliser 100 (elles totalisent {0})',
    ar: '{field}: يجب أن يكون مجموع أوزان المعايير 100 (المجموع الحالي {0})',
  },
  metricRequired: {
    en: '{field}: an automated criterion needs the measure it is computed from',
    fr: '{field} : un critère automatisé doit indiquer la mesure dont il est calculé',
    ar: '{field}: يجب أن يحدد المعيار الآلي المؤشر الذي يُحتسب منه',
  },
  juryHasNoMetric: {
    en: '{field}: a criterion scored by the jury has no automated measure',
    fr: '{field} : un critère noté par le jury n’a pas de mesure automatisée',
    ar: '{field}: المعيار الذي تنقطه لجنة التحكيم ليس له مؤشر آلي',
  },
  duplicateMetric: {
    en: '{field}: the measure {0} is already used by another criterion',
    fr: '{field} : la mesure {0} est déjà utilisée par un autre critère',
    ar: '{field}: المؤشر {0} مستعمل بالفعل في معيار آخر',
  },
  notBefore: {
    en: '{field} must not be before {0}',
    fr: '{field} ne doit pas être antérieur(e) au {0}',
    ar: '{field} يجب ألا يكون قبل {0}',
  },
  unknownAccount: {
    en: '{field}: no active account has the id {0}',
    fr: '{field} : aucun compte actif n’a l’identifiant {0}',
    ar: '{field}: لا يوجد حساب نشط بالمعرّف {0}',
  },
  notEligible: {
    en: '{field}: administrations of this type ({0}) may not apply to this edition',
    fr: '{field} : les administrations de ce type ({0}) ne peuvent pas candidater à cette édition',
    ar: '{field}: لا يحق للإدارات من هذا النوع ({0}) الترشح لهذه الدورة',
  },
  alreadyApplied: {
    en: '{field}: your administration has already applied to this edition: edit its application instead',
    fr: '{field} : votre administration a déjà candidaté à cette édition : modifiez plutôt sa candidature',
    ar: '{field}: سبق لإدارتك الترشح لهذه الدورة: عدّل ترشيحها بدلا من ذلك',
  },
  unknownReuse: {
    en: '{field}: no published reuse has the id {0}',
    fr: '{field} : aucune réutilisation publiée n’a l’identifiant {0}',
    ar: '{field}: لا توجد إعادة استخدام منشورة بالمعرّف {0}',
  },
  notJuryCriterion: {
    en: '{field}: {0} is not a criterion of this edition scored by the jury',
    fr: '{field} : {0} n’est pas un critère de cette édition noté par le jury',
    ar: '{field}: {0} ليس معيارا من معايير هذه الدورة التي تنقطها لجنة التحكيم',
  },
  duplicateCriterion: {
    en: '{field}: the criterion {0} is scored twice',
    fr: '{field} : le critère {0} est noté deux fois',
    ar: '{field}: المعيار {0} منقط مرتين',
  },
  required: { en: '{field} is required', fr: '{field} est obligatoire', ar: '{field} إلزامي' },
  unknownChallenge: {
    en: '{field}: this hackathon has no challenge with the id {0}',
    fr: '{field} : ce hackathon n’a pas de défi avec l’identifiant {0}',
    ar: '{field}: لا يتضمن هذا الهاكاثون تحديا بالمعرّف {0}',
  },
  teamHasReuse: {
    en: '{field}: this team’s project was published as a reuse; the team cannot be removed',
    fr: '{field} : le projet de cette équipe a été publié comme réutilisation ; l’équipe ne peut pas être supprimée',
    ar: '{field}: نُشر مشروع هذا الفريق كإعادة استخدام؛ لا يمكن حذف الفريق',
  },
  notRanked: {
    en: '{field}: only a team the jury ranked can have its project published as a reuse',
    fr: '{field} : seule une équipe classée par le jury peut voir son projet publié comme réutilisation',
    ar: '{field}: لا يمكن نشر المشروع كإعادة استخدام إلا لفريق صنّفته لجنة التحكيم',
  },
  noSubmissionUrl: {
    en: '{field}: the submission needs a link (web address) to be published as a reuse',
    fr: '{field} : le projet soumis doit avoir un lien (adresse web) pour être publié comme réutilisation',
    ar: '{field}: يجب أن يتضمن المشروع المقدَّم رابطا (عنوانا إلكترونيا) لنشره كإعادة استخدام',
  },
  alreadyReused: {
    en: '{field}: this team’s project was already published as a reuse',
    fr: '{field} : le projet de cette équipe a déjà été publié comme réutilisation',
    ar: '{field}: سبق نشر مشروع هذا الفريق كإعادة استخدام',
  },
  challengeWithoutDatasets: {
    en: '{field}: the team’s challenge must name datasets of the portal for its project to become a reuse',
    fr: '{field} : le défi de l’équipe doit citer des jeux de données du portail pour que son projet devienne une réutilisation',
    ar: '{field}: يجب أن يحدد تحدي الفريق مجموعات معطيات من البوابة ليصبح مشروعه إعادة استخدام',
  },
  securityAlwaysSent: {
    en: '{field}: security messages (account) are always e-mailed at once',
    fr: '{field} : les messages de sécurité (compte) sont toujours envoyés immédiatement',
    ar: '{field}: الرسائل الأمنية (الحساب) تُرسل دائما فورا',
  },
  unsubscribeToken: {
    en: '{field}: this unsubscribe link is not valid (it may be incomplete: copy the whole link from the e-mail)',
    fr: '{field} : ce lien de désabonnement n’est pas valide (il est peut-être incomplet : copiez tout le lien de l’e-mail)',
    ar: '{field}: رابط إلغاء الاشتراك هذا غير صالح (قد يكون ناقصا: انسخ الرابط كاملا من الرسالة)',
  },
  notInFuture: {
    en: '{field} must not be in the future',
    fr: '{field} ne doit pas être dans le futur',
    ar: '{field} يجب ألا يكون في المستقبل',
  },
  unknownInstitution: {
    en: '{field}: no institution with the code {0}',
    fr: '{field} : aucune institution avec le code {0}',
    ar: '{field}: لا توجد مؤسسة بالرمز {0}',
  },
  isCurrentVersion: {
    en: '{field} is out of date: the current version is {0}',
    fr: '{field} est périmée : la version actuelle est {0}',
    ar: '{field} متجاوزة: النسخة الحالية هي {0}',
  },
  completedNeeds100: {
    en: '{field} must be 100 when the status is completed',
    fr: '{field} doit valoir 100 quand le statut est « terminé »',
    ar: '{field} يجب أن يساوي 100 عندما تكون الحالة «منجز»',
  },
  wrongPassword: {
    en: '{field} is not your current password',
    fr: "{field} n'est pas votre mot de passe actuel",
    ar: '{field} ليست كلمة المرور الحالية',
  },
  notEmail: {
    en: '{field} must not be your email address',
    fr: '{field} ne doit pas être votre adresse e-mail',
    ar: '{field} يجب ألا تكون بريدك الإلكتروني',
  },
  validResetLink: {
    en: '{field} is expired or already used',
    fr: '{field} a expiré ou a déjà été utilisé',
    ar: '{field} منتهي الصلاحية أو سبق استعماله',
  },
  isEmail: {
    en: '{field} must be an email address',
    fr: '{field} doit être une adresse e-mail',
    ar: '{field} يجب أن يكون بريدا إلكترونيا',
  },
  institutionRequired: {
    en: '{field} is required for this role',
    fr: '{field} est obligatoire pour ce rôle',
    ar: '{field} إلزامي لهذا الدور',
  },
  institutionNotAllowed: {
    en: '{field} must be empty for this role',
    fr: '{field} doit rester vide pour ce rôle',
    ar: '{field} يجب أن يبقى فارغا لهذا الدور',
  },
  emailTaken: {
    en: '{field} is already used by another account',
    fr: '{field} est déjà utilisée par un autre compte',
    ar: '{field} مستعمل من طرف حساب آخر',
  },
  notSelf: {
    en: '{field}: you cannot deactivate or demote your own account',
    fr: '{field} : vous ne pouvez pas désactiver ni rétrograder votre propre compte',
    ar: '{field}: لا يمكنك تعطيل حسابك أو تخفيض دوره',
  },
  oneActiveRod: {
    en: '{field}: this administration already has an active open-data officer (ROD); end that appointment first, or appoint this person as interim',
    fr: "{field} : cette administration a déjà un responsable open data (ROD) actif ; mettez d'abord fin à cette désignation, ou désignez cette personne par intérim",
    ar: '{field}: لهذه الإدارة مسؤول معطيات مفتوحة نشط؛ أنهِ ذلك التعيين أولا أو عيّن هذا الشخص بالنيابة',
  },
  appointmentEnded: {
    en: '{field}: this appointment has ended and can no longer be changed',
    fr: '{field} : cette désignation a pris fin et ne peut plus être modifiée',
    ar: '{field}: انتهى هذا التعيين ولم يعد قابلا للتعديل',
  },
  hasArabicOrFrench: {
    en: '{field} needs text in Arabic or French',
    fr: '{field} doit contenir un texte en arabe ou en français',
    ar: '{field} يجب أن يتضمن نصا بالعربية أو بالفرنسية',
  },
  hasSomeName: {
    en: '{field} needs the name in Arabic or French',
    fr: '{field} doit contenir le nom en arabe ou en français',
    ar: '{field} يجب أن يتضمن الاسم بالعربية أو بالفرنسية',
  },
  matches: {
    en: '{field} is not in the expected format',
    fr: "{field} n'a pas le format attendu",
    ar: '{field} ليس بالصيغة المطلوبة',
  },
  otherInstitution: {
    en: '{field}: you may only import your own administration’s officers',
    fr: '{field} : vous ne pouvez importer que les responsables de votre propre administration',
    ar: '{field}: لا يمكنك استيراد إلا مسؤولي إدارتك',
  },
  duplicateRow: {
    en: '{field}: the same person and role already appear in row {0}',
    fr: '{field} : la même personne avec le même rôle figure déjà à la ligne {0}',
    ar: '{field}: نفس الشخص بنفس الدور مذكور في السطر {0}',
  },
  missingColumn: {
    en: '{field} is missing: start from the template',
    fr: '{field} est absente : partez du modèle',
    ar: '{field} غير موجود: انطلق من النموذج',
  },
  noRows: {
    en: '{field} has no data rows',
    fr: '{field} ne contient aucune ligne de données',
    ar: '{field} لا يتضمن أي سطر',
  },
  readableTable: {
    en: '{field} is not a readable XLSX or CSV (UTF-8) file',
    fr: "{field} n'est pas un fichier XLSX ou CSV (UTF-8) lisible",
    ar: '{field} ليس ملف XLSX أو CSV (UTF-8) مقروءا',
  },
  codeTaken: {
    en: '{field} is already used by another administration',
    fr: '{field} est déjà utilisé par une autre administration',
    ar: '{field} مستعمل من طرف إدارة أخرى',
  },
  parentCycle: {
    en: '{field} cannot be the administration itself or one of those under it',
    fr: "{field} ne peut pas être l'administration elle-même ni l'une de celles qui en dépendent",
    ar: '{field} لا يمكن أن يكون الإدارة نفسها أو إحدى الإدارات التابعة لها',
  },
  hasOtherPortalOrganization: {
    en: '{field}: this administration is already mapped to another portal organisation; unmap it first',
    fr: '{field} : cette administration est déjà rattachée à une autre organisation du portail ; retirez d’abord ce rattachement',
    ar: '{field}: هذه الإدارة مرتبطة بالفعل بمنظمة أخرى في البوابة؛ أزل هذا الربط أولا',
  },
  portalNameTaken: {
    en: '{field} is already the portal name of another administration',
    fr: "{field} est déjà le nom sur le portail d'une autre administration",
    ar: '{field} هو اسم إدارة أخرى على البوابة',
  },
  legalBasisRequired: {
    en: '{field} is required when the item is restricted or not disclosable: name the law or decision that limits its opening',
    fr: "{field} est obligatoire quand l'élément est restreint ou non communicable : citez la loi ou la décision qui en limite l'ouverture",
    ar: '{field} إلزامي عندما يكون العنصر مقيدا أو غير قابل للإفصاح: اذكر القانون أو القرار الذي يحد من فتحه',
  },
  publicNeedsOpen: {
    en: '{field}: only an open item may be shown to the public',
    fr: '{field} : seul un élément ouvert peut être visible du public',
    ar: '{field}: لا يمكن أن يظهر للعموم إلا عنصر مفتوح',
  },
  publishedNeedsOpen: {
    en: '{field}: only an item classified open can be published',
    fr: '{field} : seul un élément classé ouvert peut être publié',
    ar: '{field}: لا يمكن نشر إلا عنصر مصنف مفتوحا',
  },
  referenceTaken: {
    en: '{field} is already used by another item of this administration’s inventory',
    fr: "{field} est déjà utilisée par un autre élément de l'inventaire de cette administration",
    ar: '{field} مستعمل لعنصر آخر في جرد هذه الإدارة',
  },
  duplicateReference: {
    en: '{field}: the same reference already appears in row {0}',
    fr: '{field} : la même référence figure déjà à la ligne {0}',
    ar: '{field}: نفس المرجع مذكور في السطر {0}',
  },
  publishedNotDeletable: {
    en: '{field}: a published item cannot be removed from the inventory; mark it withheld instead',
    fr: "{field} : un élément publié ne peut pas être retiré de l'inventaire ; marquez-le plutôt comme retenu",
    ar: '{field}: لا يمكن حذف عنصر منشور من الجرد؛ صنّفه بدلا من ذلك كمحجوب',
  },
  unknownDataset: {
    en: '{field}: no dataset of this administration on the portal has this identifier',
    fr: "{field} : aucun jeu de données de cette administration sur le portail n'a cet identifiant",
    ar: '{field}: لا توجد مجموعة معطيات لهذه الإدارة في البوابة بهذا المعرّف',
  },
  unknownPortalDataset: {
    en: '{field}: no dataset harvested from the portal has this identifier',
    fr: "{field} : aucun jeu de données moissonné sur le portail n'a cet identifiant",
    ar: '{field}: لا توجد مجموعة معطيات مجمّعة من البوابة بهذا المعرّف',
  },
  isUUID: { en: '{field} must be a UUID', fr: '{field} doit être un UUID', ar: '{field} يجب أن يكون معرّفا UUID' },
  isBoolean: {
    en: '{field} must be true or false',
    fr: '{field} doit être vrai ou faux',
    ar: '{field} يجب أن يكون صحيحا أو خاطئا',
  },
  fileType: {
    en: '{field}: the content of the file is not of an accepted type (checked from its bytes, not its name)',
    fr: "{field} : le contenu du fichier n'est pas d'un type accepté (vérifié d'après ses octets, pas son nom)",
    ar: '{field}: محتوى الملف ليس من نوع مقبول (يُتحقق منه من محتواه الفعلي لا من اسمه)',
  },
  nestedValidation: {
    en: '{field} must be an object or a list of objects',
    fr: "{field} doit être un objet ou une liste d'objets",
    ar: '{field} يجب أن يكون كائنا أو قائمة كائنات',
  },
  noNulCharacter: {
    en: '{field} must not contain a NUL character (\\u0000)',
    fr: '{field} ne doit pas contenir de caractère NUL (\\u0000)',
    ar: '{field} يجب ألا يتضمن الحرف NUL (\\u0000)',
  },
  maxDepth: {
    en: '{field} is nested more than {0} levels deep',
    fr: '{field} est imbriqué sur plus de {0} niveaux',
    ar: '{field} متداخل على أكثر من {0} مستوى',
  },
  maxUnpackedSize: {
    en: '{field} unpacks to more than {0} MB',
    fr: '{field} se décompresse en plus de {0} Mo',
    ar: '{field} يتجاوز {0} ميغابايت بعد فك الضغط',
  },
  maxZipEntries: {
    en: '{field} holds more than {0} parts (an XLSX workbook holds about ten)',
    fr: '{field} contient plus de {0} parties (un classeur XLSX en contient une dizaine)',
    ar: '{field} يتضمن أكثر من {0} جزءا (مصنف XLSX يتضمن حوالي عشرة)',
  },
  maxRows: {
    en: '{field} has more than {0} rows: split it into several files',
    fr: '{field} compte plus de {0} lignes : découpez-le en plusieurs fichiers',
    ar: '{field} يتضمن أكثر من {0} سطر: قسّمه إلى عدة ملفات',
  },
  maxColumns: {
    en: '{field} has more than {0} columns: start from the template',
    fr: '{field} compte plus de {0} colonnes : partez du modèle',
    ar: '{field} يتضمن أكثر من {0} عمودا: انطلق من النموذج',
  },
  maxCellLength: {
    en: '{field}: a cell of row {1} holds more than {0} characters',
    fr: '{field} : une cellule de la ligne {1} contient plus de {0} caractères',
    ar: '{field}: خلية في السطر {1} تتضمن أكثر من {0} حرفا',
  },
  maxLineLength: {
    en: '{field}: line {1} is longer than {0} characters',
    fr: '{field} : la ligne {1} dépasse {0} caractères',
    ar: '{field}: السطر {1} يتجاوز {0} حرفا',
  },
  parseTime: {
    en: '{field} could not be read within {0} seconds',
    fr: "{field} n'a pas pu être lu en {0} secondes",
    ar: '{field} تعذرت قراءته في غضون {0} ثانية',
  },
  parseMemory: {
    en: '{field} needs more than {0} MB of memory to read',
    fr: '{field} demande plus de {0} Mo de mémoire pour être lu',
    ar: '{field} يحتاج أكثر من {0} ميغابايت من الذاكرة لقراءته',
  },
};

export const GENERIC_RULE: Catalogue = {
  en: '{field} breaks the rule "{rule}"',
  fr: '{field} ne respecte pas la règle « {rule} »',
  ar: '{field} لا يحترم القاعدة «{rule}»',
};

export function format(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    params[key] === undefined ? match : String(params[key]),
  );
}
