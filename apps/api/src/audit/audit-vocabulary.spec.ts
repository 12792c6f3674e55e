import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@marsad/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The API's sources (tests and migrations aside). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !/\.(spec|integration-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

// The types already refuse an unknown code passed to AuditService; this also catches one written around it.
describe('the audit vocabulary', () => {
  const files = sources(join(__dirname, '..')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const found = (pattern: RegExp) => [
    ...new Set(files.flatMap(({ text }) => [...text.matchAll(pattern)].map((m) => m[1]))),
  ];

  it('holds every action the code writes', () => {
    const actions = found(/\baction: '([a-z_-]+\.[a-z_-]+)'/g);
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });

  it('holds every entity type the code writes', () => {
    const types = found(/\bentityType: '([a-z_-]+)'/g);
    expect(types.length).toBeGreaterThan(3);
    expect(types.filter((type) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(type))).toEqual([]);
  });

  // The national generator writes a past year of trail in bulk, not a change; its integration spec holds its codes to the vocabulary.
  const BULK_HISTORY = join('seed', 'national', 'national-trail.ts');

  it('is written by AuditService alone', () => {
    const writers = files.filter(
      ({ path, text }) =>
        !path.endsWith(join('audit', 'audit.service.ts')) &&
        !path.endsWith(BULK_HISTORY) &&
        /INSERT INTO audit_events|getRepository\(AuditEvent\)\.(insert|save)/.test(text),
    );
    expect(writers.map(({ path }) => path)).toEqual([]);
  });

  it('has no duplicates', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_ENTITY_TYPES).size).toBe(AUDIT_ENTITY_TYPES.length);
  });
});
