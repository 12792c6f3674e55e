import type { AppointmentStatus, InstitutionType, OfficerRole } from '@marsad/contracts';

// Literal keys, so the translation check finds every one.
export { INSTITUTION_TYPE_KEYS } from '@marsad/web/ui';

/** Plural labels, for chart axes and coverage tables. */
export const INSTITUTION_TYPE_PLURAL_KEYS: Record<InstitutionType, string> = {
  ministry: 'institutionTypesPlural.ministry',
  public_institution: 'institutionTypesPlural.public_institution',
  public_enterprise: 'institutionTypesPlural.public_enterprise',
  independent_authority: 'institutionTypesPlural.independent_authority',
  region: 'institutionTypesPlural.region',
  province: 'institutionTypesPlural.province',
  commune: 'institutionTypesPlural.commune',
  other: 'institutionTypesPlural.other',
};

export const OFFICER_ROLE_KEYS: Record<OfficerRole, string> = {
  ROD: 'officers.roles.ROD',
  GDD: 'officers.roles.GDD',
};

export const OFFICER_ROLE_SHORT_KEYS: Record<OfficerRole, string> = {
  ROD: 'officers.rolesShort.ROD',
  GDD: 'officers.rolesShort.GDD',
};

export const APPOINTMENT_STATUS_KEYS: Record<AppointmentStatus, string> = {
  active: 'officers.statuses.active',
  interim: 'officers.statuses.interim',
  ended: 'officers.statuses.ended',
};

/** Subtypes the source uses; unknown ones are shown as they come. */
export const SUBTYPE_KEYS: Record<string, string> = {
  prefecture: 'institutionSubtypes.prefecture',
  province: 'institutionSubtypes.province',
  prefecture_of_arrondissements: 'institutionSubtypes.prefecture_of_arrondissements',
  urban: 'institutionSubtypes.urban',
  rural: 'institutionSubtypes.rural',
};
