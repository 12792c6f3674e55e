import { signal } from '@angular/core';
import type { Direction } from '@angular/cdk/bidi';
import type { AbstractControl, FormGroupDirective } from '@angular/forms';
import type { MatDialog } from '@angular/material/dialog';
import type { FieldError } from '@marsad/contracts';
import type { Observable } from 'rxjs';
import {
  ConflictDialog,
  type ConflictChoice,
  type ConflictDialogData,
  type ConflictRow,
} from '../dialogs/conflict-dialog';
import { applyServerErrors } from './form-utils';

/** What a failed save shows above a form: the code's message, the server's detail, and the fields no control claims. */
export interface FormAlert {
  key: string;
  detail: string;
  fields: FieldError[];
}

/** The parts of the web app's ApiError these helpers read (the ui library does not depend on data-access). */
export interface ServerErrorLike {
  /** The HTTP status; 0 when the API could not be reached. */
  readonly status?: number;
  readonly code: string;
  readonly messageKey: string;
  readonly message: string;
  readonly fields: readonly FieldError[];
  readonly current?: unknown;
}

/** Renames or regroups the API's field paths before they meet the controls. */
export type FieldMapper = (fields: readonly FieldError[]) => readonly FieldError[];

/**
 * Turns a failed save into what the form shows: a 400 VALIDATION_FAILED puts its field messages on the
 * matching controls (listing only the unclaimed ones), anything else shows its message and detail. A
 * network failure (status 0) has no detail worth showing: only the translated message.
 */
export function formAlertFor(
  form: AbstractControl,
  error: ServerErrorLike,
  mapFields: FieldMapper = (fields) => fields,
): FormAlert {
  if (error.code === 'VALIDATION_FAILED' && error.fields.length) {
    return { key: error.messageKey, detail: '', fields: applyServerErrors(form, mapFields(error.fields)) };
  }
  return { key: error.messageKey, detail: error.status === 0 ? '' : error.message, fields: [] };
}

/** A form's saving flag and the alert above it, through a save's start, success and failure. */
export class ServerForm {
  readonly saving = signal(false);
  readonly alert = signal<FormAlert | null>(null);

  constructor(
    private readonly form: AbstractControl,
    private readonly mapFields?: FieldMapper,
  ) {}

  start(): void {
    this.saving.set(true);
    this.alert.set(null);
  }

  done(): void {
    this.saving.set(false);
  }

  fail(error: ServerErrorLike): void {
    this.saving.set(false);
    this.alert.set(formAlertFor(this.form, error, this.mapFields));
  }

  /** Only a message (a literal translation key), e.g. after choosing to keep editing over a newer version. */
  show(key: string): void {
    this.alert.set({ key, detail: '', fields: [] });
  }

  clear(): void {
    this.alert.set(null);
  }
}

/** The record a 409 VERSION_CONFLICT carries, when it is one; null for any other failure. */
export function conflictingRecord<T>(error: ServerErrorLike, isRecord: (value: unknown) => value is T): T | null {
  return error.code === 'VERSION_CONFLICT' && isRecord(error.current) ? error.current : null;
}

/** A record with a numeric version and a string under `key` (`id` by default). */
export function isVersioned<T extends { version: number }>(
  value: unknown,
  key: keyof T & string = 'id' as keyof T & string,
): value is T {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as T).version === 'number' &&
    typeof (value as Record<string, unknown>)[key] === 'string'
  );
}

/** One row of the conflict dialog: marked when the two sides differ. */
export function conflictRow(labelKey: string, theirs: string, mine: string): ConflictRow {
  return { labelKey, theirs, mine, differs: theirs !== mine };
}

/** Shows their version beside mine; emits the reader's choice. */
export function askConflict(
  dialog: MatDialog,
  data: ConflictDialogData,
  direction: Direction,
): Observable<ConflictChoice> {
  return dialog
    .open<ConflictDialog, ConflictDialogData, ConflictChoice>(ConflictDialog, {
      data,
      direction,
      maxWidth: '95vw',
      autoFocus: 'dialog',
    })
    .afterClosed();
}

/** Resets through the form's directive when there is one, or its `submitted` flag keeps a fresh form showing errors. */
export function resetForm<V>(
  form: AbstractControl & { reset(value?: V): void },
  directive: FormGroupDirective | undefined,
  value: V,
): void {
  if (directive?.form) directive.resetForm(value);
  else form.reset(value);
}
