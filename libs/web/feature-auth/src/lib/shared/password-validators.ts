import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** The confirmation must repeat the new password: set on the group, shown on the confirmation. */
export function passwordsMatch(passwordKey: string, confirmKey: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const confirm = group.get(confirmKey);
    const matches = !confirm?.value || group.get(passwordKey)?.value === confirm.value;
    if (confirm) {
      const others = { ...(confirm.errors ?? {}) };
      delete others['mismatch'];
      confirm.setErrors(matches ? (Object.keys(others).length ? others : null) : { ...others, mismatch: true });
    }
    return matches ? null : { mismatch: true };
  };
}

/** The API refuses a password equal to the account's email. */
export function notEqualTo(other: () => string | null | undefined): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = String(control.value ?? '')
      .trim()
      .toLowerCase();
    const email = (other() ?? '').trim().toLowerCase();
    return value && email && value === email ? { passwordIsEmail: true } : null;
  };
}
