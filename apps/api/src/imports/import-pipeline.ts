import { HttpStatus } from '@nestjs/common';
import type { ImportIssue, ImportPreview, ImportResult, Locale } from '@marsad/contracts';
import type { EntityManager } from 'typeorm';
import type { AuditChange, AuditService } from '../audit/audit.service';
import type { ActorContext } from '../auth/actor';
import { AppException, type RuleViolation } from '../common/errors/app-exception';
import { renderViolation } from '../common/errors/http-exception.filter';
import { readTable, type ColumnSpec, type ParsedTable } from './table-file.util';

/**
 * The one import pipeline (officers, administrations, inventories):
 * file (`readImportTable`, bounded by the upload limits) → rows → per-row validation with
 * field, rule and value (`checkRows`) → `previewImport` → `commitImport`, all or nothing,
 * its audit events written by `AuditService.recordMany` in the same transaction.
 */

/** An issue as found; its message is written in the caller's language when previewed. */
export type FoundIssue = ImportIssue & { args?: unknown[] };

/** What a file would do. */
export interface ImportPlanCounts {
  creates: unknown[];
  updates: unknown[];
  unchanged: number;
}

/** The rows of a file that passed validation, every issue found, and how many rows it held. */
export interface CheckedFile<Row> {
  valid: Row[];
  issues: FoundIssue[];
  total: number;
}

/** One kind of import: how a file is checked, what it would do, and how that is written. */
export interface ImportSteps<Row, Plan extends ImportPlanCounts> {
  /** Reads and checks the file; writes nothing. */
  check(manager: EntityManager): Promise<CheckedFile<Row>>;
  /** Sorts the valid rows into creates, updates and unchanged. */
  plan(manager: EntityManager, valid: Row[]): Promise<Plan>;
  /** Writes the plan; gives the audit events to record. */
  apply(manager: EntityManager, plan: Plan): Promise<AuditChange[]>;
}

/** Rows inserted per statement. */
export const IMPORT_CHUNK = 500;

/**
 * Spreadsheet spellings of yes and no (French, English, Arabic), for every import.
 * `o`, `y` and `n` were accepted by the officers' and inventories' imports, and still are.
 */
export const YES_WORDS: ReadonlySet<string> = new Set(['oui', 'yes', 'true', '1', 'نعم', 'o', 'y']);
export const NO_WORDS: ReadonlySet<string> = new Set(['non', 'no', 'false', '0', 'لا', 'n']);

/**
 * A yes/no cell: true, false, or null when it is neither. An empty cell means no, unless the
 * column says otherwise (`blank: 'yes'` in its spec).
 */
export function yesNo(value: string, column: Pick<ColumnSpec, 'blank'> = {}): boolean | null {
  const word = value.trim().toLowerCase();
  if (word === '') return (column.blank ?? 'no') === 'yes';
  if (YES_WORDS.has(word)) return true;
  if (NO_WORDS.has(word)) return false;
  return null;
}

/** The spec of `key` among `columns` (for its yes/no default). */
export function columnOf(columns: readonly ColumnSpec[], key: string): ColumnSpec {
  const column = columns.find((c) => c.key === key);
  if (!column) throw new Error(`No column ${key}`);
  return column;
}

/** Reads the file (within the upload limits); it must carry the required columns and some rows, and not too many. */
export async function readImportTable(
  bytes: Buffer,
  columns: ColumnSpec[],
  required: string[],
  maxRows = 20_000,
): Promise<ParsedTable> {
  const table = await readTable(bytes, columns);
  const missing = required.filter((key) => !table.columns.has(key));
  if (missing.length)
    throw AppException.validation(missing.map((key) => ({ field: `column ${key}`, rule: 'missingColumn' })));
  if (table.rows.length === 0) throw AppException.validation([{ field: 'file', rule: 'noRows' }]);
  if (table.rows.length > maxRows)
    throw new AppException(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', {
      limit: `${maxRows.toLocaleString('en')} rows`,
    });
  return table;
}

/** Reads one row's cells by column key (trimmed; '' for a column the file lacks). */
export function cellReader(table: ParsedTable, cells: string[]): (key: string) => string {
  return (key) => (table.columns.has(key) ? (cells[table.columns.get(key) as number] ?? '').trim() : '');
}

/** One row as a check sees it. */
export interface RowUnderCheck {
  row: number;
  cell: (key: string) => string;
  /** Names a problem: the column, the rule broken, and the rule's arguments. */
  flag: (column: string, rule: string, args?: unknown[]) => void;
  problems: RuleViolation[];
}

/**
 * Runs `check` on every row. A row is valid when nothing was flagged and `check` gave a
 * value; each problem becomes an issue carrying the value its cell held.
 */
export function checkRows<Row>(table: ParsedTable, check: (row: RowUnderCheck) => Row | null): CheckedFile<Row> {
  const valid: Row[] = [];
  const issues: FoundIssue[] = [];
  for (const { row, cells } of table.rows) {
    const cell = cellReader(table, cells);
    const problems: RuleViolation[] = [];
    const value = check({ row, cell, problems, flag: (field, rule, args) => problems.push({ field, rule, args }) });
    issues.push(...issuesOf(row, problems, cell));
    if (problems.length === 0 && value !== null) valid.push(value);
  }
  return { valid, issues, total: table.rows.length };
}

/** The row's problems as issues, each with the value the cell held. */
export function issuesOf(row: number, problems: RuleViolation[], cell: (key: string) => string): FoundIssue[] {
  return problems.map((problem) => ({
    row,
    column: problem.field,
    rule: problem.rule,
    value: cell(problem.field),
    message: '',
    args: problem.args,
  }));
}

/** The preview answer: counts, and every issue with its message in the caller's language. */
export function previewOf(
  total: number,
  valid: number,
  issues: FoundIssue[],
  plan: ImportPlanCounts,
  locale: Locale,
): ImportPreview {
  return {
    rows: total,
    valid,
    issues: issues.map(({ args, ...issue }) => ({
      ...issue,
      message: renderViolation({ field: issue.column, rule: issue.rule, args }, locale).message,
    })),
    create: plan.creates.length,
    update: plan.updates.length,
    unchanged: plan.unchanged,
  };
}

/** A commit refuses the whole file when any row is invalid (the first 200 issues are named). */
export function refuseInvalidRows(issues: FoundIssue[]): void {
  if (issues.length === 0) return;
  throw AppException.validation(
    issues
      .slice(0, 200)
      .map((issue) => ({ field: `row ${issue.row}.${issue.column}`, rule: issue.rule, args: issue.args })),
  );
}

/** What a file would do, written nowhere. */
export async function previewImport<Row, Plan extends ImportPlanCounts>(
  manager: EntityManager,
  steps: ImportSteps<Row, Plan>,
  locale: Locale,
): Promise<ImportPreview> {
  const { valid, issues, total } = await steps.check(manager);
  return previewOf(total, valid.length, issues, await steps.plan(manager, valid), locale);
}

/**
 * Applies a file inside `transaction`: any invalid row refuses the whole file, any failure
 * while writing undoes it all, and the audit events commit with the changes.
 */
export function commitImport<Row, Plan extends ImportPlanCounts>(
  transaction: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>,
  audit: AuditService,
  caller: ActorContext,
  steps: ImportSteps<Row, Plan>,
): Promise<ImportResult> {
  return transaction(async (manager) => {
    const { valid, issues } = await steps.check(manager);
    refuseInvalidRows(issues);
    const plan = await steps.plan(manager, valid);
    await audit.recordMany(manager, caller, await steps.apply(manager, plan));
    return { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
  });
}
