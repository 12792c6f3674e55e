import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { FieldError } from '@marsad/contracts';

/**
 * Puts the API's per-field messages on the matching controls (`links.0.url` finds the control
 * inside the array). Returns the ones no control claims, to show above the form.
 */
export function applyServerErrors(form: AbstractControl, fields: readonly FieldError[]): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const field of fields) {
    const control = form.get(field.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: field.message });
      control.markAsTouched();
    } else {
      unmatched.push(field);
    }
  }
  return unmatched;
}

/** Today as `YYYY-MM-DD` in the reader's time zone. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const notInFuture: ValidatorFn = (control: AbstractControl): ValidationErrors | null =>
  typeof control.value === 'string' && control.value > todayIso() ? { future: true } : null;

export const httpUrl: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value = control.value;
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : { url: true };
  } catch {
    return { url: true };
  }
};

/** Start before due: set on the group, shown on the due date. */
export function dateOrder(startKey: string, dueKey: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const start = group.get(startKey)?.value;
    const due = group.get(dueKey)?.value;
    return start && due && due < start ? { dateOrder: true } : null;
  };
}
