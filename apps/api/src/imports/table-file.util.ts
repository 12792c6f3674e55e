import { StreamableFile } from '@nestjs/common';
import { TABLE_FILE_LIMITS } from '@marsad/contracts';
import ExcelJS from 'exceljs';
import { AppException } from '../common/errors/app-exception';
import { normalizeForSearch } from '../common/text/search-normalize.util';
import { readRawTable } from './table-reader';

export type TableFormat = 'xlsx' | 'csv';

export interface ColumnSpec {
  /** Stable machine name, also accepted as a header. */
  key: string;
  label: { fr: string; ar: string };
  /** For a yes/no column: what an empty cell means (no, unless said here; see `yesNo`). */
  blank?: 'yes' | 'no';
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

/**
 * Reads the first sheet of an XLSX file, or a UTF-8 CSV file (a byte-order mark
 * is fine), within the upload limits (see readRawTable), and finds the spec's
 * columns by their key, French or Arabic header.
 */
export async function readTable(bytes: Buffer, spec: ColumnSpec[]): Promise<ParsedTable> {
  const raw = await readRawTable(bytes);
  const header = raw[0]?.row === 1 ? raw[0].cells : [];
  if (header.every((text) => text === '')) throw AppException.validation([{ field: 'file', rule: 'readableTable' }]);
  const columns = new Map<string, number>();
  const unknownHeaders: string[] = [];
  header.forEach((text, index) => {
    if (!text) return;
    const key = text.match(/\(([a-z_]+)\)\s*$/)?.[1];
    const normalized = normalizeForSearch(text);
    const column = spec.find(
      (c) =>
        c.key === key ||
        c.key === text ||
        normalizeForSearch(c.label.fr) === normalized ||
        normalizeForSearch(c.label.ar) === normalized,
    );
    if (column) columns.set(column.key, index);
    else unknownHeaders.push(text);
  });
  const rows: ParsedTable['rows'] = [];
  for (const { row, cells: values } of raw) {
    if (row === 1) continue;
    const cells = header.map((_, index) => unneutralized(values[index] ?? ''));
    if (cells.some((cell) => cell !== '')) rows.push({ row, cells });
  }
  return { columns, unknownHeaders, rows };
}

/** Characters that make a spreadsheet read a CSV cell as a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a CSV export writes it: one that could be read as a formula is prefixed with an apostrophe. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text a neutralised cell held, so an exported file imports back unchanged. */
export function unneutralized(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * A sheet with bilingual headers. In CSV, text cells that a spreadsheet would
 * run as formulas are neutralised, and a byte-order mark lets Excel open Arabic
 * intact; XLSX stores every text as a string cell, never as a formula.
 */
export async function writeTable(
  format: TableFormat,
  sheetName: string,
  spec: ColumnSpec[],
  rows: (string | number | boolean | null)[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Marsad';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.map((column) => ({
    header: headerOf(column),
    key: column.key,
    width: Math.max(18, headerOf(column).length * 0.9),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      row.map((value) =>
        value === null ? '' : format === 'csv' && typeof value === 'string' ? neutralizeFormula(value) : value,
      ),
    );
  }
  if (format === 'xlsx') return Buffer.from(await workbook.xlsx.writeBuffer());
  const csv = Buffer.from(await workbook.csv.writeBuffer());
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), csv]);
}

export const CONTENT_TYPES: Record<TableFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Upload limits and OpenAPI body shared by every spreadsheet import route. */
export const TABLE_UPLOAD_LIMITS = { limits: { fileSize: TABLE_FILE_LIMITS.maxBytes, files: 1, fields: 2 } };
export const TABLE_UPLOAD_BODY = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
};

/** A generated sheet as a download. */
export function tableDownload(bytes: Buffer, format: TableFormat, name: string): StreamableFile {
  return new StreamableFile(bytes, {
    type: CONTENT_TYPES[format],
    length: bytes.length,
    disposition: `attachment; filename="${name}.${format}"`,
  });
}
