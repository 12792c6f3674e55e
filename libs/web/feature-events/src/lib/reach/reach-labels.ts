import type { AudienceCategory, EventType, InstitutionType } from '@marsad/contracts';

// Literal keys, so the translation check finds every one.
export const EVENT_TYPE_KEYS: Record<EventType, string> = {
  workshop: 'reach.eventTypes.workshop',
  training: 'reach.eventTypes.training',
  promotion: 'reach.eventTypes.promotion',
  hackathon: 'reach.eventTypes.hackathon',
  other: 'reach.eventTypes.other',
};

export const CATEGORY_KEYS: Record<AudienceCategory, string> = {
  officers: 'reach.categories.officers',
  data_managers: 'reach.categories.data_managers',
  civil_servants: 'reach.categories.civil_servants',
  students_researchers: 'reach.categories.students_researchers',
  startups_companies: 'reach.categories.startups_companies',
  civil_society: 'reach.categories.civil_society',
  media: 'reach.categories.media',
};

export const TYPE_PLURAL_KEYS: Record<InstitutionType, string> = {
  ministry: 'institutionTypesPlural.ministry',
  public_institution: 'institutionTypesPlural.public_institution',
  public_enterprise: 'institutionTypesPlural.public_enterprise',
  independent_authority: 'institutionTypesPlural.independent_authority',
  region: 'institutionTypesPlural.region',
  province: 'institutionTypesPlural.province',
  commune: 'institutionTypesPlural.commune',
  other: 'institutionTypesPlural.other',
};

/** Colours of the charts: the registry's ROD green and GdD blue, then distinct hues for the other audiences. */
export const ROLE_COLORS = { rod: '#1b6b3a', gdd: '#1f63c6' };

export const CATEGORY_COLORS: Record<AudienceCategory, string> = {
  officers: '#1b6b3a',
  data_managers: '#1f63c6',
  civil_servants: '#b26a00',
  students_researchers: '#6a3fb5',
  startups_companies: '#a11d1d',
  civil_society: '#00798c',
  media: '#5c6670',
};

export const EVENT_COLORS = { held: '#0b4f2a', planned: '#9aa3ad' };
