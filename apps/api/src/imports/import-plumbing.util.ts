import { HttpStatus } from '@nestjs/common';
import type { ImportIssue, ImportPreview, Locale } from '@marsad/contracts';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import type { ActorContext } from '../auth/actor';
import { AppException, type RuleViolation } from '../common/errors/app-exception';
import { renderViolation } from '../common/errors/http-exception.filter';
import type { ParsedTable } from './table-file.util';

/** An issue as found; its message is written in the caller's language when previewed. */
export type FoundIssue = ImportIssue & { args?: unknown[] };

/** What a file would do, before the messages are rendered. */
export interface ImportPlanCounts {
  creates: unknown[];
  updates: unknown[];
  unchanged: number;
}

/** Spreadsheet spellings of yes and no (French, English, Arabic). */
export const YES_WORDS = new Set(['oui', 'yes', 'true', '1', 'نعم', 'o', 'y']);
export const NO_WORDS = new Set(['non', 'no', 'false', '0', 'لا', 'n']);

/** Rows inserted or audit events written per statement. */
export const IMPORT_CHUNK = 500;

/** The file must carry the required columns and some rows, and not too many. */
export function assertTableShape(table: ParsedTable, required: string[], maxRows = 20_000): void {
  const missing = required.filter((key) => !table.columns.has(key));
  if (missing.length) throw AppException.validation(missing.map((key) => ({ field: `column ${key}`, rule: 'missingColumn' })));
  if (table.rows.length === 0) throw AppException.validation([{ field: 'file', rule: 'noRows' }]);
  if (table.rows.length > maxRows) throw new AppException(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', { limit: `${maxRows.toLocaleString('en')} rows` });
}

/** Reads one row's cells by column key (trimmed; '' for a column the file lacks). */
export function cellReader(table: ParsedTable, cells: string[]): (key: string) => string {
  return (key) => (table.columns.has(key) ? (cells[table.columns.get(key) as number] ?? '').trim() : '');
}

/** The row's problems as issues, each with the value the cell held. */
export function issuesOf(row: number, problems: RuleViolation[], cell: (key: string) => string): FoundIssue[] {
  return problems.map((problem) => ({ row, column: problem.field, rule: problem.rule, value: cell(problem.field), message: '', args: problem.args }));
}

/** The preview answer: counts, and every issue with its message in the caller's language. */
export function previewOf(total: number, valid: number, issues: FoundIssue[], plan: ImportPlanCounts, locale: Locale): ImportPreview {
  return {
    rows: total,
    valid,
    issues: issues.map(({ args, ...issue }) => ({ ...issue, message: renderViolation({ field: issue.column, rule: issue.rule, args }, locale).message })),
    create: plan.creates.length,
    update: plan.updates.length,
    unchanged: plan.unchanged,
  };
}

/** A commit refuses the whole file when any row is invalid (the first 200 issues are named). */
export function refuseInvalidRows(issues: FoundIssue[]): void {
  if (issues.length === 0) return;
  throw AppException.validation(issues.slice(0, 200).map((issue) => ({ field: `row ${issue.row}.${issue.column}`, rule: issue.rule, args: issue.args })));
}

/** The who-and-where part of every audit event an import writes. */
export function auditBase(caller: ActorContext): Pick<AuditEvent, 'actorId' | 'actorRole' | 'actorInstitutionCode' | 'requestId' | 'ip' | 'userAgent'> {
  return {
    actorId: caller.actor?.userId ?? null,
    actorRole: caller.actor?.role ?? null,
    actorInstitutionCode: caller.actor?.institutionCode ?? null,
    requestId: caller.meta.requestId,
    ip: caller.meta.ip,
    userAgent: caller.meta.userAgent?.slice(0, 400) ?? null,
  };
}

/** Writes an import's audit events in chunks, inside the import's transaction. */
export async function insertAuditEvents(manager: EntityManager, events: Partial<AuditEvent>[]): Promise<void> {
  for (let i = 0; i < events.length; i += IMPORT_CHUNK) {
    await manager.getRepository(AuditEvent).insert(events.slice(i, i + IMPORT_CHUNK) as never);
  }
}
