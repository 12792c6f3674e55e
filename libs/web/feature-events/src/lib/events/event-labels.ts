import type { AudienceCategory, EventFormat, EventStatus, EventType, OfficerRole } from '@marsad/contracts';

// Every value written out, so the translation-key check can see each key.
export const EVENT_TYPE_KEYS: Record<EventType, string> = {
  workshop: 'events.types.workshop',
  training: 'events.types.training',
  promotion: 'events.types.promotion',
  hackathon: 'events.types.hackathon',
  other: 'events.types.other',
};

export const EVENT_FORMAT_KEYS: Record<EventFormat, string> = {
  in_person: 'events.formats.in_person',
  online: 'events.formats.online',
  hybrid: 'events.formats.hybrid',
};

export const EVENT_STATUS_KEYS: Record<EventStatus, string> = {
  planned: 'events.statuses.planned',
  held: 'events.statuses.held',
  cancelled: 'events.statuses.cancelled',
};

export const EVENT_STATUS_GLYPHS: Record<EventStatus, string> = {
  planned: '◷',
  held: '✓',
  cancelled: '✕',
};

export const AUDIENCE_KEYS: Record<AudienceCategory, string> = {
  officers: 'events.audiences.officers',
  data_managers: 'events.audiences.data_managers',
  civil_servants: 'events.audiences.civil_servants',
  students_researchers: 'events.audiences.students_researchers',
  startups_companies: 'events.audiences.startups_companies',
  civil_society: 'events.audiences.civil_society',
  media: 'events.audiences.media',
};

export const OFFICER_ROLE_KEYS: Record<OfficerRole, string> = {
  ROD: 'officers.roles.ROD',
  GDD: 'officers.roles.GDD',
};
