import {
  AUDIENCE_CATEGORIES,
  EVENT_STATUSES,
  EVENT_TYPES,
  type AudienceCategory,
  type EventDetail,
  type EventFormat,
  type EventMaterial,
  type EventParticipantsRequest,
  type EventQuery,
  type EventStatus,
  type EventType,
  type FieldError,
  type PartialLocalizedText,
  type SaveEventRequest,
} from '@marsad/contracts';

export const EVENTS_PAGE_SIZE = 20;
/** The plan started in 2021: no event before. */
export const FIRST_EVENT_YEAR = 2021;

/** The list's query from the URL's query string; anything unknown is left out. */
export function eventsQueryFrom(params: { type?: string; status?: string; year?: string; page?: string }): EventQuery {
  const query: EventQuery = { pageSize: EVENTS_PAGE_SIZE };
  if (params.type && (EVENT_TYPES as readonly string[]).includes(params.type)) query.type = params.type as EventType;
  if (params.status && (EVENT_STATUSES as readonly string[]).includes(params.status))
    query.status = params.status as EventStatus;
  const year = Number(params.year);
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) query.year = year;
  const page = Number(params.page);
  if (Number.isInteger(page) && page > 1) query.page = page;
  return query;
}

export function isNarrowed(query: EventQuery): boolean {
  return !!(query.type || query.status || query.year);
}

/** The years a reader may pick, newest first: from the plan's start to next year. */
export function yearOptions(now = new Date()): number[] {
  const years: number[] = [];
  for (let y = now.getFullYear() + 1; y >= FIRST_EVENT_YEAR; y--) years.push(y);
  return years;
}

/** Participants counted by hand: officers and data managers come from the register. */
export type CountedCategory = Exclude<AudienceCategory, 'officers' | 'data_managers'>;
export const COUNTED_CATEGORIES = AUDIENCE_CATEGORIES.filter(
  (c): c is CountedCategory => c !== 'officers' && c !== 'data_managers',
);

/** Where the event takes place: a division when someone travels, a link when someone connects. */
export function hasPlace(format: EventFormat | ''): boolean {
  return format !== 'online';
}
export function hasLink(format: EventFormat | ''): boolean {
  return format === 'online' || format === 'hybrid';
}

export interface EventFormValue {
  type: EventType | '';
  titleAr: string;
  titleFr: string;
  startsOn: string;
  endsOn: string;
  format: EventFormat | '';
  placeCode: string;
  onlineUrl: string;
  organiserCode: string;
  partners: string[];
  audiences: AudienceCategory[];
  capacity: number | null;
  status: EventStatus;
  materials: EventMaterial[];
  activityCodes: string[];
}

export function emptyEventForm(): EventFormValue {
  return {
    type: '',
    titleAr: '',
    titleFr: '',
    startsOn: '',
    endsOn: '',
    format: 'in_person',
    placeCode: '',
    onlineUrl: '',
    organiserCode: '',
    partners: [],
    audiences: [],
    capacity: null,
    status: 'planned',
    materials: [],
    activityCodes: [],
  };
}

/** The form filled with an event, for editing it. */
export function formFromEvent(event: EventDetail): EventFormValue {
  return {
    type: event.type,
    titleAr: event.title.ar ?? '',
    titleFr: event.title.fr ?? '',
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    format: event.format,
    placeCode: event.place?.code ?? '',
    onlineUrl: event.onlineUrl ?? '',
    organiserCode: event.organiser?.code ?? '',
    partners: [...event.partners],
    audiences: [...event.audiences],
    capacity: event.capacity,
    status: event.status,
    materials: event.materials.map((m) => ({ ...m })),
    activityCodes: [...event.activityCodes],
  };
}

/** The request the form sends; null while a required part (type, a title, dates, format) is missing. */
export function eventRequest(value: EventFormValue): SaveEventRequest | null {
  const title: PartialLocalizedText = {
    ...(value.titleAr.trim() ? { ar: value.titleAr.trim() } : {}),
    ...(value.titleFr.trim() ? { fr: value.titleFr.trim() } : {}),
  };
  if (!value.type || !value.format || !value.startsOn || !value.endsOn || (!title.ar && !title.fr)) return null;
  return {
    type: value.type,
    title,
    startsOn: value.startsOn,
    endsOn: value.endsOn,
    format: value.format,
    placeCode: hasPlace(value.format) ? value.placeCode || null : null,
    onlineUrl: hasLink(value.format) ? value.onlineUrl.trim() || null : null,
    organiserCode: value.organiserCode || null,
    partners: value.partners.map((p) => p.trim()).filter(Boolean),
    audiences: value.audiences,
    capacity: value.capacity === null || (value.capacity as unknown) === '' ? null : Number(value.capacity),
    status: value.status,
    materials: value.materials
      .map((m) => ({ title: m.title.trim(), url: m.url.trim() }))
      .filter((m) => m.title || m.url),
    activityCodes: value.activityCodes,
  };
}

/**
 * The API's field paths as the form's controls: the title's languages, and an item of a list
 * (`activityCodes.0`, `partners.2`) on the list's control.
 */
export function eventFieldsToControls(fields: readonly FieldError[]): FieldError[] {
  return fields.map((f) => {
    if (f.field === 'title' || f.field === 'title.fr') return { ...f, field: 'titleFr' };
    if (f.field === 'title.ar') return { ...f, field: 'titleAr' };
    const list = /^(activityCodes|partners|audiences)\.\d+$/.exec(f.field);
    return list ? { ...f, field: list[1] } : f;
  });
}

/** The counts that differ from the event's, as the participants request sends them. */
export function countChanges(
  event: EventDetail,
  draft: Readonly<Partial<Record<CountedCategory, number | null>>>,
): NonNullable<EventParticipantsRequest['counts']> {
  const current = new Map(event.byCategory.map((c) => [c.category, c.count]));
  return COUNTED_CATEGORIES.filter((c) => c in draft)
    .map((category) => ({ category, count: Math.max(0, Math.trunc(Number(draft[category] ?? 0) || 0)) }))
    .filter((c) => c.count !== (current.get(c.category) ?? 0));
}

/** Where a planned event goes: it was held, or it was cancelled. */
export type StatusMove = Exclude<EventStatus, 'planned'>;

/** The status buttons on a planned event; a held or cancelled one changes through the form. */
export function statusMoves(status: EventStatus): StatusMove[] {
  return status === 'planned' ? ['held', 'cancelled'] : [];
}
