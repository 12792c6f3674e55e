import type { LocalizedText } from './locale';

export const INSTITUTION_TYPES = [
  'ministry',
  'public_institution',
  'public_enterprise',
  'independent_authority',
  'region',
  'province',
  'commune',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export interface InstitutionRef {
  code: string;
  name: LocalizedText;
  type: InstitutionType;
}
