import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDivisions, readCsv } from './divisions-import.service';

describe('divisions CSV', () => {
  it('reads a quoted name holding a comma as one cell', () => {
    const dir = mkdtempSync(join(tmpdir(), 'divisions-'));
    const path = join(dir, 'regions.csv');
    writeFileSync(path, 'code,name_fr,name_ar\n01,"Tanger, Tétouan, Al Hoceïma",طنجة\n');
    expect(readCsv(path)).toEqual([{ code: '01', name_fr: 'Tanger, Tétouan, Al Hoceïma', name_ar: 'طنجة' }]);
  });

  it('still reads the shipped files, the 12 regions among them', () => {
    const rows = loadDivisions();
    expect(rows.filter((r) => r.type === 'region')).toHaveLength(12);
    expect(rows.every((r) => r.code && r.nameFr && r.nameAr)).toBe(true);
  });
});
