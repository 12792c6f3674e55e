import type { LocalizedText, PartialLocalizedText } from '@marsad/contracts';

/** Column type for text stored per locale ({ar, fr, en}). */
export type LocalizedColumn = LocalizedText;
export type PartialLocalizedColumn = PartialLocalizedText;

/** TypeORM hands `date` columns back as strings; keep them as ISO dates. */
export const DATE_COLUMN = { type: 'date' as const };

/** numeric comes back from pg as a string; weights are small decimals. */
export const numericTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
