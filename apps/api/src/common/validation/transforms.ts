/** class-transformer helpers shared by the DTOs: what a field is normalised to before it is validated. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const lowerCased = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** A phone number as people write it: digits, spaces, dots, dashes, brackets, an optional leading +. */
export const PHONE_PATTERN = /^\+?[0-9 ().-]{6,20}$/;
