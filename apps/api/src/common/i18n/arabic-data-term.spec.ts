import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ENTITY_NAMES, ERROR_MESSAGES, RULE_MESSAGES } from './messages';

// Morocco's official Arabic for "data" is المعطيات, never the other common word (BAYANAT below): the API's
// messages, e-mails, packs, exports and demo texts say it as the web app does. The plan's own texts
// (seed/data, JSON) are quoted as published and are not scanned.
const BAYANAT = '\u0628\u064a\u0627\u0646\u0627\u062a'; // the word, spelled out so this file does not match itself

const SRC = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the Arabic word for data', () => {
  it('is المعطيات in every Arabic message of the catalogues', () => {
    const offending = Object.entries({ ...ERROR_MESSAGES, ...ENTITY_NAMES, ...RULE_MESSAGES })
      .filter(([, catalogue]) => catalogue.ar?.includes(BAYANAT))
      .map(([key]) => key);
    expect(offending).toEqual([]);
  });

  it('is المعطيات in every text of the API’s sources (templates, packs, exports, demo data)', () => {
    const offending = sourceFiles(SRC)
      .filter((path) => readFileSync(path, 'utf8').includes(BAYANAT))
      .map((path) => relative(SRC, path));
    expect(offending).toEqual([]);
  });
});
