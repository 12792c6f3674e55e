/**
 * What a spreadsheet upload (XLSX or CSV) may hold. The API checks them before
 * and while it reads a file, in a separate thread with a time and memory budget;
 * the import wizard shows them.
 */
export const TABLE_FILE_LIMITS = {
  /** The uploaded file itself. */
  maxBytes: 10 * 1024 * 1024,
  /** What an XLSX (a zip) may unpack to, all parts together. */
  maxUnpackedBytes: 40 * 1024 * 1024,
  /** Parts of an XLSX (a plain workbook has about ten). */
  maxEntries: 100,
  /** Data rows (the header row aside). */
  maxRows: 20_000,
  maxColumns: 64,
  /** Characters in one cell. */
  maxCellLength: 10_000,
  /** Characters in one line of a CSV file. */
  maxLineLength: 256 * 1024,
  /** Time to read a file, in milliseconds. */
  maxParseMs: 20_000,
  /** Memory the reading thread may use, in MB. */
  maxParseMemoryMb: 512,
} as const;

/** The rules an upload breaks when it goes beyond a limit (field `file`). */
export const TABLE_FILE_RULES = [
  'maxUnpackedSize',
  'maxZipEntries',
  'maxRows',
  'maxColumns',
  'maxCellLength',
  'maxLineLength',
  'parseTime',
  'parseMemory',
] as const;
export type TableFileRule = (typeof TABLE_FILE_RULES)[number];

export type TableFileLimits = { readonly [K in keyof typeof TABLE_FILE_LIMITS]: number };
