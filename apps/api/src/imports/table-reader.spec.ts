import { TABLE_FILE_LIMITS } from '@marsad/contracts';
import ExcelJS from 'exceljs';
import { AppException } from '../common/errors/app-exception';
import { hugeSharedString, manyRows, sheetXml, workbookParts, zipOf } from './testing/hostile-files';
import { neutralizeFormula, readTable, unneutralized, writeTable } from './table-file.util';
import { readRawTable } from './table-reader';

/** The rule a refused file broke, with its status. */
async function refusalOf(promise: Promise<unknown>): Promise<{ status: number; rule: string; args: unknown[] }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof AppException)) throw error;
    return { status: error.status, rule: error.fields[0]?.rule ?? error.code, args: error.fields[0]?.args ?? [] };
  }
  throw new Error('the file was accepted');
}

const cellRow = (r: number, cells: string[]) =>
  `<row r="${r}">${cells.map((text, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`;

describe('reading an uploaded spreadsheet within limits', () => {
  it('reads a well-formed XLSX and CSV as rows of text', async () => {
    const xlsx = await zipOf(
      workbookParts(sheetXml(cellRow(1, ['code', 'name']) + cellRow(2, ['HCP', 'Haut-Commissariat']))),
    );
    expect(await readRawTable(xlsx)).toEqual([
      { row: 1, cells: ['code', 'name'] },
      { row: 2, cells: ['HCP', 'Haut-Commissariat'] },
    ]);
    const csv = Buffer.from('\uFEFFcode,name\nMEF,"Économie, Finances"\n', 'utf8');
    expect(await readRawTable(csv)).toEqual([
      { row: 1, cells: ['code', 'name'] },
      { row: 2, cells: ['MEF', 'Économie, Finances'] },
    ]);
  });

  it('refuses a 400 MB shared string packed in a few hundred kB before building it (decompression bomb)', async () => {
    const bomb = await zipOf(workbookParts(sheetXml(cellRow(1, ['code'])), hugeSharedString(400)));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    expect(await refusalOf(readRawTable(bomb))).toEqual({ status: 413, rule: 'maxUnpackedSize', args: [40] });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a part whose real size is larger than the size its headers declare', async () => {
    const parts = workbookParts(sheetXml(cellRow(1, ['code'])), hugeSharedString(60));
    parts[5].declaredSize = 1000;
    expect((await refusalOf(readRawTable(await zipOf(parts)))).rule).toBe('maxUnpackedSize');
  });

  it('counts rows before parsing: 500,000 rows are refused', async () => {
    const file = await zipOf(workbookParts(manyRows(500_000)));
    const started = Date.now();
    expect(await refusalOf(readRawTable(file))).toEqual({
      status: 413,
      rule: 'maxRows',
      args: [TABLE_FILE_LIMITS.maxRows],
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses too many parts, too many columns and too long a cell, naming the row', async () => {
    const parts = workbookParts(sheetXml(cellRow(1, ['code'])));
    for (let i = 0; i < 100; i += 1) parts.push({ name: `xl/media/image${i}.png`, data: Buffer.from('x') });
    expect((await refusalOf(readRawTable(await zipOf(parts)))).rule).toBe('maxZipEntries');

    const wide = Array.from({ length: 70 }, (_, i) => `c${i}`).join(',');
    expect((await refusalOf(readRawTable(Buffer.from(`${wide}\n${wide}\n`)))).rule).toBe('maxColumns');

    const long = await zipOf(
      workbookParts(sheetXml(cellRow(1, ['code']) + cellRow(2, ['ok']) + cellRow(3, ['x'.repeat(10_001)]))),
    );
    expect(await refusalOf(readRawTable(long))).toEqual({ status: 413, rule: 'maxCellLength', args: [10_000, 3] });
  });

  it('refuses a CSV with too many lines or too long a line', async () => {
    const lines = Buffer.from('code\n' + 'MEF\n'.repeat(TABLE_FILE_LIMITS.maxRows + 1));
    expect((await refusalOf(readRawTable(lines))).rule).toBe('maxRows');
    const longLine = Buffer.from(`code\n${'x'.repeat(300 * 1024)}\n`);
    expect(await refusalOf(readRawTable(longLine))).toEqual({
      status: 413,
      rule: 'maxLineLength',
      args: [TABLE_FILE_LIMITS.maxLineLength, 2],
    });
  });

  it('stops a read that runs out of time or memory (422)', async () => {
    const file = Buffer.from('code\nMEF\n');
    expect(await refusalOf(readRawTable(file, { ...TABLE_FILE_LIMITS, maxParseMs: 1 }))).toEqual({
      status: 422,
      rule: 'parseTime',
      args: [0.001],
    });
    const big = await zipOf(workbookParts(manyRows(19_000)));
    expect(await refusalOf(readRawTable(big, { ...TABLE_FILE_LIMITS, maxParseMemoryMb: 16 }))).toMatchObject({
      status: 422,
      rule: 'parseMemory',
    });
  });

  it('says a file is unreadable when it is neither XLSX nor CSV', async () => {
    expect((await refusalOf(readRawTable(Buffer.from('PK\u0003\u0004 not a zip')))).rule).toBe('readableTable');
  });
});

describe('spreadsheet formulas in exports (CSV injection)', () => {
  const spec = [
    { key: 'name', label: { fr: 'Nom', ar: 'الاسم' } },
    { key: 'count', label: { fr: 'Nombre', ar: 'العدد' } },
  ];
  const dangerous = ['=HYPERLINK("http://evil","x")', '+212600000000', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];

  it('prefixes every text cell a spreadsheet would run as a formula, in CSV', async () => {
    for (const value of dangerous) expect(neutralizeFormula(value)).toBe(`'${value}`);
    expect(neutralizeFormula('Rabat')).toBe('Rabat');
    const csv = (
      await writeTable(
        'csv',
        'x',
        spec,
        dangerous.map((value) => [value, -5]),
      )
    ).toString('utf8');
    for (const line of csv.split('\n').slice(1, 5)) expect(line).toMatch(/^"?'[=+\-@]/);
    expect(csv).toContain(',-5'); // numbers are numbers, not text
  });

  it('stores them as text, not formulas, in XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writeTable(
        'xlsx',
        'x',
        spec,
        dangerous.map((value) => [value, 1]),
      )) as never,
    );
    const sheet = workbook.worksheets[0];
    dangerous.forEach((value, index) => {
      const cell = sheet.getRow(index + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(value.replace('\r', '\n')); // XML stores a carriage return as a line feed
    });
  });

  it('imports an exported CSV back to the same text', async () => {
    const csv = await writeTable(
      'csv',
      'x',
      spec,
      dangerous.slice(0, 4).map((value) => [value, 1]),
    );
    const table = await readTable(csv, spec);
    expect(table.rows.map((row) => row.cells[0])).toEqual(dangerous.slice(0, 4));
    expect(unneutralized("'hello")).toBe("'hello");
  });
});
