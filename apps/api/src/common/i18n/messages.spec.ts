import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOCALES } from '@marsad/contracts';
import { getMetadataStorage } from 'class-validator';
import { ENTITY_NAMES, RULE_MESSAGES } from './messages';

// Every entity key and rule name the API can put in an error must have its words in ar, fr and en,
// or the caller reads a raw key ("No harvest_run with…", "breaks the rule "fileType""). The keys are
// collected from the sources themselves, so a new call site without a label fails here.

const SRC = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path); // test helpers, not the product
    return entry.name.endsWith('.ts') && !/\.(spec|integration-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

const SOURCES = sourceFiles(SRC).map((path) => ({ path, file: relative(SRC, path), text: readFileSync(path, 'utf8') }));

/** The first capture group of every match in the sources, with the files it was found in. */
function collect(pattern: RegExp): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { file, text } of SOURCES) {
    for (const match of text.matchAll(pattern)) found.set(match[1], [...(found.get(match[1]) ?? []), file]);
  }
  return found;
}

/** Keys of `found` whose catalogue entry is missing or blank in some language, with where they are used. */
function unlabelled(
  found: Map<string, string[]>,
  catalogue: Record<string, Partial<Record<string, string>>>,
): string[] {
  return [...found]
    .flatMap(([key, files]) =>
      LOCALES.filter((locale) => !catalogue[key]?.[locale]?.trim()).map(
        (locale) => `${key} (${locale}), used in ${[...new Set(files)].join(', ')}`,
      ),
    )
    .sort();
}

describe('error message catalogues', () => {
  describe('entity names', () => {
    const entities = collect(/\b(?:notFound|versionConflict)\(\s*'([^']+)'/g);
    for (const [key, files] of collect(/new UuidParamPipe\(\s*'([^']+)'/g))
      entities.set(key, [...(entities.get(key) ?? []), ...files]);

    it('finds the call sites (the patterns still match the code)', () => {
      expect(entities.size).toBeGreaterThanOrEqual(10);
      expect([...entities.keys()]).toEqual(
        expect.arrayContaining(['activity', 'institution', 'harvestRun', 'portalOrganization']),
      );
    });

    it('has a label in every language for every entity an error can name', () => {
      expect(unlabelled(entities, ENTITY_NAMES)).toEqual([]);
    });

    it('spells every entity key one way: camelCase, like the catalogue', () => {
      const badlySpelled = [...entities.keys(), ...Object.keys(ENTITY_NAMES)].filter(
        (key) => !/^[a-z][a-zA-Z]*$/.test(key),
      );
      expect(badlySpelled).toEqual([]);
    });

    it('passes entity keys as literals, so the collection above sees them all', () => {
      const computed = SOURCES.filter(({ text }) => /\b(?:notFound|versionConflict)\(\s*[^'\s]/.test(text)).map(
        ({ file }) => file,
      );
      // UuidParamPipe forwards the key given to `new UuidParamPipe('…')`, collected above;
      // AppException declares the factories themselves.
      expect(computed.sort()).toEqual(['common/errors/app-exception.ts', 'common/pipes/uuid-param.pipe.ts']);
    });
  });

  describe('rule messages', () => {
    it('has a message in every language for every rule written in the services', () => {
      const rules = collect(/\brule: '(\w+)'/g);
      // The import services report row problems through a local `flag(column, rule, args)`.
      for (const [rule, files] of collect(/\bflag\(\s*(?:'[^']*'|\w+)\s*,\s*'(\w+)'/g))
        rules.set(rule, [...(rules.get(rule) ?? []), ...files]);
      expect(rules.size).toBeGreaterThanOrEqual(30);
      expect([...rules.keys()]).toEqual(expect.arrayContaining(['fileType', 'oneActiveRod', 'duplicateRow']));
      expect(unlabelled(rules, RULE_MESSAGES)).toEqual([]);
    });

    it('has a message in every language for every class-validator constraint of the DTOs', async () => {
      const storage = getMetadataStorage();
      const constraints = new Map<string, string[]>();
      const dtoFiles = SOURCES.filter(({ file }) => file.endsWith('.dto.ts'));
      expect(dtoFiles.length).toBeGreaterThanOrEqual(10);
      for (const { path, file } of dtoFiles) {
        const exported: Record<string, unknown> = await import(path);
        for (const dto of Object.values(exported)) {
          if (typeof dto !== 'function') continue;
          for (const metadata of storage.getTargetValidationMetadatas(dto, '', true, false)) {
            // @IsOptional and @ValidateIf only decide whether the other rules run: they never fail.
            if (metadata.type === 'conditionalValidation') continue;
            const names =
              metadata.type === 'customValidation'
                ? storage.getTargetValidatorConstraints(metadata.constraintCls).map((constraint) => constraint.name)
                : [metadata.type];
            for (const name of names) constraints.set(name, [...(constraints.get(name) ?? []), file]);
          }
        }
      }
      expect([...constraints.keys()]).toEqual(
        expect.arrayContaining(['maxLength', 'isIn', 'isIsoDate', 'hasSomeLocale', 'nestedValidation']),
      );
      expect(unlabelled(constraints, RULE_MESSAGES)).toEqual([]);
    });
  });
});
