import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditEventView } from '@marsad/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUDIT_ACTION_KEYS,
  AUDIT_ENTITY_KEYS,
  AUDIT_FIELD_KEYS,
  auditActionKey,
  auditDiffRows,
  auditEntityKey,
} from './audit-format';

const ROOT = join(__dirname, '../../../../../..');
const LOCALES = ['ar', 'fr', 'en'] as const;
const translations = LOCALES.map((locale) => ({
  locale,
  json: JSON.parse(readFileSync(join(ROOT, `apps/web/public/i18n/${locale}.json`), 'utf8')) as unknown,
}));

/** The text at a dotted key, or undefined. */
function textAt(json: unknown, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      json,
    );
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The codes whose label is missing in some language, as `code (locale)`. */
function unlabelled(codes: readonly string[], keyOf: (code: string) => string | null | undefined): string[] {
  return codes.flatMap((code) => {
    const key = keyOf(code);
    return translations.filter(({ json }) => !key || !textAt(json, key)).map(({ locale }) => `${code} (${locale})`);
  });
}

describe('audit labels', () => {
  it('name every action the API records, in ar, fr and en', () => {
    expect(unlabelled(AUDIT_ACTIONS, auditActionKey)).toEqual([]);
    expect(Object.keys(AUDIT_ACTION_KEYS).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('name every entity type, in ar, fr and en', () => {
    expect(unlabelled(AUDIT_ENTITY_TYPES, auditEntityKey)).toEqual([]);
    expect(Object.keys(AUDIT_ENTITY_KEYS).sort()).toEqual([...AUDIT_ENTITY_TYPES].sort());
  });

  it('name every diff field they map, in ar, fr and en', () => {
    expect(unlabelled(Object.keys(AUDIT_FIELD_KEYS), (field) => AUDIT_FIELD_KEYS[field])).toEqual([]);
  });

  it('show a code outside the vocabulary as it comes', () => {
    expect(auditActionKey('something.else')).toBeNull();
    expect(auditEntityKey('something')).toBeNull();
  });

  it('label the fields of an inventory item and an administration', () => {
    const event = {
      diff: {
        owningUnit: { before: null, after: 'DEPF' },
        portalOrgName: { before: null, after: 'mef' },
        via: { before: null, after: 'import' },
      },
    } as unknown as AuditEventView;
    const rows = auditDiffRows(
      event,
      'fr',
      (key) => key,
      () => null,
    );
    expect(rows.map((row) => row.labelKey)).toEqual([
      'audit.fields.owningUnit',
      'audit.fields.portalOrgName',
      'audit.fields.via',
    ]);
  });
});
