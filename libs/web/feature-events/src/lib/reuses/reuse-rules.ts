import {
  REUSE_ORIGINS,
  REUSE_STATUSES,
  REUSER_TYPES,
  type FieldError,
  type PartialLocalizedText,
  type ProposeReuseRequest,
  type ReuseOrigin,
  type ReuseQuery,
  type ReuserType,
  type ReuseStatus,
  type ReuseView,
  type UpdateReuseRequest,
} from '@marsad/contracts';

/** Cards come in rows of one, two or three: twelve fill each. */
export const REUSES_PAGE_SIZE = 12;
/** The scorecard's short list. */
export const SCORECARD_REUSES = 5;

const CODE = /^[A-Za-z0-9._-]{1,64}$/;

/** What the showcase's URL may say. */
export interface ReusesParams {
  theme?: string;
  institution?: string;
  reuserType?: string;
  status?: string;
  page?: string;
}

/**
 * The showcase's query from the URL's query string; anything unknown is left out. Coordinators read one
 * status at a time (published by default); others are never sent one, they only ever see published reuses.
 */
export function reusesQueryFrom(params: ReusesParams, moderator: boolean): ReuseQuery {
  const query: ReuseQuery = { pageSize: REUSES_PAGE_SIZE };
  const theme = params.theme?.trim();
  if (theme && theme.length <= 100) query.theme = theme;
  if (params.institution && CODE.test(params.institution)) query.institution = params.institution;
  if (params.reuserType && (REUSER_TYPES as readonly string[]).includes(params.reuserType))
    query.reuserType = params.reuserType as ReuserType;
  if (moderator)
    query.status =
      params.status && (REUSE_STATUSES as readonly string[]).includes(params.status)
        ? (params.status as ReuseStatus)
        : 'published';
  const page = Number(params.page);
  if (Number.isInteger(page) && page > 1) query.page = page;
  return query;
}

export function isNarrowed(query: ReuseQuery): boolean {
  return !!(query.theme || query.institution || query.reuserType);
}

/** The moderation buttons a reuse offers: publish what is not shown, reject (or withdraw) what is not rejected. */
export function canPublish(status: ReuseStatus): boolean {
  return status !== 'published';
}
export function canReject(status: ReuseStatus): boolean {
  return status !== 'rejected';
}

/** A dataset as the form holds it: enough to show its chip. */

export interface ReuseFormValue {
  titleAr: string;
  titleFr: string;
  descriptionAr: string;
  descriptionFr: string;
  reuserType: ReuserType | '';
  origin: ReuseOrigin;
  url: string;
  datasetIds: string[];
  contactEmail: string;
  /** The honeypot: a person never sees it, so it stays empty. */
  website: string;
}

export function emptyReuseForm(): ReuseFormValue {
  return {
    titleAr: '',
    titleFr: '',
    descriptionAr: '',
    descriptionFr: '',
    reuserType: '',
    origin: 'spontaneous',
    url: '',
    datasetIds: [],
    contactEmail: '',
    website: '',
  };
}

/** The form filled with a reuse, for a coordinator to change it. */
export function formFromReuse(reuse: ReuseView): ReuseFormValue {
  return {
    titleAr: reuse.title.ar ?? '',
    titleFr: reuse.title.fr ?? '',
    descriptionAr: reuse.description.ar ?? '',
    descriptionFr: reuse.description.fr ?? '',
    reuserType: reuse.reuserType,
    origin: REUSE_ORIGINS.includes(reuse.origin) ? reuse.origin : 'spontaneous',
    url: reuse.url,
    datasetIds: reuse.datasets.map((d) => d.portalId),
    contactEmail: '',
    website: '',
  };
}

/** The Arabic and French texts, trimmed; a language left empty is left out (another one already there is kept). */
function texts(ar: string, fr: string, keep: PartialLocalizedText = {}): PartialLocalizedText {
  const out: PartialLocalizedText = {};
  if (ar.trim()) out.ar = ar.trim();
  if (fr.trim()) out.fr = fr.trim();
  if (keep.en?.trim()) out.en = keep.en;
  return out;
}

const hasText = (t: PartialLocalizedText) => !!(t.ar || t.fr || t.en);

/** What is still missing before the form may be sent. */
export interface ReuseGaps {
  title: boolean;
  description: boolean;
  datasets: boolean;
}

export function reuseGaps(value: ReuseFormValue): ReuseGaps {
  return {
    title: !value.titleAr.trim() && !value.titleFr.trim(),
    description: !value.descriptionAr.trim() && !value.descriptionFr.trim(),
    datasets: value.datasetIds.length === 0,
  };
}

/** The proposal the public form sends; null while a required part is missing. */
export function proposeRequest(value: ReuseFormValue): ProposeReuseRequest | null {
  const title = texts(value.titleAr, value.titleFr);
  const description = texts(value.descriptionAr, value.descriptionFr);
  const url = value.url.trim();
  if (!hasText(title) || !hasText(description) || !value.reuserType || !url || !value.datasetIds.length) return null;
  return {
    title,
    description,
    reuserType: value.reuserType,
    url,
    origin: value.origin,
    datasetIds: [...value.datasetIds],
    contactEmail: value.contactEmail.trim() || null,
    website: value.website,
  };
}

/** A coordinator's change of a reuse, on the version they read; null while a required part is missing. */
export function updateRequest(reuse: ReuseView, value: ReuseFormValue): UpdateReuseRequest | null {
  const title = texts(value.titleAr, value.titleFr, reuse.title);
  const description = texts(value.descriptionAr, value.descriptionFr, reuse.description);
  const url = value.url.trim();
  if (!hasText(title) || !hasText(description) || !value.reuserType || !url || !value.datasetIds.length) return null;
  return {
    version: reuse.version,
    title,
    description,
    reuserType: value.reuserType,
    url,
    origin: value.origin,
    datasetIds: [...value.datasetIds],
  };
}

/**
 * The API's field paths as the form's controls: the languages of the title and the description, and an
 * item of the datasets (`datasetIds.3`) on the datasets' control.
 */
export function reuseFieldsToControls(fields: readonly FieldError[]): FieldError[] {
  return fields.map((f) => {
    if (f.field === 'title' || f.field === 'title.fr') return { ...f, field: 'titleFr' };
    if (f.field === 'title.ar') return { ...f, field: 'titleAr' };
    if (f.field === 'description' || f.field === 'description.fr') return { ...f, field: 'descriptionFr' };
    if (f.field === 'description.ar') return { ...f, field: 'descriptionAr' };
    if (/^datasetIds(\.\d+)?$/.test(f.field)) return { ...f, field: 'datasetIds' };
    return f;
  });
}
