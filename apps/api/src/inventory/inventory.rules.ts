import { normaliseFormat } from '@marsad/contracts';
import type { RuleViolation } from '../common/errors/app-exception';
import { normalizeForSearch } from '../common/text/search-normalize.util';
import type { InventoryItem } from './entities/inventory-item.entity';

/** What a person (or a spreadsheet row) says about an item; the match is kept apart. */
export type InventoryFields = Pick<
  InventoryItem,
  | 'reference'
  | 'title'
  | 'description'
  | 'theme'
  | 'owningUnit'
  | 'classification'
  | 'legalBasis'
  | 'priority'
  | 'plannedDate'
  | 'frequency'
  | 'formats'
  | 'status'
  | 'public'
>;

/** Where each cross-field rule points: API field names by default, spreadsheet columns for imports. */
export interface InvariantFieldNames {
  legalBasis: string;
  public: string;
  status: string;
}

const API_FIELDS: InvariantFieldNames = { legalBasis: 'legalBasis', public: 'public', status: 'status' };

/**
 * The rules that bind fields together, checked on the item as it will be (after a PATCH
 * merges into it, or as a row reads): restricted and not-disclosable items need a legal
 * basis; only open items may be public or published.
 */
export function inventoryInvariantViolations(
  item: Pick<InventoryFields, 'classification' | 'legalBasis' | 'public' | 'status'>,
  fields = API_FIELDS,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (item.classification !== 'open' && !item.legalBasis?.trim())
    violations.push({ field: fields.legalBasis, rule: 'legalBasisRequired' });
  if (item.public && item.classification !== 'open') violations.push({ field: fields.public, rule: 'publicNeedsOpen' });
  if (item.status === 'published' && item.classification !== 'open')
    violations.push({ field: fields.status, rule: 'publishedNeedsOpen' });
  return violations;
}

/** `csv`, `.CSV`, `text/csv` → `CSV`, once each, in the order given; blanks dropped. */
export function normaliseFormats(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of raw) {
    const format = normaliseFormat(value);
    if (format && !out.includes(format)) out.push(format);
  }
  return out;
}

/**
 * `search_text`: three lines, the normalised French title, the normalised Arabic title and
 * the normalised reference. Search looks through all three; matching to portal datasets
 * compares the first two with `portal_datasets.title_key` (split_part in SQL).
 */
export function inventorySearchText(item: Pick<InventoryItem, 'title' | 'reference'>): string {
  return [
    normalizeForSearch(item.title.fr),
    normalizeForSearch(item.title.ar),
    normalizeForSearch(item.reference),
  ].join('\n');
}

/** An empty or blank text is no text. */
export const textOrNull = (value: string | null | undefined): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

/** The item's fields as the audit trail and the import compare them. */
export function inventorySnapshot(item: Omit<InventoryFields, 'reference'>) {
  return {
    title: item.title,
    description: item.description,
    theme: item.theme,
    owningUnit: item.owningUnit,
    classification: item.classification,
    legalBasis: item.legalBasis,
    priority: item.priority,
    plannedDate: item.plannedDate,
    frequency: item.frequency,
    formats: item.formats,
    status: item.status,
    public: item.public,
  };
}
