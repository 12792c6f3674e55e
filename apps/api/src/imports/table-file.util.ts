import { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppException } from '../common/errors/app-exception';
import { normalizeForSearch } from '../common/text/search-normalize.util';

export type TableFormat = 'xlsx' | 'csv';

export interface ColumnSpec {
  /** Stable machine name, also accepted as a header. */
  key: string;
  label: { fr: string; ar: string };
}

export interface ParsedTable {
  /** Column key → 0-based index in the file. */
  columns: Map<string, number>;
  unknownHeaders: string[];
  /** Data rows with their 1-based row number in the file (the header is row 1). */
  rows: { row: number; cells: string[] }[];
}

/** The header a template carries: French / Arabic, then the key, so any of the three is recognised. */
export const headerOf = (column: ColumnSpec) => `${column.label.fr} / ${column.label.ar} (${column.key})`;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlinks
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // formulas
    return '';
  }
  return String(value).trim();
}

/** Reads the first sheet of an XLSX file, or a UTF-8 CSV file (a byte-order mark is fine). */
export async function readTable(bytes: Buffer, spec: ColumnSpec[]): Promise<ParsedTable> {
  const workbook = new ExcelJS.Workbook();
  const isXlsx = bytes.subarray(0, 2).toString('latin1') === 'PK';
  try {
    if (isXlsx) await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    // Keep every CSV cell as the text it is: no guessing of dates or numbers (time zones shift dates).
    else await workbook.csv.read(Readable.from(bytes.toString('utf8').replace(/^\uFEFF/, '')), { map: (value: unknown) => value } as never);
  } catch {
    throw AppException.validation([{ field: 'file', rule: 'readableTable' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 1) throw AppException.validation([{ field: 'file', rule: 'readableTable' }]);
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const columns = new Map<string, number>();
  const unknownHeaders: string[] = [];
  header.forEach((text, index) => {
    if (!text) return;
    const key = text.match(/\(([a-z_]+)\)\s*$/)?.[1];
    const normalized = normalizeForSearch(text);
    const column = spec.find(
      (c) => c.key === key || c.key === text || normalizeForSearch(c.label.fr) === normalized || normalizeForSearch(c.label.ar) === normalized,
    );
    if (column) columns.set(column.key, index);
    else unknownHeaders.push(text);
  });
  const rows: ParsedTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    const cells = header.map((_, index) => cellText(values[index]));
    if (cells.some((cell) => cell !== '')) rows.push({ row: rowNumber, cells });
  });
  return { columns, unknownHeaders, rows };
}

/** A sheet with bilingual headers; CSV gets a byte-order mark so Excel opens Arabic intact. */
export async function writeTable(format: TableFormat, sheetName: string, spec: ColumnSpec[], rows: (string | number | boolean | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Marsad';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.map((column) => ({ header: headerOf(column), key: column.key, width: Math.max(18, headerOf(column).length * 0.9) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((value) => (value === null ? '' : value)));
  if (format === 'xlsx') return Buffer.from(await workbook.xlsx.writeBuffer());
  const csv = Buffer.from(await workbook.csv.writeBuffer());
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), csv]);
}

export const CONTENT_TYPES: Record<TableFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Upload limits and OpenAPI body shared by every spreadsheet import route. */
export const TABLE_UPLOAD_LIMITS = { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 2 } };
export const TABLE_UPLOAD_BODY = { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } };

/** A generated sheet as a download. */
export function tableDownload(bytes: Buffer, format: TableFormat, name: string): StreamableFile {
  return new StreamableFile(bytes, { type: CONTENT_TYPES[format], length: bytes.length, disposition: `attachment; filename="${name}.${format}"` });
}
